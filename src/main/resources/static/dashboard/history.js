// History page: reads the history API as JSON and draws it with uPlot; no inline script (CSP).
(function () {
  "use strict";
  const DAYS = { day: 1, week: 7, month: 31, year: 366 };
  const lang = document.documentElement.lang || "en";
  const form = document.getElementById("range");
  const charts = {};
  // the catalogue's words for the API's codes (PLAN, ACCEPTED, MANUAL…), in the page's language
  const terms = JSON.parse(form.dataset.terms || "{}");
  const term = (kind, code) => code == null ? "–" : (terms[kind + "." + code] || code);

  function query() {
    const span = form.querySelector("input[name=span]:checked").value;
    const battery = document.getElementById("history-battery").value;
    const to = new Date();
    const from = new Date(to.getTime() - DAYS[span] * 86400000);
    const params = new URLSearchParams({ from: from.toISOString().replace(/\.\d+Z$/, "Z"),
      to: to.toISOString().replace(/\.\d+Z$/, "Z") });
    if (battery) params.set("battery", battery);
    return params;
  }

  function time(at) {
    return new Date(at).toLocaleString(lang, { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
  }

  // axis labels in the page's language and Paris time: hours for a day, dates beyond
  function label(range) {
    const day = range[1] - range[0] <= 2 * 86400;
    const format = day ? { hour: "2-digit", minute: "2-digit" } : { day: "numeric", month: "short" };
    return s => new Date(s * 1000).toLocaleString(lang, Object.assign({ timeZone: "Europe/Paris" }, format));
  }

  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });

  // The legend names the line and, under the cursor, its time and value, in the page's language
  // (uPlot's own words, "Time" and "Value", would be English on a French page).
  function draw(id, range, xs, ys, colour) {
    const el = document.getElementById(id);
    const width = Math.max(260, el.clientWidth || 300);
    const opts = { width: width, height: 200, legend: { show: true, live: true },
      tzDate: ts => uPlot.tzDate(new Date(ts * 1000), "Europe/Paris"),
      scales: { x: { time: true, range: () => range } },
      series: [{ label: form.dataset.time, value: (u, ts) => ts == null ? "–" : time(ts * 1000) },
        { label: el.dataset.label, stroke: colour, width: 1.5, spanGaps: false,
          value: (u, v) => v == null ? "–" : number.format(v) }],
      axes: [{ values: (u, splits) => splits.map(label(range)) }, { size: 55 }] };
    if (charts[id]) charts[id].destroy();
    charts[id] = new uPlot(opts, [xs, ys], el);
  }

  function rows(tableId, items, cells) {
    const body = document.querySelector("#" + tableId + " tbody");
    body.replaceChildren();
    if (items.length === 0) {
      const tr = body.insertRow();
      const td = tr.insertCell();
      td.colSpan = 5;
      td.textContent = form.dataset.empty;
      return;
    }
    for (const item of items.slice(-200).reverse()) {
      const tr = body.insertRow();
      for (const text of cells(item)) tr.insertCell().textContent = text == null ? "" : text;
    }
  }

  async function json(path, params) {
    const response = await fetch(path + "?" + params, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(path + ": " + response.status);
    return response.json();
  }

  async function load() {
    const params = query();
    for (const [id, path] of [["csv-telemetry", "telemetry"], ["csv-modes", "modes"], ["csv-commands", "commands"]]) {
      const csv = new URLSearchParams(params);
      csv.set("format", "csv");
      document.getElementById(id).href = "/api/v1/history/" + path + "?" + csv;
    }
    try {
      const series = await json("/api/v1/history/telemetry", params);
      const xs = series.points.map(p => Date.parse(p.at) / 1000);
      const range = [Date.parse(params.get("from")) / 1000, Date.parse(params.get("to")) / 1000];
      draw("chart-soc", range, xs, series.points.map(p => p.soc), "#1a7f37");
      draw("chart-battery", range, xs, series.points.map(p => p.batteryPower), "#bf5a00");
      draw("chart-grid", range, xs, series.points.map(p => p.gridPower), "#1f6feb");
      const modes = await json("/api/v1/history/modes", params);
      rows("modes-table", modes, m => [time(m.at), m.battery, term("mode", m.from) + " → " + term("mode", m.to), term("cause", m.cause), m.detail]);
      const commands = await json("/api/v1/history/commands", params);
      rows("commands-table", commands, c => [time(c.at), c.battery, c.command + " (" + term("cause", c.cause) + ")", term("outcome", c.outcome), c.detail]);
      document.body.dataset.loaded = "true";
    } catch (e) {
      console.warn("history not loaded", e);
      document.body.dataset.loaded = "failed";
    }
  }

  form.addEventListener("change", load);
  document.addEventListener("DOMContentLoaded", load);
})();
