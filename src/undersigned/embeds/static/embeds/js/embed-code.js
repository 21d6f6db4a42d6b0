// "Copy embed code": the textarea works without JavaScript (select and copy); this adds a button.
(function () {
  "use strict";
  document.querySelectorAll("[data-embed-code]").forEach(function (field) {
    var status = field.parentNode.querySelector("[data-embed-status]");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed-code-copy";
    button.textContent = field.getAttribute("data-copy-label");
    button.addEventListener("click", function () {
      field.select();
      var done = function () { if (status) { status.textContent = field.getAttribute("data-copied-label"); } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          document.execCommand("copy");
          done();
        });
      } else {
        document.execCommand("copy");
        done();
      }
    });
    field.insertAdjacentElement("afterend", button);
  });
})();
