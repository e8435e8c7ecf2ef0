// Live officers' pages. The server says over server-sent events (/admin/events) which case changed and how,
// never what was written; the page then asks for its part again (the inbox's list, the case's thread) and swaps
// in only that part. Bursts of news make one request. While the stream is down the page asks every 60 s instead,
// and once it is back, once at once (news may have been missed meanwhile). Each piece of news is also passed on
// to the page's own script as a 'hotline:news' event on the document (the inbox's urgent alarm). The body's
// data-live says whether the stream is open ('open') or the page is polling ('polling').
(function () {
  'use strict';
  var FALLBACK_MS = 60000;
  var BATCH_MS = 300;
  var first = document.querySelector('[data-live-url]');
  if (!first || !window.htmx) { return; }
  var id = first.id;
  var eventsUrl = first.getAttribute('data-live-events');
  var wanted = (first.getAttribute('data-live-kinds') || '').split(' ');
  var onlyCase = first.getAttribute('data-live-case');
  var source = null;
  var openedBefore = false;
  var stopped = false;
  var poller = null;
  var soon = null;
  var busy = false;
  var again = false;

  function refresh() {
    if (soon) { return; }
    soon = setTimeout(function () {
      soon = null;
      if (busy) { again = true; return; }
      var el = document.getElementById(id);
      if (!el) { return; }
      busy = true;
      var done = function () {
        busy = false;
        if (again) { again = false; refresh(); }
      };
      htmx.ajax('GET', el.getAttribute('data-live-url'), { source: el, target: el, swap: 'outerHTML' }).then(done, done);
    }, BATCH_MS);
  }

  function state(value) {
    document.body.setAttribute('data-live', value);
  }

  function startPolling() {
    state('polling');
    if (poller) { return; }
    poller = setInterval(function () {
      refresh();
      // A stream the browser gave up on (refused, or the server was away) is tried again at each poll.
      if (!stopped && source && source.readyState === EventSource.CLOSED) { connect(); }
    }, FALLBACK_MS);
  }

  function stopPolling() {
    if (poller) { clearInterval(poller); poller = null; }
  }

  function connect() {
    if (source) { source.close(); }
    source = new EventSource(eventsUrl);
    source.onopen = function () {
      stopPolling();
      state('open');
      if (openedBefore) { refresh(); }
      openedBefore = true;
    };
    source.onmessage = function (e) {
      var news;
      try { news = JSON.parse(e.data); } catch (ignored) { return; }
      if (!news || typeof news.kind !== 'string') { return; }
      document.dispatchEvent(new CustomEvent('hotline:news', { detail: news }));
      if (wanted.indexOf(news.kind) >= 0 && (!onlyCase || String(news['case']) === onlyCase)) { refresh(); }
    };
    source.onerror = function () { startPolling(); };
    // Too many pages open in this session: this one makes way for a newer one and keeps to the slow poll.
    source.addEventListener('bye', function () {
      stopped = true;
      source.close();
      startPolling();
    });
  }

  if (window.EventSource && eventsUrl) {
    connect();
  } else {
    startPolling();
  }
})();
