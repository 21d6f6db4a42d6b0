// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.closest("[hidden]") && button.closest("[hidden]").removeAttribute("hidden");
    button.addEventListener("click", function () { window.print(); });
  });

  // A page whose address carries a private link's token in its query (the supporter's
  // confirmation page, kept once for everyone): the language links keep it, so the page in
  // another language still confirms. Without this file its Confirm says to open the mail's link.
  if (document.querySelector("[data-keeps-query]") && window.location.search) {
    document.querySelectorAll(".language-switcher a[hreflang]").forEach(function (link) {
      link.search = window.location.search;
    });
  }

  // A form sent back with errors: move focus to the list of errors, so it is read out first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  // Display settings, kept in this browser only (localStorage); engagement/_head.html applies
  // them before the first paint, this keeps the panel and the page in step afterwards.
  var KEY = "undersigned:display";
  var GROUPS = ["size", "font", "weight", "spacing", "scheme"];
  var COLOUR = /^#[0-9a-f]{6}$/i;
  var root = document.documentElement;
  var panel = document.getElementById("a11y-panel");

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(state) {
    try {
      if (Object.keys(state).length) { window.localStorage.setItem(KEY, JSON.stringify(state)); }
      else { window.localStorage.removeItem(KEY); }
    } catch (e) { /* storage blocked: the choice holds for this page only */ }
  }
  function apply(state) {
    GROUPS.forEach(function (group) {
      if (state[group]) { root.setAttribute("data-a11y-" + group, state[group]); }
      else { root.removeAttribute("data-a11y-" + group); }
    });
    if (state.scheme === "custom" && COLOUR.test(state.bg || "") && COLOUR.test(state.fg || "")) {
      root.style.setProperty("--a11y-bg", state.bg);
      root.style.setProperty("--a11y-fg", state.fg);
    } else {
      root.style.removeProperty("--a11y-bg");
      root.style.removeProperty("--a11y-fg");
    }
  }

  // WCAG relative luminance and contrast ratio of two #rrggbb colours.
  function luminance(hex) {
    var channels = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }
  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  if (panel) {
    var bg = document.getElementById("a11y-bg");
    var fg = document.getElementById("a11y-fg");
    var ratio = document.getElementById("a11y-contrast");
    var status = panel.querySelector("[data-a11y-status]");

    var showContrast = function () {
      var value = contrast(bg.value, fg.value);
      var text = ratio.getAttribute("data-template").replace("%(ratio)s", value.toFixed(1));
      if (value < 4.5) { text += " " + ratio.getAttribute("data-low"); }
      ratio.textContent = text;
    };
    var syncPanel = function (state) {
      GROUPS.forEach(function (group) {
        var input = document.getElementById("a11y-" + group + "-" + (state[group] || "default"));
        if (input) { input.checked = true; }
      });
      if (COLOUR.test(state.bg || "")) { bg.value = state.bg; }
      if (COLOUR.test(state.fg || "")) { fg.value = state.fg; }
      showContrast();
    };
    var current = function () {
      var state = {};
      GROUPS.forEach(function (group) {
        var checked = panel.querySelector("input[name='a11y-" + group + "']:checked");
        if (checked && checked.value !== "default") { state[group] = checked.value; }
      });
      if (state.scheme === "custom") { state.bg = bg.value; state.fg = fg.value; }
      return state;
    };
    var update = function () {
      var state = current();
      apply(state);
      save(state);
      showContrast();
    };

    syncPanel(load());
    panel.addEventListener("change", function (event) {
      if (event.target.name && event.target.name.indexOf("a11y-") === 0) { update(); }
    });
    [bg, fg].forEach(function (input) {
      input.addEventListener("input", function () {
        document.getElementById("a11y-scheme-custom").checked = true;
        update();
      });
    });
    panel.querySelector("[data-a11y-reset]").addEventListener("click", function () {
      save({});
      apply({});
      syncPanel({});
      status.textContent = "";
      window.setTimeout(function () { status.textContent = status.getAttribute("data-reset-message"); }, 50);
    });
    // A change made in another tab shows here too.
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) { var state = load(); apply(state); syncPanel(state); }
    });
  }

  // Sharing: the system's share sheet where there is one, and copying the address.
  var shareStatus = document.querySelector("[data-share-status]");
  document.querySelectorAll("[data-share-url]").forEach(function (button) {
    var data = { title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") };
    if (!navigator.share || (navigator.canShare && !navigator.canShare(data))) { return; }
    button.closest("[hidden]") && button.closest("[hidden]").removeAttribute("hidden");
    button.addEventListener("click", function () {
      navigator.share(data).catch(function () { /* the reader closed the sheet */ });
    });
  });
  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    if (!navigator.clipboard || !window.isSecureContext) { return; }
    button.closest("[hidden]") && button.closest("[hidden]").removeAttribute("hidden");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-url")).then(function () {
        if (shareStatus) { shareStatus.textContent = button.getAttribute("data-copied"); }
      });
    });
  });
})();
