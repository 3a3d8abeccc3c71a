/* The monitoring dashboard: each <canvas data-chart> draws the table beside it (data-table), so the chart and
   the table always show the same figures. data-series: the table's columns to draw. No inline code (CSP). */
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  var palette = ["#1f4e79", "#9dc3e6", "#7f7f7f", "#c55a11", "#548235", "#bf9000"];

  function number(cell) {
    var value = parseFloat((cell.getAttribute("data-value") || "").replace(",", "."));
    return isNaN(value) ? null : value;
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute("data-table"));
    if (!table) return;
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    var series = (canvas.getAttribute("data-series") || "").split(",").filter(Boolean).map(Number);
    var stacked = canvas.getAttribute("data-chart") === "stacked";
    var datasets = series.map(function (column, index) {
      return {
        label: headers[column],
        data: rows.map(function (row) { return number(row.cells[column]); }),
        backgroundColor: palette[index % palette.length],
      };
    });
    var max = canvas.getAttribute("data-max");
    new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: "bottom" } },
        scales: {
          x: { stacked: stacked },
          y: { stacked: stacked, beginAtZero: true, max: max ? Number(max) : undefined },
        },
      },
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
