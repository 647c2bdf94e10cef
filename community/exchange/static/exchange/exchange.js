// Mention completion for the exchange's text areas: type "@" and a few letters to
// pick a member of the space. Progressive enhancement: without this script, typing
// the handle by hand works the same. Members are fetched once per page, on first use.
(function () {
  "use strict";

  function setup(form) {
    var url = form.getAttribute("data-mentions-url");
    var textarea = form.querySelector("textarea[data-mentions]");
    if (!url || !textarea) return;
    var members = null;
    var loading = false;
    var menu = document.createElement("ul");
    menu.className = "mention-menu";
    menu.id = textarea.id + "-mentions";
    menu.setAttribute("role", "listbox");
    menu.setAttribute("aria-label", form.getAttribute("data-mentions-label") || "Members");
    menu.hidden = true;
    textarea.parentNode.appendChild(menu);
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", menu.id);
    var options = [];
    var active = -1;

    function load() {
      if (members || loading) return;
      loading = true;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { members: [] }; })
        .then(function (data) { members = data.members || []; update(); })
        .catch(function () { members = []; });
    }

    function query() {
      var before = textarea.value.slice(0, textarea.selectionStart);
      var match = /(^|[^\w.@-])@([\w-]{0,40})$/.exec(before);
      return match ? match[2].toLowerCase() : null;
    }

    function close() {
      menu.hidden = true;
      active = -1;
      textarea.removeAttribute("aria-activedescendant");
    }

    function choose(index) {
      var member = options[index];
      if (!member) return;
      var start = textarea.selectionStart;
      var before = textarea.value.slice(0, start).replace(/@[\w-]*$/, "@" + member.handle + " ");
      textarea.value = before + textarea.value.slice(start);
      textarea.selectionStart = textarea.selectionEnd = before.length;
      close();
      textarea.focus();
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(menu.children, function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) textarea.setAttribute("aria-activedescendant", menu.id + "-" + index);
    }

    function update() {
      var text = query();
      if (text === null || !members) { close(); return; }
      options = members.filter(function (m) {
        return m.handle.indexOf(text) === 0 || m.name.toLowerCase().indexOf(text) !== -1;
      }).slice(0, 8);
      menu.textContent = "";
      if (!options.length) { close(); return; }
      options.forEach(function (member, i) {
        var item = document.createElement("li");
        item.id = menu.id + "-" + i;
        item.setAttribute("role", "option");
        item.textContent = member.name + " (@" + member.handle + ")";
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        menu.appendChild(item);
      });
      menu.hidden = false;
      highlight(0);
    }

    textarea.addEventListener("focus", load);
    textarea.addEventListener("input", update);
    textarea.addEventListener("blur", close);
    textarea.addEventListener("keydown", function (event) {
      if (menu.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % options.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight((active - 1 + options.length) % options.length); }
      else if (event.key === "Enter" || event.key === "Tab") { event.preventDefault(); choose(active); }
      else if (event.key === "Escape") { close(); }
    });
  }

  document.querySelectorAll("form[data-mentions-url]").forEach(setup);
})();
