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
  // Each save carries the version of the proposal this page holds; the server refuses
  // a save over a newer one (another tab or window) and says so, as it says why any
  // other autosave was refused. The person reads every answer in the status line.
  var url = form.dataset.autosaveUrl;
  if (!url || !window.fetch || !window.FormData) { return; }
  var status = form.querySelector("[data-autosave-status]");
  var version = form.querySelector("input[name=version]");
  var failedText = form.dataset.autosaveFailedText || "";
  var every = Math.max(5, Number(form.dataset.autosaveSeconds) || 30) * 1000;
  var dirty = false;
  var pending = null;  // the save on its way, if any

  var show = function (text) { if (status && text) { status.textContent = text; } };
  var payload = function () {
    var data = new FormData(form);
    data.delete("attachment");  // files go with "Save draft" or "Submit"
    data.delete("action");
    data.delete("remove_attachment");
    return data;
  };
  var save = function (keepalive) {
    if (!dirty || pending || !url) { return; }
    dirty = false;
    pending = fetch(url, {
      method: "POST",
      body: payload(),
      credentials: "same-origin",
      keepalive: Boolean(keepalive),
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok && body.version && version) { version.value = body.version; }
        show(body.message || (response.ok ? "" : failedText));
        if (response.status >= 500) {
          dirty = true;  // the server failed: try again at the next tick
        } else if (!response.ok && response.status !== 400) {
          url = null;  // submitted, locked, gone or changed elsewhere: stop
        }
      });
    }).catch(function () {
      dirty = true;  // offline: try again at the next tick
      show(failedText);
    }).finally(function () { pending = null; });
  };

  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  form.addEventListener("submit", function (event) {
    url = null;  // a real submit saves everything; no autosave after it
    dirty = false;
    if (!pending) { return; }
    // A save is on its way and will change the version: submit once it is back, with
    // the button that was pressed, or this page's own submit is refused as stale.
    event.preventDefault();
    var submitter = event.submitter;
    pending.then(function () {
      if (submitter && submitter.name) {
        var pressed = document.createElement("input");
        pressed.type = "hidden";
        pressed.name = submitter.name;
        pressed.value = submitter.value;
        form.appendChild(pressed);
      }
      HTMLFormElement.prototype.submit.call(form);
    });
  });
  window.setInterval(function () { save(false); }, every);
  var leave = function () { save(true); };
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { leave(); }
  });
  window.addEventListener("pagehide", leave);
})();
