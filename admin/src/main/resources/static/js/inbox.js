// The inbox's alarm: when the live stream says a case is urgent, or a refresh brings an urgent case not seen
// before, a visible alert and, once the officer has switched the sound on (browsers play sound only after a
// click), three short beeps. Once per case.
(function () {
  'use strict';
  var seen = {};
  var audio = null;
  var banner = document.getElementById('urgent-alert');
  var soundButton = document.getElementById('sound-on');

  function urgentIds() {
    return Array.prototype.map.call(document.querySelectorAll('#cases li[data-urgent="true"]'),
      function (li) { return li.getAttribute('data-case-id'); });
  }

  function beep() {
    if (!audio) { return; }
    [0, 0.35, 0.7].forEach(function (at) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.25;
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(audio.currentTime + at);
      osc.stop(audio.currentTime + at + 0.2);
    });
  }

  function alarm() {
    banner.hidden = false;
    beep();
  }

  function check(first) {
    var fresh = urgentIds().filter(function (id) { return !seen[id]; });
    fresh.forEach(function (id) { seen[id] = true; });
    if (!first && fresh.length > 0) { alarm(); }
  }

  if (soundButton) {
    soundButton.addEventListener('click', function () {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (Context && !audio) { audio = new Context(); }
      if (audio && audio.resume) { audio.resume(); }
      soundButton.textContent = soundButton.getAttribute('data-on');
      soundButton.disabled = true;
    });
  }
  document.addEventListener('hotline:news', function (e) {
    var id = String(e.detail['case']);
    if (e.detail.kind === 'urgent' && !seen[id]) {
      seen[id] = true;
      alarm();
    }
  });
  document.body.addEventListener('htmx:afterSwap', function () { check(false); });
  check(true);
})();
