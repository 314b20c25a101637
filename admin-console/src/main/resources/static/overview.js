// The overview's live figures and its chart. The server sends the figures fragment (event "figures") once per
// refresh interval; it replaces the one on the page, unless the keyboard focus is inside it (then the next one
// will), so that a keyboard user's place is never lost. The chart is drawn from the per-hour table.
(function () {
  "use strict";
  var chart = null;

  function hours() {
    var xs = [], orders = [], payments = [];
    document.querySelectorAll("#hours tbody tr").forEach(function (row) {
      xs.push(Number(row.getAttribute("data-hour")));
      orders.push(Number(row.querySelector(".orders").textContent));
      payments.push(Number(row.querySelector(".payments").textContent));
    });
    return [xs, orders, payments];
  }

  function draw() {
    var target = document.getElementById("hours-chart");
    if (chart) {
      chart.destroy();
      chart = null;
    }
    if (!target || typeof uPlot === "undefined") {
      return;
    }
    chart = new uPlot({
      width: Math.max(320, Math.min(target.parentElement.clientWidth, 960)),
      height: 240,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      series: [
        {},
        { label: "Orders", stroke: "#22303c", width: 2 },
        { label: "Payments", stroke: "#c05800", width: 2, dash: [6, 4] }
      ],
      axes: [{}, { label: "per hour" }]
    }, hours(), target);
  }

  function listen() {
    var live = document.getElementById("live");
    if (!live || typeof EventSource === "undefined") {
      return;
    }
    var source = new EventSource(live.getAttribute("data-stream"));
    source.addEventListener("figures", function (event) {
      var current = document.getElementById("figures");
      if (!current || current.contains(document.activeElement)) {
        return;
      }
      var open = current.querySelector("details") && current.querySelector("details").open;
      var next = document.createElement("div");
      next.innerHTML = event.data;
      var figures = next.querySelector("#figures");
      if (!figures) {
        return;
      }
      if (open && figures.querySelector("details")) {
        figures.querySelector("details").open = true;
      }
      current.replaceWith(figures);
      draw();
    });
  }

  window.addEventListener("load", function () {
    draw();
    listen();
  });
})();
