// Type-ahead for the search box: progressive enhancement, the form works without it.
(function () {
  "use strict";
  var input = document.getElementById("id_q");
  if (!input || !window.fetch) { return; }
  var list = document.createElement("ul");
  list.className = "suggestions";
  list.id = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  input.setAttribute("aria-controls", list.id);
  input.parentNode.parentNode.insertBefore(list, input.parentNode.nextSibling);
  var timer = null;
  var latest = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var value = input.value.trim();
    if (value.length < 2) { list.hidden = true; return; }
    timer = setTimeout(function () {
      var ticket = ++latest;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(value), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (ticket !== latest) { return; }
          list.textContent = "";
          data.suggestions.forEach(function (item) {
            var li = document.createElement("li");
            li.setAttribute("role", "option");
            var a = document.createElement("a");
            a.href = item.url;
            a.textContent = item.title;
            li.appendChild(a);
            list.appendChild(li);
          });
          list.hidden = data.suggestions.length === 0;
        })
        .catch(function () { list.hidden = true; });
    }, 200);
  });
})();
