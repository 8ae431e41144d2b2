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

  // Facet filter box: hide the values shown whose label does not contain the typed text, and ask
  // the server for every value of the facet that does (not only the few shown).
  function setupFacetFilter(input) {
    var facet = input.closest(".facet");
    var list = facet.querySelector(".facet-values");
    var shown = Array.prototype.slice.call(list.querySelectorAll(".facet-value"));
    var extra = document.createElement("ul");
    extra.className = "facet-values facet-found";
    list.after(extra);
    var timer = null;
    input.hidden = false;
    function item(v) {
      var li = document.createElement("li");
      li.className = "facet-value" + (v.selected ? " is-selected" : "");
      var a = document.createElement("a");
      a.className = "toggle";
      a.href = v.url || "#";
      var label = document.createElement("span");
      label.className = "label";
      label.textContent = v.label;
      a.appendChild(label);
      var count = document.createElement("span");
      count.className = "count";
      count.textContent = v.count.toLocaleString();
      li.appendChild(a);
      li.appendChild(count);
      return li;
    }
    function ask(needle) {
      var params = new URLSearchParams(window.location.search);
      params.set("contains", needle);
      fetch("/facets/" + encodeURIComponent(facet.dataset.facet) + "?" + params.toString(),
            {headers: {"Accept": "application/json"}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          extra.textContent = "";
          if (!data || input.value.trim().toLowerCase() !== needle) { return; }
          var have = {};
          shown.forEach(function (li) { if (!li.hidden) { have[li.dataset.value] = true; } });
          data.values.forEach(function (v) { if (!have[v.value]) { extra.appendChild(item(v)); } });
        });
    }
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      shown.forEach(function (li) {
        li.hidden = needle !== "" && li.dataset.label.indexOf(needle) < 0;
      });
      clearTimeout(timer);
      extra.textContent = "";
      if (needle.length >= 2) { timer = setTimeout(function () { ask(needle); }, 200); }
    });
  }

  // Dragging across the date histogram's bars searches the range they cover; a click is the bar's link.
  function setupHistogram(svg) {
    var bars = Array.prototype.slice.call(svg.querySelectorAll("a.bar"));
    var first = null, last = null;
    function mark() {
      var low = Math.min(first, last), high = Math.max(first, last);
      bars.forEach(function (bar, i) { bar.classList.toggle("bar-dragging", first !== null && i >= low && i <= high); });
    }
    function at(e) {
      var hit = document.elementFromPoint(e.clientX, e.clientY);
      var bar = hit && hit.closest ? hit.closest("a.bar") : null;
      return bar ? bars.indexOf(bar) : -1;
    }
    svg.addEventListener("dragstart", function (e) { e.preventDefault(); });
    svg.addEventListener("pointerdown", function (e) {
      var i = at(e);
      if (i >= 0 && e.button === 0) { first = last = i; }
    });
    svg.addEventListener("pointermove", function (e) {
      var i = at(e);
      if (first !== null && i >= 0 && i !== last) { last = i; mark(); }
    });
    document.addEventListener("pointerup", function () {
      if (first === null) { return; }
      var low = Math.min(first, last), high = Math.max(first, last);
      first = null;
      mark();
      if (low !== high) {
        var url = new URL(bars[low].getAttribute("href"), window.location.href);
        url.searchParams.set("to", bars[high].dataset.end);
        svg.dataset.dragged = "1";
        window.location.assign(url.pathname + url.search);
      }
    });
    svg.addEventListener("click", function (e) {  // the click that ends a drag is not the first bar's link
      if (svg.dataset.dragged) { e.preventDefault(); }
    });
  }

  // The world map: shift-click or Shift+Enter excludes a country, a readout says the country under
  // the pointer or focus, and the countries are one tab stop, arrow keys moving by count.
  function setupMap(svg) {
    var box = svg.closest(".worldmap");
    var readout = box.querySelector(".map-readout");
    var links = Array.prototype.slice.call(svg.querySelectorAll("a.map-country"));
    links.sort(function (a, b) { return Number(b.dataset.count) - Number(a.dataset.count); });
    var current = links.filter(function (a) { return a.classList.contains("is-selected"); })[0] || links[0];
    links.forEach(function (a) { a.setAttribute("tabindex", a === current ? "0" : "-1"); });
    function say(a) { readout.textContent = a ? a.querySelector("title").textContent : ""; }
    function exclude(a, e) {  // the NOT link of the country's row in the list beside the map
      var not = box.querySelector('.map-list tr[data-code="' + a.dataset.code + '"] a.exclude');
      if (!not) { return; }
      e.preventDefault();
      window.location.assign(not.getAttribute("href"));
    }
    links.forEach(function (a) {
      a.addEventListener("mouseenter", function () { say(a); });
      a.addEventListener("focus", function () { say(a); });
      a.addEventListener("click", function (e) { if (e.shiftKey) { exclude(a, e); } });
      a.addEventListener("keydown", function (e) {
        var i = links.indexOf(a), next = null;
        if (e.key === "Enter" && e.shiftKey) { exclude(a, e); return; }
        if (e.key === "ArrowRight" || e.key === "ArrowDown") { next = links[Math.min(i + 1, links.length - 1)]; }
        if (e.key === "ArrowLeft" || e.key === "ArrowUp") { next = links[Math.max(i - 1, 0)]; }
        if (e.key === "Home") { next = links[0]; }
        if (e.key === "End") { next = links[links.length - 1]; }
        if (next) {
          e.preventDefault();
          a.setAttribute("tabindex", "-1");
          next.setAttribute("tabindex", "0");
          next.focus();
        }
      });
    });
    svg.addEventListener("mouseleave", function () { say(null); });
    // Folded or open as the user left it; folded at first on phones, where results come first.
    var stored = null;
    try { stored = window.localStorage.getItem("archive.map"); } catch (e) { stored = null; }
    if (stored) { box.open = stored === "open"; } else if (window.matchMedia("(max-width: 699px)").matches) { box.open = false; }
    box.addEventListener("toggle", function () {
      try { window.localStorage.setItem("archive.map", box.open ? "open" : "closed"); } catch (e) { /* private mode */ }
    });
  }

  // Keyboard shortcuts: "/" the search box, j/k the next/previous result, [ and ] the previous/next page,
  // "?" this list. Not while typing in a field, nor with Ctrl, Alt or Meta (the browser's own).
  function setupShortcuts() {
    var help = document.getElementById("shortcuts");
    if (!help) { return; }
    document.querySelectorAll("[data-open-shortcuts]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { help.showModal(); });
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) { return; }
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (typing || help.open) { return; }
      var results = Array.prototype.slice.call(document.querySelectorAll(".hit-title a"));
      var at = results.indexOf(document.activeElement);
      if (event.key === "/") {
        var box = document.getElementById("q") || document.getElementById("top-q");
        if (box) { event.preventDefault(); box.focus(); box.select(); }
      } else if ((event.key === "j" || event.key === "k") && results.length) {
        event.preventDefault();
        var next = event.key === "j" ? Math.min(at + 1, results.length - 1) : Math.max(at - 1, 0);
        if (at < 0) { next = event.key === "j" ? 0 : results.length - 1; }
        results[next].focus();
        results[next].scrollIntoView({block: "nearest"});
      } else if (event.key === "[" || event.key === "]") {
        var link = document.querySelector(event.key === "[" ? ".pagination a[rel=prev]" : ".pagination a[rel=next]");
        if (link) { event.preventDefault(); window.location.href = link.href; }
      } else if (event.key === "?") {
        event.preventDefault();
        help.showModal();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupShortcuts();
    document.querySelectorAll(".worldmap svg.map").forEach(setupMap);
    document.querySelectorAll(".histogram-bars").forEach(setupHistogram);
    document.querySelectorAll(".copy-link").forEach(setupCopy);
    document.querySelectorAll("select[data-autosubmit]").forEach(setupAutosubmit);
    document.querySelectorAll(".facet-filter").forEach(setupFacetFilter);
    // On phones the filters start folded so results are visible first.
    var filters = document.querySelector("details.filters");
    if (filters && window.matchMedia("(max-width: 899px)").matches) { filters.open = false; }
  });
})();
