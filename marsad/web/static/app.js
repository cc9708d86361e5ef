// marsad overview: filters in the URL drive the map, the timeline and the table together.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("config").textContent);
  const form = document.getElementById("filters");
  const FILTERS = ["since", "until", "type", "country", "admin1", "actor", "min_fatalities", "text"];
  const state = { sort: "event_date", order: "desc", offset: 0, limit: 50, by: "day" };
  window.marsad = { markers: 0, total: 0, loads: 0 };

  // ---- URL <-> form
  function readUrl() {
    const q = new URLSearchParams(location.search);
    FILTERS.forEach((name) => { if (form.elements[name]) form.elements[name].value = q.get(name) || ""; });
    state.sort = q.get("sort") || "event_date";
    state.order = q.get("order") || "desc";
    state.offset = parseInt(q.get("offset") || "0", 10) || 0;
    state.by = q.get("by") || "day";
    document.getElementById("by").value = state.by;
  }
  function filterParams() {
    const q = new URLSearchParams();
    FILTERS.forEach((name) => { const v = form.elements[name].value.trim(); if (v) q.set(name, v); });
    return q;
  }
  function writeUrl() {
    const q = filterParams();
    if (state.sort !== "event_date") q.set("sort", state.sort);
    if (state.order !== "desc") q.set("order", state.order);
    if (state.offset) q.set("offset", state.offset);
    if (state.by !== "day") q.set("by", state.by);
    const lang = new URLSearchParams(location.search).get("lang");
    if (lang) q.set("lang", lang);
    history.replaceState(null, "", location.pathname + (q.toString() ? "?" + q : ""));
  }
  async function getJson(path, q) {
    const response = await fetch(path + "?" + q.toString());
    return response.json();
  }

  // ---- map: packaged country and governorate outlines, no tiles
  const map = L.map("map", { zoomSnap: 0.25, minZoom: 3, maxZoom: 13 }).setView([33.5, 40], 5);
  fetch("/api/areas").then((r) => r.json()).then((areas) => {
    L.geoJSON(areas, {
      style: (f) => f.properties.level === "country"
        ? { color: "#7a8694", weight: 1.2, fillColor: "#fbfaf6", fillOpacity: 1 }
        : { color: "#aab4bf", weight: 0.6, dashArray: "3 3", fill: false },
      onEachFeature: (f, layer) => { if (f.properties.name) layer.bindTooltip(f.properties.name, { sticky: true }); },
    }).addTo(map).bringToBack();
  });
  const cluster = L.markerClusterGroup({ maxClusterRadius: 35 });
  map.addLayer(cluster);

  function colour(type) { return config.colours[type] || "#555"; }
  function drawMap(events) {
    cluster.clearLayers();
    const points = [];
    events.forEach((e) => {
      if (e.latitude == null || e.longitude == null) return;
      const deaths = e.fatalities || 0;
      const marker = L.circleMarker([e.latitude, e.longitude], {
        radius: Math.min(22, 5 + 2.2 * Math.sqrt(deaths)), color: colour(e.event_type), weight: 1,
        fillColor: colour(e.event_type), fillOpacity: 0.75, className: "event-marker",
      });
      const link = document.createElement("a");
      link.href = "/events/" + encodeURIComponent(e.event_id);
      link.textContent = (e.sub_event_type || "") + " — " + (e.location || "") + " (" + (e.event_date || "") + ")";
      marker.bindPopup(link);
      cluster.addLayer(marker);
      points.push([e.latitude, e.longitude]);
    });
    window.marsad.markers = points.length;
    window.marsad.points = points;
    document.getElementById("map").dataset.markers = String(points.length);
    if (points.length) map.fitBounds(points, { padding: [30, 30], maxZoom: 9 });
  }

  // ---- timeline: bars for events, a line for deaths (hand-drawn SVG)
  const SVG = "http://www.w3.org/2000/svg";
  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    if (text != null) node.textContent = text;
    return node;
  }
  function drawChart(buckets) {
    const box = document.getElementById("chart");
    box.textContent = "";
    const W = 600, H = 260, L0 = 34, B = 40, T = 10;
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", direction: "ltr" });
    box.appendChild(svg);
    box.dataset.buckets = String(buckets.length);
    if (!buckets.length) return;
    const maxE = Math.max(...buckets.map((b) => b.events)), maxD = Math.max(1, ...buckets.map((b) => b.fatalities));
    const step = (W - L0 - 10) / buckets.length, h = H - B - T;
    let path = "";
    buckets.forEach((b, i) => {
      const x = L0 + i * step, bh = (b.events / maxE) * h;
      const bar = el("rect", { class: "bar", x: x + step * 0.1, y: T + h - bh, width: Math.max(1, step * 0.8), height: bh });
      bar.appendChild(el("title", {}, `${b.key}: ${b.events} events, ${b.fatalities} deaths`));
      svg.appendChild(bar);
      const y = T + h - (b.fatalities / maxD) * h;
      path += (i ? "L" : "M") + (x + step / 2).toFixed(1) + "," + y.toFixed(1);
      if (buckets.length <= 16 || i % Math.ceil(buckets.length / 12) === 0) {
        svg.appendChild(el("text", { x: x + step / 2, y: H - B + 14, "text-anchor": "end",
          transform: `rotate(-40 ${x + step / 2} ${H - B + 14})` }, b.key));
      }
    });
    svg.appendChild(el("path", { class: "deaths", d: path }));
    svg.appendChild(el("text", { x: 2, y: T + 8 }, String(maxE)));
    svg.appendChild(el("text", { x: W - 4, y: T + 8, "text-anchor": "end", fill: "#c0392b" }, "† " + maxD));
  }

  // ---- table
  function cell(row, text) { const td = document.createElement("td"); td.textContent = text == null ? "" : text; row.appendChild(td); return td; }
  function drawTable(page) {
    const body = document.querySelector("#events tbody");
    body.textContent = "";
    page.events.forEach((e) => {
      const row = document.createElement("tr");
      row.dataset.type = e.event_type;
      cell(row, e.event_date);
      const type = cell(row, "");
      const dot = document.createElement("span"); dot.className = "swatch"; dot.style.background = colour(e.event_type);
      const link = document.createElement("a"); link.href = "/events/" + encodeURIComponent(e.event_id); link.textContent = e.sub_event_type;
      type.append(dot, link);
      cell(row, e.location);
      cell(row, e.admin1);
      cell(row, [e.actor1, e.actor2].filter(Boolean).join(" — "));
      cell(row, e.fatalities);
      cell(row, (e.sources || []).length);
      body.appendChild(row);
    });
    document.getElementById("total").textContent = page.total;
    document.getElementById("empty").hidden = page.total > 0;
    const last = Math.min(page.total, page.offset + page.limit);
    document.getElementById("page").textContent = page.total ? `${page.offset + 1}–${last} / ${page.total}` : "";
    document.getElementById("prev").disabled = page.offset === 0;
    document.getElementById("next").disabled = last >= page.total;
  }

  async function load() {
    writeUrl();
    const q = filterParams();
    const all = new URLSearchParams(q); all.set("limit", "1000");
    const tq = new URLSearchParams(q); tq.set("limit", state.limit); tq.set("offset", state.offset);
    tq.set("sort", state.sort); tq.set("order", state.order);
    const sq = new URLSearchParams(q); sq.set("by", state.by);
    const [everything, page, stats] = await Promise.all([getJson("/api/events", all), getJson("/api/events", tq), getJson("/api/stats", sq)]);
    if (everything.error || page.error || stats.error) {
      const err = (everything.error || page.error || stats.error).message;
      document.getElementById("empty").hidden = false;
      document.getElementById("empty").textContent = err;
      return;
    }
    drawMap(everything.events);
    drawTable(page);
    drawChart(stats.buckets);
    window.marsad.total = page.total;
    window.marsad.loads += 1;
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); state.offset = 0; load(); });
  form.addEventListener("change", () => { state.offset = 0; load(); });
  document.getElementById("reset").addEventListener("click", () => { form.reset(); state.offset = 0; load(); });
  document.getElementById("by").addEventListener("change", (ev) => { state.by = ev.target.value; load(); });
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); load(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += state.limit; load(); });
  document.querySelectorAll("th[data-sort]").forEach((th) => th.addEventListener("click", () => {
    const key = th.dataset.sort;
    state.order = state.sort === key && state.order === "desc" ? "asc" : "desc";
    state.sort = key; state.offset = 0; load();
  }));
  readUrl();
  load();
})();
