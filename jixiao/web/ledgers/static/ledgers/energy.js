/* The energy statistics charts (Apache ECharts, served locally from the oversight app).
 *
 * Data comes from the json_script block #energy-charts: month by month and by energy type, this
 * year against last year, in tonnes of standard coal (numbers as strings). Every chart repeats a
 * table on the page. Tooltips render inside the canvas (richText): no inline styles, which the
 * Content-Security-Policy would refuse.
 */
(function () {
  "use strict";
  if (typeof echarts === "undefined") {
    return;
  }
  var COLORS = ["#9fb8c9", "#1f5f8b"];  // last year light, this year dark
  var charts = [];

  function num(text) {
    return text === null || text === undefined ? null : Number(text);
  }

  function narrow() {
    return window.innerWidth < 700;
  }

  function option(data, rows) {
    return {
      color: COLORS,
      animation: false,
      textStyle: { fontFamily: "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" },
      legend: { top: 0 },
      tooltip: { trigger: "axis", renderMode: "richText", confine: true, axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: narrow() ? 45 : 0 } },
      yAxis: { type: "value", name: data.labels.tce },
      series: [
        { name: data.labels.last, type: "bar", data: rows.map(function (r) { return num(r.last); }) },
        { name: data.labels.this, type: "bar", data: rows.map(function (r) { return num(r.this); }) }
      ]
    };
  }

  function draw() {
    var node = document.getElementById("energy-charts");
    if (!node) { return; }
    var data = JSON.parse(node.textContent);
    document.querySelectorAll(".energy-chart[data-chart]").forEach(function (el) {
      var rows = data[el.getAttribute("data-chart")];
      if (!rows || !rows.length) { return; }
      var chart = echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(option(data, rows));
      charts.push(chart);
    });
  }

  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) { window.clearTimeout(pending); }
    pending = window.setTimeout(function () {
      charts.forEach(function (chart) { chart.resize(); });
    }, 150);
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
}());
