// Savings page: reads GET /api/v1/savings (the Tempo season so far) and shows the season's total,
// the totals per Tempo colour, a chart and a table per day and a table per month; no inline script (CSP).
(function () {
  "use strict";
  const lang = document.documentElement.lang || "en";
  const root = document.getElementById("savings");
  const COLOURS = ["BLUE", "WHITE", "RED", "UNKNOWN"];
  const euro = new Intl.NumberFormat(lang, { style: "currency", currency: "EUR" });
  const energy = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  function money(value) {
    return value == null ? "–" : euro.format(value);
  }

  function colourName(colour) {
    return root.dataset[colour.toLowerCase()] || colour;
  }

  // a Tempo day is a date: shown as such, whatever the browser's zone
  function dayName(date) {
    return new Date(date + "T12:00:00Z").toLocaleDateString(lang,
      { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" });
  }

  function monthName(month) {
    return new Date(month + "-15T12:00:00Z").toLocaleDateString(lang,
      { timeZone: "UTC", month: "long", year: "numeric" });
  }

  function field(name, text) {
    root.querySelector("[data-field=" + name + "]").textContent = text;
  }

  function chip(colour) {
    const span = document.createElement("span");
    span.className = "chip " + colour;
    span.textContent = colourName(colour);
    return span;
  }

  // one row per item; a cell is text, or a node (a colour chip); the table's own columns say its width
  function fill(tableId, items, cells, wide) {
    const table = document.getElementById(tableId);
    const body = table.querySelector("tbody");
    body.replaceChildren();
    if (items.length === 0) {
      const td = body.insertRow().insertCell();
      td.colSpan = table.querySelectorAll("thead th").length;
      td.textContent = root.dataset.empty;
      return;
    }
    for (const item of items) {
      const tr = body.insertRow();
      cells(item).forEach((cell, i) => {
        const td = tr.insertCell();
        if (cell instanceof Node) td.append(cell); else td.textContent = cell;
        if (wide && wide.includes(i)) td.className = "wide";
      });
    }
  }

  function byColour(days) {
    const totals = {};
    for (const d of days) {
      const t = totals[d.colour] ||
        (totals[d.colour] = { colour: d.colour, days: 0, priced: 0, paid: 0, without: 0, saved: 0 });
      t.days++;
      if (d.paid_eur != null) {
        t.priced++;
        t.paid += d.paid_eur;
        t.without += d.without_batteries_eur;
        t.saved += d.saved_eur;
      }
    }
    return COLOURS.filter(c => totals[c]).map(c => totals[c]);
  }

  function chart(days) {
    const el = document.getElementById("chart-daily");
    el.replaceChildren();
    if (days.length === 0) return;
    const xs = days.map(d => Date.parse(d.day + "T12:00:00Z") / 1000);
    const bars = uPlot.paths.bars;
    const width = Math.max(260, el.clientWidth || 300);
    const label = s => new Date(s * 1000).toLocaleDateString(lang, { timeZone: "UTC", day: "numeric", month: "short" });
    // The axes span the days the season has, priced or not: with no day priced uPlot found no
    // range in the data and drew years of empty axis.
    const first = xs[0] - 43200;
    const last = xs[xs.length - 1] + 43200;
    const opts = { width: width, height: 220,
      scales: { x: { time: true, range: () => [first, last] },
        y: { range: (u, min, max) => min == null || max == null ? [0, 1] : [Math.min(0, min), max * 1.1 || 1] } },
      series: [{ label: root.dataset.day, value: (u, s) => s == null ? "" : label(s) },
        { label: root.dataset.paid, stroke: "#1f6feb", fill: "rgba(31,111,235,.55)", value: (u, v) => money(v),
          paths: bars({ size: [0.4, 24], align: -1 }), points: { show: false } },
        { label: root.dataset.without, stroke: "#bf5a00", fill: "rgba(191,90,0,.45)", value: (u, v) => money(v),
          paths: bars({ size: [0.4, 24], align: 1 }), points: { show: false } }],
      axes: [{ values: (u, splits) => splits.map(label) },
        { size: 60, values: (u, splits) => splits.map(v => money(v)) }] };
    new uPlot(opts, [xs, days.map(d => d.paid_eur), days.map(d => d.without_batteries_eur)], el);
    el.dataset.days = String(Math.round((last - first) / 86400));
  }

  function show(view) {
    document.getElementById("savings-range").textContent =
      dayName(view.from) + " – " + dayName(view.to);
    field("saved", money(view.total.saved_eur));
    field("paid", money(view.total.paid_eur));
    field("without", money(view.total.without_batteries_eur));
    field("days", String(view.total.days_priced));
    const unpriced = root.querySelector("[data-field=unpriced]");
    unpriced.textContent = view.total.days_unpriced > 0 ? " + " + view.total.days_unpriced + " ?" : "";
    fill("colour-table", byColour(view.days), c =>
      [chip(c.colour), String(c.days), c.priced ? money(c.paid) : "–",
        c.priced ? money(c.without) : "–", c.priced ? money(c.saved) : "–"]);
    fill("month-table", view.months.slice().reverse(), m =>
      [monthName(m.month), String(m.total.days_priced), money(m.total.paid_eur),
        money(m.total.without_batteries_eur), money(m.total.saved_eur)]);
    fill("day-table", view.days.slice().reverse(), d =>
      [dayName(d.day), chip(d.colour), energy.format(d.imported_kwh), energy.format(d.charged_kwh),
        energy.format(d.discharged_kwh), money(d.paid_eur), money(d.without_batteries_eur), money(d.saved_eur)],
      [2, 3, 4]);
    chart(view.days);
  }

  async function load() {
    try {
      const response = await fetch("/api/v1/savings", { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error("/api/v1/savings: " + response.status);
      show(await response.json());
      document.body.dataset.loaded = "true";
    } catch (e) {
      console.warn("savings not loaded", e);
      const problem = document.getElementById("savings-problem");
      problem.textContent = root.dataset.failed + " " + e.message;
      problem.hidden = false;
      document.body.dataset.loaded = "failed";
    }
  }

  document.addEventListener("DOMContentLoaded", load);
})();
