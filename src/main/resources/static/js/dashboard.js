// Draws each chart of the supervisor's dashboard from the table it names (the table stays the accessible view).
// <div class="chart" data-chart="bar|line" data-table="id" data-label-column="0" data-value-column="1" data-unit="%">
(function () {
  'use strict';

  function rows(table) {
    return Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []);
  }

  function cellValue(cell) {
    var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent;
    var value = parseFloat(raw);
    return isNaN(value) ? 0 : Math.round(value * 100) / 100;
  }

  function draw(element) {
    var table = document.getElementById(element.getAttribute('data-table'));
    if (!table || !window.echarts) {
      return;
    }
    var labelColumn = parseInt(element.getAttribute('data-label-column'), 10);
    var valueColumn = parseInt(element.getAttribute('data-value-column'), 10);
    var unit = element.getAttribute('data-unit') || '';
    var kind = element.getAttribute('data-chart') === 'line' ? 'line' : 'bar';
    var labels = [];
    var values = [];
    rows(table).forEach(function (row) {
      labels.push(row.cells[labelColumn].textContent.trim());
      values.push(cellValue(row.cells[valueColumn]));
    });
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      color: ['#9b1c1c'],
      grid: { left: 48, right: 16, top: 24, bottom: 56, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + unit; } },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 8 ? 45 : 0, color: '#1a1a1a' } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}' + unit, color: '#1a1a1a' } },
      series: [{ type: kind, data: values, barMaxWidth: 32 }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
