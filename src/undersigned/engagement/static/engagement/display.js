// Apply the reader's display settings before the first paint: no flash of the default look.
// Loaded without defer in <head> (a file, not inline code: the Content-Security-Policy allows
// only the site's own scripts).
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var saved = JSON.parse(window.localStorage.getItem("undersigned:display") || "{}");
    ["size", "font", "weight", "spacing", "scheme"].forEach(function (key) {
      if (typeof saved[key] === "string" && /^[a-z0-9]{1,12}$/.test(saved[key])) {
        root.setAttribute("data-a11y-" + key, saved[key]);
      }
    });
    if (saved.scheme === "custom" && /^#[0-9a-f]{6}$/i.test(saved.bg) && /^#[0-9a-f]{6}$/i.test(saved.fg)) {
      root.style.setProperty("--a11y-bg", saved.bg);
      root.style.setProperty("--a11y-fg", saved.fg);
    }
  } catch (error) { /* storage blocked: the defaults apply */ }
})();
