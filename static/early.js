// Runs before the page is drawn (not deferred), so styles for scripted pages apply at once.
document.documentElement.className = "js";
