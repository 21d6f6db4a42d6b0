// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.closest("[hidden]") && button.closest("[hidden]").removeAttribute("hidden");
    button.addEventListener("click", function () { window.print(); });
  });
})();
