// Draws the dashboard's charts from the JSON in each canvas' data attribute; the same numbers are in the tables.
(function () {
  'use strict';
  if (!window.Chart) { return; }
  // Over time: one line per category, in the classifier's order.
  var colours = ['#7a1f4b', '#c0392b', '#2e7d32', '#1565c0', '#757575'];
  Array.prototype.forEach.call(document.querySelectorAll('canvas.over-time-chart'), function (chart) {
    var series = JSON.parse(chart.dataset.chart);
    new window.Chart(chart, {
      type: 'line',
      data: {
        labels: series.labels,
        datasets: series.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], tension: 0 };
        })
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  });
  var canvas = document.getElementById('by-category');
  if (!canvas) { return; }
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
