/* The oversight charts (Apache ECharts, served locally).
 *
 * Data comes from json_script blocks (#oversight-charts on the round dashboard, #oversight-trend
 * on a unit's year-over-year page); each <div class="chart" data-chart="…"> gets its chart.
 * Every chart has its table on the page: the charts only repeat what the tables say.
 * Tooltips render inside the canvas (renderMode richText): no HTML with inline styles, which
 * the Content-Security-Policy would refuse.
 */
(function () {
  "use strict";
  if (typeof echarts === "undefined") {
    return;
  }
  var COLORS = ["#2f6f4f", "#c0392b", "#d68910", "#7f8c8d", "#1f5f8b", "#8e44ad"];
  var charts = [];

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function num(text) {
    return text === null || text === undefined ? null : Number(text);
  }

  function narrow() {
    return window.innerWidth < 700;
  }

  function base() {
    return {
      color: COLORS,
      animation: false,
      textStyle: { fontFamily: "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" },
      tooltip: { renderMode: "richText", confine: true },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true }
    };
  }

  function merge(a, b) {
    Object.keys(b).forEach(function (key) { a[key] = b[key]; });
    return a;
  }

  function shortName(name) {
    // long department names crowd a narrow screen: drop a leading county prefix there
    if (!narrow() || !name) { return name; }
    var cut = name.indexOf("县");
    return cut > 0 && cut < 6 && name.length > cut + 3 ? name.slice(cut + 1) : name;
  }

  function barHeight(el, count) {
    el.style.height = Math.max(220, 34 * count + (narrow() ? 120 : 90)) + "px";
  }

  var builders = {
    completion: function (el, data) {
      var rows = data.completion;
      barHeight(el, rows.length);
      var keys = ["on_time", "late", "returned", "drafts"];
      return merge(base(), {
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: narrow() ? 64 : 36, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis", renderMode: "richText", confine: true, axisPointer: { type: "shadow" } },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", inverse: true, data: rows.map(function (r) { return shortName(r.name); }) },
        series: keys.map(function (key) {
          return {
            name: data.labels[key], type: "bar", stack: "all",
            data: rows.map(function (r) { return r[key]; })
          };
        })
      });
    },
    bins: function (el, data) {
      return merge(base(), {
        tooltip: { trigger: "axis", renderMode: "richText", confine: true },
        xAxis: { type: "category", data: data.bins.map(function (b) { return b.name; }), axisLabel: { interval: 0, rotate: narrow() ? 30 : 0 } },
        yAxis: { type: "value", minInterval: 1, name: data.labels.reports },
        series: [{ name: data.labels.reports, type: "bar", data: data.bins.map(function (b) { return b.value; }), label: { show: true, position: "top" } }]
      });
    },
    grades: function (el, data) {
      return merge(base(), {
        tooltip: { trigger: "axis", renderMode: "richText", confine: true },
        xAxis: { type: "category", data: data.grades.map(function (g) { return g.name; }), axisLabel: { interval: 0, rotate: narrow() ? 30 : 0 } },
        yAxis: { type: "value", minInterval: 1, name: data.labels.reports },
        series: [{ name: data.labels.reports, type: "bar", data: data.grades.map(function (g) { return g.value; }), itemStyle: { color: COLORS[4] }, label: { show: true, position: "top" } }]
      });
    },
    scatter: function (el, data) {
      var points = data.scatter.map(function (p) { return { name: p.name, value: [num(p.x), num(p.y)] }; });
      return merge(base(), {
        grid: { left: 8, right: 32, top: 40, bottom: 24, containLabel: true },
        tooltip: {
          renderMode: "richText", confine: true,
          formatter: function (p) {
            return p.name + "\n" + data.labels.execution + " " + p.value[0] + "\n" + data.labels.final + " " + p.value[1];
          }
        },
        xAxis: { type: "value", name: data.labels.execution, nameLocation: "middle", nameGap: 28, scale: true },
        yAxis: { type: "value", name: data.labels.final, scale: true },
        series: [{ type: "scatter", symbolSize: 10, data: points, itemStyle: { color: COLORS[4], opacity: 0.8 } }]
      });
    },
    gaps: function (el, data) {
      barHeight(el, data.gaps.length);
      return merge(base(), {
        tooltip: { trigger: "axis", renderMode: "richText", confine: true, axisPointer: { type: "shadow" } },
        xAxis: { type: "value" },
        yAxis: { type: "category", inverse: true, data: data.gaps.map(function (g) { return shortName(g.name); }) },
        series: [{ name: data.labels.gap, type: "bar", data: data.gaps.map(function (g) { return num(g.value); }), itemStyle: { color: COLORS[2] }, label: { show: true, position: "right" } }]
      });
    },
    findings: function (el, data) {
      barHeight(el, data.findings.length);
      return merge(base(), {
        tooltip: {
          trigger: "item", renderMode: "richText", confine: true,
          formatter: function (p) {
            var row = data.findings[p.dataIndex];
            return row.name + " " + row.title + "\n" + data.labels.findings + " " + row.value;
          }
        },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", inverse: true, data: data.findings.map(function (f) { return f.name; }) },
        series: [{ name: data.labels.findings, type: "bar", data: data.findings.map(function (f) { return f.value; }), itemStyle: { color: COLORS[1] }, label: { show: true, position: "right" } }]
      });
    },
    trend: function (el, data) {
      var years = data.points.map(function (p) { return String(p.year); });
      return merge(base(), {
        legend: { top: 0 },
        tooltip: { trigger: "axis", renderMode: "richText", confine: true },
        xAxis: { type: "category", data: years },
        yAxis: { type: "value", scale: true },
        series: [
          { name: data.labels.final, type: "line", connectNulls: false, symbolSize: 8, label: { show: true }, data: data.points.map(function (p) { return num(p.final); }) },
          { name: data.labels.self, type: "line", connectNulls: false, symbolSize: 8, lineStyle: { type: "dashed" }, data: data.points.map(function (p) { return num(p.self); }) }
        ]
      });
    }
  };

  function draw() {
    var data = read("oversight-charts") || {};
    var trend = read("oversight-trend");
    if (trend) { data.trend = trend; }
    document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
      var build = builders[el.getAttribute("data-chart")];
      var source = el.getAttribute("data-chart") === "trend" ? data.trend : data;
      if (!build || !source) { return; }
      var chart = echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(build(el, source));
      chart.resize();
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
