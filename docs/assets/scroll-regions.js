// Material puts wide tables in a box that scrolls sideways once the page has loaded. A keyboard user must be able to
// reach and scroll that box, and a screen reader to name it: give each one focus and a label. Nothing else changes.
(function () {
  "use strict";
  function label() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Table (scrolls sideways)");
    });
  }
  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", label);
})();
