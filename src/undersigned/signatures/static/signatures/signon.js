// Type-ahead over the registry for the sign-on form. The form works without it: a typed name
// is matched on the server. This only offers the registry's names while the person types.
(function () {
  "use strict";
  document.querySelectorAll("[data-signon-form]").forEach(function (form) {
    var input = form.querySelector("[name=organization_name]");
    var hidden = form.querySelector("[name=organization]");
    var list = form.querySelector(".signon-suggestions");
    var status = form.querySelector("[data-signon-status]");
    var newFields = form.querySelector("[data-signon-new]");
    if (!input || !hidden || !list) { return; }
    var results = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function showNewFields(show) {
      if (newFields) { newFields.hidden = !show; }
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function choose(index) {
      var item = results[index];
      if (!item) { return; }
      input.value = item.name;
      hidden.value = String(item.id);
      showNewFields(false);
      close();
    }
    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      }
    }
    function render() {
      list.textContent = "";
      results.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = "signon-suggestion-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.name;
        var extra = [item.also, item.city].filter(Boolean).join(" · ");
        if (extra) {
          var small = document.createElement("span");
          small.className = "also";
          small.textContent = " — " + extra;
          option.appendChild(small);
        }
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.appendChild(option);
      });
      var open = results.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (status) {
        status.textContent = open ? results.length + " " + form.dataset.resultsText : (input.value.trim().length >= 2 ? form.dataset.noneText : "");
      }
    }
    function search() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < 2) { results = []; render(); return; }
      fetch(form.dataset.lookupUrl + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (input.value.trim() !== query) { return; }
          results = data.results || [];
          render();
        })
        .catch(function () { results = []; render(); });
    }

    input.addEventListener("input", function () {
      // A name typed after a pick is a different organisation: forget the pick.
      hidden.value = "";
      showNewFields(true);
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(active + 1, results.length - 1)); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(active); }
      else if (event.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    if (hidden.value) { showNewFields(false); }
  });
})();
