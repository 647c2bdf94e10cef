/* Live room client (protocol v1, docs/live-protocol.md). No framework, no external
 * assets. The page is already a read-only view of the room; this script connects the
 * WebSocket, keeps the room current from its numbered events and enables the forms.
 * It reconnects with jittered exponential back-off and, on reconnect, asks for the
 * events after the last number it saw; a gap in the numbers makes it resync. */
(function () {
  "use strict";
  var root = document.getElementById("live-room");
  if (!root || !window.WebSocket) return;
  var T = JSON.parse(document.getElementById("live-strings").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var S = {
    seq: 0, me: Number(root.dataset.me), fac: root.dataset.facilitator === "1",
    muted: false, state: root.dataset.state, presence: new Map(), messages: new Map(),
    hands: [], questions: new Map(), polls: new Map(), myPolls: new Set()
  };
  var ws = null, attempt = 0, timer = null, pingTimer = null, pongTimer = null;
  var stopped = false, syncing = false, refs = 0;
  // Times in the viewer's zone (the page's), on a 24-hour clock as the site writes them.
  var clock = (function () {
    var options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        Object.assign({ timeZone: root.dataset.timeZone }, options));
    } catch (e) { return new Intl.DateTimeFormat(undefined, options); }
  })();

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "on") node.addEventListener("click", attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) if (arguments[i]) node.appendChild(arguments[i]);
    return node;
  }
  function fill(node, children) {
    node.replaceChildren.apply(node, children.filter(Boolean));
  }
  function fmt(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, k) { return values[k]; });
  }

  // --- Connection --------------------------------------------------------------------
  function setStatus(kind, text) {
    var status = $("live-status");
    status.dataset.state = kind;
    status.textContent = text;
    root.classList.toggle("is-live", kind === "online");
    renderControls();
  }
  function connect() {
    clearTimeout(timer);
    if (stopped) return;
    var proto = location.protocol === "https:" ? "wss:" : "ws:";
    setStatus("connecting", T.connecting);
    try {
      ws = new WebSocket(proto + "//" + location.host + root.dataset.wsPath + "?after=" + S.seq);
    } catch (e) { return retry(); }
    ws.onopen = function () { attempt = 0; heartbeat(); };
    ws.onmessage = function (m) { onMessage(JSON.parse(m.data)); };
    ws.onclose = function (e) {
      ws = null;
      clearInterval(pingTimer); clearTimeout(pongTimer);
      if (e.code === 4001 || e.code === 4003) {
        stopped = true;
        setStatus("offline", e.code === 4001 ? T.loggedOut : T.noAccess);
        return;
      }
      retry();
    };
  }
  function retry() {
    if (stopped) return;
    // Full jitter: a room of people on one flaky network does not reconnect in step.
    var ceiling = Math.min(30000, 1000 * Math.pow(2, attempt++));
    var delay = Math.round(ceiling / 2 + Math.random() * ceiling / 2);
    setStatus("offline", fmt(T.retrying, { seconds: Math.ceil(delay / 1000) }));
    timer = setTimeout(connect, delay);
  }
  function heartbeat() {
    clearInterval(pingTimer);
    pingTimer = setInterval(function () {
      send({ type: "ping" });
      clearTimeout(pongTimer);
      // No answer: the connection is dead even if the browser has not noticed.
      pongTimer = setTimeout(function () { if (ws) ws.close(); }, 10000);
    }, 25000);
  }
  function send(command) {
    if (!ws || ws.readyState !== 1) { showError(T.notConnected); return false; }
    command.ref = String(++refs);
    ws.send(JSON.stringify(command));
    return true;
  }
  window.addEventListener("online", function () { if (!ws) { attempt = 0; connect(); } });

  function onMessage(msg) {
    if (msg.type === "snapshot") { load(msg); render(); }
    else if (msg.type === "event") onEvent(msg);
    else if (msg.type === "synced") { syncing = false; setStatus("online", T.online); }
    else if (msg.type === "error") showError(msg.message);
    else if (msg.type === "pong") clearTimeout(pongTimer);
    else if (msg.type === "closing") stopped = true;
  }
  function onEvent(event) {
    if (event.seq <= S.seq) return;  // already applied
    if (event.seq > S.seq + 1) {
      // A gap: ask for what is missing; the numbers put it back in order.
      if (!syncing) { syncing = true; send({ type: "sync", after: S.seq }); }
      return;
    }
    apply(event);
    S.seq = event.seq;
    render(event.kind.split(".")[0]);
  }

  // --- State ---------------------------------------------------------------------------
  function load(snap) {
    S.seq = snap.seq;
    S.state = snap.session.state;
    S.fac = snap.you.facilitator;
    S.muted = snap.you.muted;
    S.presence = new Map(snap.presence.map(function (p) { return [p.id, p]; }));
    S.messages = new Map(snap.messages.map(function (m) { return [m.id, m]; }));
    snap.pinned.forEach(function (m) { if (!S.messages.has(m.id)) S.messages.set(m.id, m); });
    S.hands = snap.hands;
    S.questions = new Map(snap.questions.map(function (q) { return [q.id, q]; }));
    S.polls = new Map(snap.polls.map(function (p) { return [p.id, p]; }));
    S.myPolls = new Set(snap.polls.filter(function (p) { return p.mine; }).map(function (p) { return p.id; }));
  }
  function dropHand(id) { S.hands = S.hands.filter(function (h) { return h.id !== id; }); }
  function apply(e) {
    var d = e.data, q, p, m;
    switch (e.kind) {
      case "presence.join": S.presence.set(d.user.id, d.user); break;
      case "presence.leave": S.presence.delete(d.user.id); break;
      case "chat.message":
        if (!d.text) break;  // erased with its author's account
        S.messages.set(d.id, { id: d.id, author: d.author, text: d.text, pinned: false, at: e.at });
        break;
      case "chat.removed":
        m = S.messages.get(d.id);
        S.messages.delete(d.id);
        if (m && d.id === pendingRemoval) { pendingRemoval = null; offerUndo(m); }
        break;
      case "chat.restored":
        if (d.text) S.messages.set(d.id, { id: d.id, author: d.author, text: d.text, pinned: d.pinned, at: d.at });
        if (undo.id === d.id) { closeUndo(T.restored); focusAfterRender = "menu-" + d.id; }
        break;
      case "chat.pinned": m = S.messages.get(d.id); if (m) m.pinned = d.pinned; break;
      case "hand.raised":
        if (!S.hands.some(function (h) { return h.id === d.user.id; })) S.hands.push(d.user);
        break;
      case "hand.lowered": dropHand(d.user.id); break;
      case "hand.called":
        dropHand(d.user.id);
        $("live-notice").textContent = d.user.id === S.me ? T.yourTurn : fmt(T.called, { name: d.user.name });
        break;
      case "question.asked":
        if (!d.text) break;
        S.questions.set(d.id, { id: d.id, author: d.author, text: d.text, votes: 0, answered: false, voted: false });
        break;
      case "question.voted":
        q = S.questions.get(d.id);
        if (q) { q.votes = d.votes; if (d.voter === S.me) q.voted = true; }
        break;
      case "question.answered": q = S.questions.get(d.id); if (q) q.answered = true; break;
      case "poll.opened":
        S.polls.set(d.id, { id: d.id, question: d.question, options: d.options, multiple: d.multiple, open: true, counts: d.counts });
        break;
      case "poll.voted":
        p = S.polls.get(d.id);
        if (p) p.counts = d.counts;
        if (d.voter === S.me) S.myPolls.add(d.id);
        break;
      case "poll.closed": p = S.polls.get(d.id); if (p) { p.open = false; p.counts = d.counts; } break;
      case "member.muted":
        p = S.presence.get(d.user.id); if (p) p.muted = d.muted;
        if (d.user.id === S.me) S.muted = d.muted;
        break;
      case "session.started": case "session.ended":
        S.state = d.state;
        if (d.state === "ended") {
          S.hands = []; S.polls.forEach(function (x) { x.open = false; });
          $("live-notice").textContent = T.endedNotice;
        }
        break;
    }
  }

  // --- Rendering -----------------------------------------------------------------------
  // Only the part of the room an event touches is drawn again (a long chat on a slow
  // phone is not rebuilt for every vote).
  var PARTS = {
    chat: [renderChat], presence: [renderPresence], member: [renderPresence, renderControls],
    hand: [renderHands], question: [renderQuestions], poll: [renderPolls]
  };
  function render(part) {
    (PARTS[part] || [renderChat, renderPresence, renderHands, renderQuestions, renderPolls,
      renderControls]).forEach(function (draw) { draw(); });
  }
  function who(person) { return person ? person.name : T.former; }
  function when(iso) {
    var at = new Date(iso);
    return isNaN(at) ? null : el("time", { datetime: at.toISOString(), text: clock.format(at) });
  }
  // A facilitator's tools for a message: a small disclosure menu (a busy chat stays
  // readable on a phone), named after the message for screen readers.
  function messageMenu(m) {
    var summary = el("summary", { "data-key": "menu-" + m.id, title: T.messageActions },
      el("span", { "aria-hidden": "true", text: "⋯" }),
      el("span", { class: "visually-hidden", text: fmt(T.actionsFor, { name: who(m.author) }) }));
    function choose(command) {
      return function () {
        summary.focus();  // where the keyboard was, once the menu closes
        menu.open = false;
        if (command.type === "chat.remove") pendingRemoval = m.id;
        send(command);
      };
    }
    var menu = el("details", { class: "live-menu", "data-id": m.id }, summary,
      el("div", { class: "live-menu-items" },
        el("button", { type: "button", text: m.pinned ? T.unpin : T.pin, on: choose({ type: "chat.pin", id: m.id, pinned: !m.pinned }) }),
        el("button", { type: "button", text: T.remove, on: choose({ type: "chat.remove", id: m.id }) })));
    return menu;
  }
  var focusAfterRender = null, pendingRemoval = null;
  function renderChat() {
    var list = $("live-chat"), atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    // Redrawing must not close the menu a facilitator has open, nor lose their focus.
    var open = list.querySelector(".live-menu[open]");
    var openId = open ? open.dataset.id : null;
    var active = document.activeElement;
    var focusKey = focusAfterRender || (active && list.contains(active) ? active.dataset.key : null);
    focusAfterRender = null;
    var pinned = [], tools = S.fac && S.state === "live";
    var messages = Array.from(S.messages.values()).sort(function (a, b) { return a.id - b.id; });
    fill(list, messages.map(function (m) {
      if (m.pinned) pinned.push(el("li", null, el("strong", { text: who(m.author) }), document.createTextNode(" "), when(m.at), el("span", { text: " " + m.text })));
      return el("li", { class: m.pinned ? "is-pinned" : "" },
        el("p", null,
          el("strong", { text: who(m.author) }), document.createTextNode(" "), when(m.at),
          m.pinned ? el("span", { class: "live-pin-mark", text: " · " + T.pinnedMark }) : null,
          el("span", { text: " " + m.text })),
        tools ? messageMenu(m) : null);
    }));
    if (!messages.length) list.appendChild(el("li", { class: "live-empty", text: T.noMessages }));
    if (openId) {
      var again = list.querySelector('.live-menu[data-id="' + openId + '"]');
      if (again) again.open = true;
    }
    if (focusKey) {
      var target = list.querySelector('[data-key="' + focusKey + '"]');
      if (target) target.focus();
      else if (list.contains(document.activeElement) || document.activeElement === document.body) list.focus();
    }
    fill($("live-pinned"), pinned);
    $("live-pinned-section").hidden = pinned.length === 0;
    if (atBottom) list.scrollTop = list.scrollHeight;
  }
  // Escape or a click elsewhere closes a menu.
  $("live-chat").addEventListener("keydown", function (ev) {
    var menu = ev.target.closest && ev.target.closest(".live-menu[open]");
    if (ev.key === "Escape" && menu) { menu.open = false; menu.querySelector("summary").focus(); }
  });
  document.addEventListener("click", function (ev) {
    document.querySelectorAll("#live-chat .live-menu[open]").forEach(function (menu) {
      if (!menu.contains(ev.target)) menu.open = false;
    });
  });

  // --- Undo ------------------------------------------------------------------------------
  // A removal counts at once, for everyone; its facilitator may take it back for
  // UNDO_SECONDS, and for as long as the button has focus or the pointer. The text is
  // a status message (screen readers hear it); focus moves to the button.
  var UNDO_SECONDS = 15, undo = { id: null, timer: null };
  function offerUndo(m) {
    clearTimeout(undo.timer);
    undo.id = m.id;
    var focusWasInChat = $("live-chat").contains(document.activeElement) || document.activeElement === document.body;
    $("live-undo").classList.add("is-open");
    $("live-undo-text").textContent = fmt(T.removedMessage, { name: who(m.author) });
    $("live-undo-button").hidden = false;
    if (focusWasInChat) $("live-undo-button").focus();
    armUndo();
  }
  function armUndo() {
    clearTimeout(undo.timer);
    undo.timer = setTimeout(function () {
      if ($("live-undo-button").matches(":focus, :hover")) armUndo(); else closeUndo("");
    }, UNDO_SECONDS * 1000);
  }
  function closeUndo(text) {
    clearTimeout(undo.timer);
    var hadFocus = document.activeElement === $("live-undo-button");
    undo.id = null;
    $("live-undo-button").hidden = true;
    $("live-undo-text").textContent = text;
    $("live-undo").classList.toggle("is-open", !!text);
    if (hadFocus) $("live-chat").focus();
    if (text) undo.timer = setTimeout(function () { closeUndo(""); }, 5000);
  }
  $("live-undo-button").addEventListener("click", function () {
    if (undo.id !== null) send({ type: "chat.restore", id: undo.id });
  });
  function renderPresence() {
    var people = Array.from(S.presence.values());
    $("live-presence-count").textContent = people.length;
    fill($("live-presence"), people.map(function (p) {
      var mute = S.fac && p.id !== S.me && S.state === "live" ? el("button", {
        type: "button", text: p.muted ? T.unmute : T.mute,
        on: function () { send({ type: "member.mute", user: p.id, muted: !p.muted }); }
      }) : null;
      return el("li", null, el("span", { text: p.name + (p.muted ? " (" + T.muted + ")" : "") }), mute);
    }));
  }
  function renderHands() {
    fill($("live-hands"), S.hands.map(function (h) { return el("li", { text: h.name }); }));
    var raised = S.hands.some(function (h) { return h.id === S.me; });
    $("live-hand").textContent = raised ? T.lowerHand : T.raiseHand;
    $("live-hand").dataset.raised = raised ? "1" : "";
  }
  function renderQuestions() {
    var qs = Array.from(S.questions.values()).sort(function (a, b) {
      return (a.answered - b.answered) || (b.votes - a.votes) || (a.id - b.id);
    });
    fill($("live-questions"), qs.map(function (q) {
      var live = S.state === "live";
      return el("li", { class: q.answered ? "is-answered" : "" },
        el("span", { class: "live-votes", text: fmt(T.votes, { n: q.votes }) }),
        el("span", { text: " " + q.text + " · " + who(q.author) }),
        q.answered ? el("em", { text: " " + T.answered }) : null,
        live && !q.voted && !q.answered && (!q.author || q.author.id !== S.me) ? el("button", { type: "button", text: T.upvote, on: function () { send({ type: "question.vote", id: q.id }); } }) : null,
        live && S.fac && !q.answered ? el("button", { type: "button", text: T.markAnswered, on: function () { send({ type: "question.answer", id: q.id }); } }) : null);
    }));
  }
  function renderPolls() {
    fill($("live-polls"), Array.from(S.polls.values()).reverse().map(function (p) {
      var total = p.counts.reduce(function (a, b) { return a + b; }, 0);
      var canVote = p.open && S.state === "live" && !S.myPolls.has(p.id);
      var form = el("form", { class: "live-poll" }, el("fieldset", null, el("legend", { text: p.question + (p.open ? "" : " (" + T.closed + ")") })));
      var fieldset = form.firstChild;
      p.options.forEach(function (option, i) {
        var id = "poll-" + p.id + "-" + i;
        var pct = total ? Math.round(100 * p.counts[i] / total) : 0;
        fieldset.appendChild(el("div", { class: "live-option" },
          canVote ? el("input", { type: p.multiple ? "checkbox" : "radio", name: "poll-" + p.id, value: i, id: id }) : null,
          el("label", { for: id, text: option + " · " + p.counts[i] + " (" + pct + "%)" }),
          el("meter", { min: 0, max: total || 1, value: p.counts[i], "aria-hidden": "true" })));
      });
      if (canVote) fieldset.appendChild(el("button", { type: "submit", text: T.vote }));
      if (p.open && S.fac && S.state === "live") fieldset.appendChild(el("button", { type: "button", text: T.closePoll, on: function () { send({ type: "poll.close", id: p.id }); } }));
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var choices = Array.from(form.querySelectorAll("input:checked")).map(function (x) { return Number(x.value); });
        if (choices.length) send({ type: "poll.vote", id: p.id, choices: choices });
      });
      return form;
    }));
  }
  function renderControls() {
    var online = ws && ws.readyState === 1, live = S.state === "live";
    root.dataset.state = S.state;
    $("live-state").textContent = T["state_" + S.state] || S.state;
    root.querySelectorAll("[data-needs]").forEach(function (node) {
      var need = node.dataset.needs.split(" "), ok = online;
      if (need.indexOf("live") >= 0) ok = ok && live;
      if (need.indexOf("voice") >= 0) ok = ok && !S.muted;
      if (need.indexOf("facilitator") >= 0) ok = ok && S.fac;
      if (need.indexOf("scheduled") >= 0) ok = ok && S.state === "scheduled";
      node.hidden = !ok;
    });
  }
  function showError(text) {
    var box = $("live-error");
    box.textContent = text;
    clearTimeout(box._t);
    box._t = setTimeout(function () { box.textContent = ""; }, 8000);
  }

  // --- Forms -------------------------------------------------------------------------------
  function onSubmit(id, build) {
    $(id).addEventListener("submit", function (ev) {
      ev.preventDefault();
      var command = build(ev.target);
      if (command && send(command)) ev.target.reset();
    });
  }
  onSubmit("live-chat-form", function (f) {
    var text = f.elements.text.value.trim();
    return text ? { type: "chat.send", text: text } : null;
  });
  onSubmit("live-question-form", function (f) {
    var text = f.elements.text.value.trim();
    return text ? { type: "question.ask", text: text } : null;
  });
  onSubmit("live-poll-form", function (f) {
    var options = f.elements.options.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
    return { type: "poll.open", question: f.elements.question.value.trim(), options: options, multiple: f.elements.multiple.checked };
  });
  $("live-chat-form").elements.text.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); ev.target.form.requestSubmit(); }
  });
  $("live-hand").addEventListener("click", function () {
    send({ type: this.dataset.raised ? "hand.lower" : "hand.raise" });
  });
  $("live-next").addEventListener("click", function () { send({ type: "hand.call_next" }); });
  $("live-start").addEventListener("click", function () { send({ type: "session.start" }); });
  $("live-end").addEventListener("click", function () {
    if (window.confirm(T.confirmEnd)) send({ type: "session.end" });
  });

  connect();
})();
