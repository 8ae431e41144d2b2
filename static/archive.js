// Progressive enhancement only: everything works without this file.
(function () {
  "use strict";

  // Copy link: the clipboard API, or select the URL field so the user can press Ctrl+C.
  function setupCopy(button) {
    var share = button.closest(".share");
    var input = document.getElementById(button.dataset.copyTarget);
    var status = share.querySelector(".copy-status");
    // The server gives a relative link unless it knows its public address: complete it here.
    input.value = new URL(input.value, document.baseURI).href;
    button.hidden = false;
    function fallback() {
      share.classList.add("show-url");
      input.focus();
      input.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      status.textContent = copied ? "Link copied" : "Press Ctrl+C to copy the link";
    }
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(function () {
          status.textContent = "Link copied";
        }, fallback);
      } else {
        fallback();
      }
    });
  }

  // Sort select: go straight to the option's (short) URL.
  function setupAutosubmit(select) {
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      if (option.dataset.url) { window.location.href = option.dataset.url; } else { select.form.submit(); }
    });
  }

  // Facet filter box: hide values whose label does not contain the typed text.
  function setupFacetFilter(input) {
    var items = input.closest(".facet").querySelectorAll(".facet-value");
    input.hidden = false;
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      items.forEach(function (li) {
        li.hidden = needle !== "" && li.dataset.label.indexOf(needle) < 0;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".copy-link").forEach(setupCopy);
    document.querySelectorAll("select[data-autosubmit]").forEach(setupAutosubmit);
    document.querySelectorAll(".facet-filter").forEach(setupFacetFilter);
    // On phones the filters start folded so results are visible first.
    var filters = document.querySelector("details.filters");
    if (filters && window.matchMedia("(max-width: 899px)").matches) { filters.open = false; }
  });
})();
