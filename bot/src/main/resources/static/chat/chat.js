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
        send(choice.label, newId(), 0);
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

  function show(line) {
    if (shown[line.id]) { return; }
    shown[line.id] = true;
    var div = document.createElement('div');
    div.className = 'msg ' + (line.from === 'me' ? 'me' : 'hotline');
    var who = document.createElement('span');
    who.className = 'who';
    who.textContent = line.from === 'me' ? labels.you : labels.hotline;
    div.appendChild(who);
    div.appendChild(document.createTextNode(line.text));
    div.setAttribute('data-id', String(line.id));
    // In id order, where it was written: a reply held for her safe hours, or delivered after a newer line, goes
    // before what came since, and is brought into view there.
    var next = null;
    for (var el = thread.lastElementChild; el && Number(el.getAttribute('data-id')) > line.id; el = el.previousElementSibling) {
      next = el;
    }
    thread.insertBefore(div, next);
    if (line.from !== 'me') { showChoices(div, line.choices); }
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

  function send(text, clientId, attempt) {
    return session.then(function () {
      return fetch('/chat/api/messages', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientMessageId: clientId, text: text })
      });
    }).then(function (r) {
      if (r.status === 429) { status.textContent = labels.tooMany; return; }
      if (!r.ok && r.status >= 500) { throw new Error('retry'); }
      status.textContent = '';
      return refresh();
    }).catch(function () {
      status.textContent = labels.failed;
      var wait = Math.min(30000, 1000 * Math.pow(2, attempt));
      setTimeout(function () { send(text, clientId, attempt + 1); }, wait);
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    if (eraseWords.indexOf(simplify(text)) >= 0) {
      // The hotline erases the conversation; the page forgets it at once too.
      thread.textContent = '';
    }
    send(text, newId(), 0);
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
