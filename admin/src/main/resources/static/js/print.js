// The printable report's button: the browser's own print dialog (also "save as PDF").
(function () {
  'use strict';
  var button = document.getElementById('print');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
})();
