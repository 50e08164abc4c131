// Corrections to Material's pages once they have loaded.
// Material puts wide tables in a box that scrolls sideways once the page has loaded, and code blocks scroll too.
// A keyboard user must be able to reach and scroll such a box, and a screen reader to name it: each box is a
// region named after the heading it sits under, and no two regions of a page share a name.
// Material's search results show each page's tags in a <nav>: a landmark per result, all without a name. They
// lose the landmark role (role=none): the tags read as the result's text, not as so many unnamed landmarks.
(function () {
  "use strict";
  var used = {};

  function heading(box) {
    for (var node = box; node && node !== document.body; node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) {
          var copy = before.cloneNode(true);
          copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
          return copy.textContent.trim();
        }
      }
    }
    return "";
  }

  function name(box) {
    var under = heading(box);
    var base = under ? "Table: " + under : "Table";
    used[base] = (used[base] || 0) + 1;
    return base + (used[base] > 1 ? " (" + used[base] + ")" : "") + ", scrolls sideways";
  }

  function label() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name(box));
    });
    document.querySelectorAll(".md-typeset pre > code:not([tabindex])").forEach(function (code) {
      code.setAttribute("tabindex", "0");
    });
    document.querySelectorAll(".md-search-result nav.md-tags:not([role])").forEach(function (tags) {
      tags.setAttribute("role", "none");
    });
  }
  // The drawer (phones and tablets) opens at the level that lists the page. A practice page is not in the
  // navigation but shows its tab (Themes) as active: Material opened the drawer inside Themes, a list of
  // pages that does not hold it; it now opens at the top, with Themes marked.
  function drawerLevel() {
    if (!window.matchMedia("(max-width: 76.234375em)").matches) return;
    document.querySelectorAll(".md-nav--primary .md-nav__item--active > input.md-nav__toggle:checked")
      .forEach(function (toggle) {
        if (!toggle.parentElement.querySelector(".md-nav__link--active")) toggle.checked = false;
      });
  }
  document.addEventListener("DOMContentLoaded", drawerLevel);

  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", label);
})();
