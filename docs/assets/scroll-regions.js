// Material puts wide tables in a box that scrolls sideways once the page has loaded, and code blocks scroll too.
// A keyboard user must be able to reach and scroll such a box, and a screen reader to name it.
(function () {
  "use strict";
  function label() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Table (scrolls sideways)");
    });
    document.querySelectorAll(".md-typeset pre > code:not([tabindex])").forEach(function (code) {
      code.setAttribute("tabindex", "0");
    });
  }
  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", label);
})();
