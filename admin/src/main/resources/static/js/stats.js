// Draws the dashboard's chart from the JSON in the canvas' data attribute; the same numbers are in the table.
(function () {
  'use strict';
  var canvas = document.getElementById('by-category');
  if (!canvas || !window.Chart) { return; }
  var data = JSON.parse(canvas.dataset.chart);
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [
        { label: canvas.dataset.cases, data: data.cases, backgroundColor: '#7a1f4b' },
        { label: canvas.dataset.messages, data: data.messages, backgroundColor: '#e0a3c0' }
      ]
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
