// Web chat: sends with a client id (so a retry is stored once), shows the thread, and hears about replies
// through SSE, polling when SSE is not available. Every text is shown with textContent: never as HTML.
(function () {
  'use strict';
  var thread = document.getElementById('thread');
  var status = document.getElementById('status');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var labels = thread.dataset;
  // The cursor of the last read: every line at or below it is on the page, or never will be (ChatThreads).
  var after = 0;
  var shown = {};
  var eraseWords = (labels.eraseWords || '').split(',').map(simplify);
  // What she may add after it ("xoá hết", "xoá tin nhắn đi"), as the hotline reads it (EraseWords).
  var eraseTail = new RegExp(labels.eraseTail || '$');

  // Lower case without diacritics, as the hotline reads the erase word.
  function simplify(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\u0111/g, 'd').replace(/\u0110/g, 'd')
      .toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.!?]+$/, '');
  }

  // Buttons under the newest reply only: an answer to an older question would confuse the conversation.
  function showChoices(div, choices) {
    for (var later = div.nextElementSibling; later; later = later.nextElementSibling) {
      if (later.classList.contains('hotline')) { return; }
    }
    Array.prototype.forEach.call(thread.querySelectorAll('.choices'), function (old) { old.remove(); });
    if (!choices || !choices.length) { return; }
    var row = document.createElement('div');
    row.className = 'choices';
    choices.forEach(function (choice) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = choice.label;
      button.addEventListener('click', function () {
        row.remove();
        send(choice.label, newId());
      });
      row.appendChild(button);
    });
    div.appendChild(row);
  }

  function newId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // A reply of several messages (two blank lines between them, as the server's TextParts cuts them for Telegram
  // and Zalo) is shown as several bubbles, in order; the buttons go under the last, where the question is.
  function show(line) {
    if (shown[line.id]) { return; }
    shown[line.id] = true;
    var texts = line.from === 'me' ? [line.text] : line.text.split(/\n(?:[ \t\r]*\n){2,}\s*/);
    var div = null;
    texts.forEach(function (text) {
      if (!text.trim() && texts.length > 1) { return; }
      div = document.createElement('div');
      div.className = 'msg ' + (line.from === 'me' ? 'me' : 'hotline');
      var who = document.createElement('span');
      who.className = 'who';
      who.textContent = line.from === 'me' ? labels.you : labels.hotline;
      div.appendChild(who);
      div.appendChild(document.createTextNode(line.from === 'me' ? text : text.trim()));
      place(div, line.id);
    });
    if (line.from !== 'me' && div) { showChoices(div, line.choices); }
  }

  // In id order, where it was written: a reply held for her safe hours, or delivered after a newer line, goes
  // before what came since, and is brought into view there. Her messages not yet stored stay below every line.
  function place(div, id) {
    div.setAttribute('data-id', String(id));
    div.remove(); // her bubble, stored now, is placed again
    var next = null;
    for (var el = thread.lastElementChild; el && (el.classList.contains('pending') || Number(el.getAttribute('data-id')) > id);
      el = el.previousElementSibling) {
      next = el;
    }
    thread.insertBefore(div, next);
    if (next) { div.scrollIntoView({ block: 'nearest' }); } else { thread.scrollTop = thread.scrollHeight; }
  }

  // From the cursor, naming the lines shown above it, which the server leaves out: a line that becomes visible
  // after a newer one is below the newest shown but never below the cursor, and nothing is read twice.
  function refresh() {
    var have = Object.keys(shown).filter(function (id) { return Number(id) > after; });
    return fetch('/chat/api/messages?after=' + after + (have.length ? '&have=' + have.join(',') : ''), { credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { return; }
        var cursor = r.headers.get('Chat-Cursor');
        return r.json().then(function (lines) {
          lines.forEach(show);
          // Only once its lines are shown: the cursor says that everything at or below it is.
          if (cursor !== null && /^[0-9]+$/.test(cursor)) { after = Number(cursor); }
        });
      })
      .then(function () { status.textContent = ''; })
      .catch(function () { status.textContent = labels.offline; });
  }

  // The session: ready, or (the page was served without it, see ChatPageController) asked for by this page, whose
  // request carries her cookie if the browser kept it from the navigation. Nothing is sent or read before.
  function startSession(attempt) {
    return fetch('/chat/api/session', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }
    }).then(function (r) {
      if (!r.ok) { throw new Error('session'); }
      status.textContent = '';
    }).catch(function () {
      status.textContent = labels.offline;
      var wait = Math.min(30000, 1000 * Math.pow(2, attempt));
      return new Promise(function (resolve) { setTimeout(resolve, wait); }).then(function () { return startSession(attempt + 1); });
    });
  }
  var session = labels.session === 'pending' ? startSession(0) : Promise.resolve();

  // Her messages not yet stored, oldest first, sent one at a time so that they arrive in the order she wrote them.
  // Each stays on the page, marked, until the hotline has it: a refusal or a lost connection never loses what she typed.
  var outbox = [];
  var sending = false;

  function send(text, clientId) {
    var bubble = document.createElement('div');
    bubble.className = 'msg me pending';
    var who = document.createElement('span');
    who.className = 'who';
    who.textContent = labels.you;
    var note = document.createElement('span');
    note.className = 'note';
    note.textContent = labels.sending;
    bubble.appendChild(who);
    bubble.appendChild(document.createTextNode(text));
    bubble.appendChild(note);
    thread.appendChild(bubble);
    thread.scrollTop = thread.scrollHeight;
    outbox.push({ text: text, clientId: clientId, bubble: bubble, note: note, attempt: 0 });
    pump();
  }

  function pump() {
    if (sending || !outbox.length) { return; }
    sending = true;
    var item = outbox[0];
    item.note.textContent = labels.sending;
    session.then(function () {
      return fetch('/chat/api/messages', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientMessageId: item.clientId, text: item.text })
      });
    }).then(function (r) {
      if (r.status === 429) {
        // Held back, not refused for good: the same message (same id, so stored once) again when the server says.
        status.textContent = labels.tooMany;
        item.note.textContent = labels.unsent;
        return later(retryAfter(r));
      }
      if (r.status >= 500) { throw new Error('retry'); }
      if (!r.ok) { return r.json().catch(function () { return {}; }).then(function (refusal) { refused(item, refusal); }); }
      return r.json().then(function (sent) { return stored(item, sent.messageId); });
    }).catch(function () {
      status.textContent = labels.failed;
      item.note.textContent = labels.unsent;
      return later(Math.min(30000, 1000 * Math.pow(2, item.attempt++)));
    }).then(function () {
      sending = false;
      pump();
    });
  }

  // Retry-After in seconds, within reason; a few seconds when the server did not say.
  function retryAfter(r) {
    var seconds = Number(r.headers.get('Retry-After'));
    return 1000 * (seconds >= 1 ? Math.min(seconds, 60) : 3);
  }

  function later(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  // Stored: the bubble becomes her line, in its place (unless she erased the page meanwhile, or it is shown already).
  function stored(item, id) {
    outbox.shift();
    status.textContent = '';
    item.bubble.classList.remove('pending');
    item.note.remove();
    if (typeof id !== 'number' || shown[id] || item.bubble.parentNode !== thread) {
      item.bubble.remove();
    } else {
      shown[id] = true;
      place(item.bubble, id);
    }
    return refresh();
  }

  // Refused for good (too long, unreadable, no session): it stays marked unsent, and back in the box if it is empty.
  function refused(item, refusal) {
    outbox.shift();
    item.bubble.classList.remove('pending');
    item.bubble.classList.add('failed');
    item.note.textContent = labels.notSent;
    status.textContent = refusal.message || labels.notSent;
    if (!input.value) { input.value = item.text; }
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = ''; // she can write on: what she sent stays on the page until it is stored
    if (eraseWords.indexOf(simplify(text).replace(eraseTail, '')) >= 0) {
      // The hotline erases the conversation; the page forgets it at once too.
      thread.textContent = '';
    }
    send(text, newId());
  });

  // Quick exit: leave for a neutral page, replacing this one in the history so that Back does not return here.
  var exit = document.getElementById('quick-exit');
  if (exit) {
    exit.addEventListener('click', function () {
      thread.textContent = '';
      window.location.replace(exit.dataset.to);
    });
  }
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.submit(); }
  });

  var polling = null;
  function startPolling() { if (!polling) { polling = setInterval(refresh, 4000); } }
  session.then(function () {
    if (window.EventSource) {
      var source = new EventSource('/chat/api/stream');
      source.addEventListener('update', refresh);
      source.addEventListener('ready', refresh);
      source.onerror = function () { startPolling(); };
    } else {
      startPolling();
    }
    refresh();
  });
})();
