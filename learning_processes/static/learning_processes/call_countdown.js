// Counts down to a call's deadline (data-countdown-to: Unix seconds of its last
// second). The page already shows the time left when served; this keeps it moving.
(function () {
  "use strict";
  function pad(value) { return String(value).padStart(2, "0"); }
  function start(element) {
    var deadline = Number(element.dataset.countdownTo) * 1000 + 1000;
    var parts = {};
    element.querySelectorAll("[data-part]").forEach(function (part) {
      parts[part.dataset.part] = part;
    });
    function tick() {
      var left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
      if (left === 0) {
        element.textContent = element.dataset.closedText || "";
        return;
      }
      parts.days.textContent = Math.floor(left / 86400);
      parts.hours.textContent = pad(Math.floor((left % 86400) / 3600));
      parts.minutes.textContent = pad(Math.floor((left % 3600) / 60));
      parts.seconds.textContent = pad(left % 60);
      window.setTimeout(tick, 1000 - (Date.now() % 1000));
    }
    tick();
  }
  document.querySelectorAll("[data-countdown-to]").forEach(start);
})();
