// The site's shell, enhanced: everything here also works without this file.
(function () {
  "use strict";
  var menu = document.querySelector("[data-site-menu]");
  if (menu) {
    var summary = menu.querySelector("summary");
    // Browsers without ::details-content cannot show a closed menu on wide screens.
    var wide = window.matchMedia("(min-width: 64rem)");
    var showsClosedContent = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    var fitWidth = function () {
      if (!showsClosedContent && wide.matches) menu.open = true;
    };
    fitWidth();
    if (wide.addEventListener) wide.addEventListener("change", fitWidth);
    // Escape closes the open menu and gives the focus back to its button; so does a
    // click outside it.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open && !wide.matches) {
        menu.open = false;
        summary.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !wide.matches && !menu.contains(event.target)) menu.open = false;
    });
  }

  // The language form sends itself when a language is picked with the pointer. From
  // the keyboard, arrow keys change a closed select at every press: there the
  // button sends it, so that moving through the list does not reload the page.
  var form = document.querySelector("[data-language-form]");
  if (form) {
    var select = form.querySelector("select");
    var byKeyboard = false;
    select.addEventListener("keydown", function () { byKeyboard = true; });
    select.addEventListener("pointerdown", function () { byKeyboard = false; });
    select.addEventListener("change", function () {
      if (!byKeyboard) form.submit();
    });
  }
})();
