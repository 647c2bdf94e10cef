// Type-ahead for every search box with data-suggest-url, in the ARIA combobox pattern:
// the text box keeps the focus and controls a listbox of suggestions; the arrow keys
// move through them, Enter opens the one chosen, Escape closes the list. Progressive
// enhancement: the form works without it.
(function () {
  "use strict";
  if (!window.fetch) { return; }
  var count = 0;

  function enhance(input) {
    var id = "search-suggestions" + (count++ ? "-" + count : "");
    var list = document.createElement("ul");
    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;
    list.className = "suggestions";
    list.id = id;
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var label = input.labels && input.labels[0];
    if (label) {
      if (!label.id) { label.id = id + "-label"; }
      list.setAttribute("aria-labelledby", label.id);
    }
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    // The search row is the list's positioning box: it opens under the box, as wide as the row.
    input.parentNode.appendChild(list);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function choose(index) {
      var options = list.children;
      if (active >= 0 && options[active]) { options[active].setAttribute("aria-selected", "false"); }
      active = index;
      options[index].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }
    function open(item) { window.location.assign(item.url); }
    function show(suggestions) {
      close();
      list.textContent = "";
      items = suggestions;
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.title;
        // Keep the focus in the box, so that a click is not taken for leaving it.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { open(item); });
        list.appendChild(option);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2) { latest++; show([]); return; }
      timer = setTimeout(function () {
        var ticket = ++latest;
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(value), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) { if (ticket === latest) { show(data.suggestions || []); } })
          .catch(function () { close(); });
      }, 200);
    });
    input.addEventListener("keydown", function (event) {
      var n = items.length;
      if ((event.key === "ArrowDown" || event.key === "ArrowUp") && n) {
        event.preventDefault();
        if (list.hidden) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        if (event.key === "ArrowDown") { choose(active < n - 1 ? active + 1 : 0); }
        else { choose(active > 0 ? active - 1 : n - 1); }
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        open(items[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
