// The proposal form: a live counter for the four sections' character budget, and
// autosave of drafts. The form works without this script: the server enforces the
// same budget and "Save draft" posts the form as usual.
(function () {
  "use strict";
  var form = document.querySelector("form.proposal-form");
  if (!form) { return; }

  // --- Character budget ------------------------------------------------------------
  var sections = form.querySelector("[data-budget]");
  if (sections) {
    var budget = Number(sections.dataset.budget);
    var fields = sections.querySelectorAll("[data-budget-section]");
    var used = sections.querySelector("[data-budget-used]");
    var state = sections.querySelector(".budget-over");
    var counter = sections.querySelector("[data-budget-counter]");
    var lastAnnounced = null;
    // Code points, as the server counts (an emoji is one character, not two).
    var length = function (text) { return Array.from(text).length; };
    var update = function () {
      var total = 0;
      fields.forEach(function (field) { total += length(field.value); });
      used.textContent = total;
      var over = total > budget;
      counter.classList.toggle("is-over", over);
      // Announce only when crossing the limit or every 500 characters, not per key.
      var bucket = over ? "over" : String(Math.floor((budget - total) / 500));
      if (bucket !== lastAnnounced) {
        lastAnnounced = bucket;
        state.textContent = over
          ? "(" + (total - budget) + " " + state.dataset.budgetOverText + ")"
          : "(" + (budget - total) + " " + state.dataset.budgetLeftText + ")";
      }
    };
    fields.forEach(function (field) { field.addEventListener("input", update); });
    update();
  }

  // --- Autosave --------------------------------------------------------------------
  var url = form.dataset.autosaveUrl;
  if (!url || !window.fetch || !window.FormData) { return; }
  var status = form.querySelector("[data-autosave-status]");
  var every = Math.max(5, Number(form.dataset.autosaveSeconds) || 30) * 1000;
  var dirty = false;
  var saving = false;

  var payload = function () {
    var data = new FormData(form);
    data.delete("attachment");  // files go with "Save draft" or "Submit"
    data.delete("action");
    data.delete("remove_attachment");
    return data;
  };
  var save = function (keepalive) {
    if (!dirty || saving) { return; }
    saving = true;
    dirty = false;
    fetch(url, {
      method: "POST",
      body: payload(),
      credentials: "same-origin",
      keepalive: Boolean(keepalive),
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      return response.json().then(function (body) {
        if (status && body.message) { status.textContent = body.message; }
        if (!response.ok) { url = null; }  // locked or submitted: stop trying
      });
    }).catch(function () {
      dirty = true;  // offline or server error: try again at the next tick
    }).finally(function () { saving = false; });
  };

  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  // A real submit saves everything; do not race it with an autosave.
  form.addEventListener("submit", function () { dirty = false; url = null; });
  window.setInterval(function () { if (url) { save(false); } }, every);
  var leave = function () { if (url) { save(true); } };
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { leave(); }
  });
  window.addEventListener("pagehide", leave);
})();
