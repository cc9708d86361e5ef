// marsad overview: the filters in the URL drive the map, the timeline, the table and the downloads.
// The map asks the server for what its view needs (/api/map: clusters and single events for the zoom,
// the view and the filters); the timeline brushes a period into the date filter.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("config").textContent);
  const T = Object.assign({ events: config.strings.shown }, config.strings);
  const form = document.getElementById("filters");
  const FILTERS = ["since", "until", "type", "country", "admin1", "actor", "min_fatalities", "min_confidence", "text"];
  const MULTI = ["type", "country", "admin1"];
  const state = { sort: "event_date", order: "desc", offset: 0, limit: 50, by: "auto" };
  window.marsad = { markers: 0, total: 0, loads: 0, mapLoads: 0 };

  function label(type) { return (config.labels && config.labels[type]) || type || ""; }
  function actorLabel(name) { return (config.actors && config.actors[name]) || name || ""; }
  function colour(type) { return config.colours[type] || "#555"; }

  // ---- URL <-> form (a multi-valued filter is the same name repeated: type=A&type=B)
  function values(name) {
    const field = form.elements[name];
    if (!field) return [];
    if (field.multiple) return Array.from(field.selectedOptions).map((o) => o.value).filter(Boolean);
    const v = field.value.trim();
    return v ? [v] : [];
  }
  function setValues(name, list) {
    const field = form.elements[name];
    if (!field) return;
    if (field.multiple) {
      list.forEach((v) => { if (!Array.from(field.options).some((o) => o.value === v)) field.add(new Option(v, v)); });
      Array.from(field.options).forEach((o) => { o.selected = list.includes(o.value); });
    } else field.value = list[0] || "";
  }
  function readUrl() {
    const q = new URLSearchParams(location.search);
    FILTERS.forEach((name) => setValues(name, q.getAll(name)));
    state.sort = q.get("sort") || "event_date";
    state.order = q.get("order") || "desc";
    state.offset = parseInt(q.get("offset") || "0", 10) || 0;
    state.by = q.get("by") || "auto";
    document.getElementById("by").value = state.by;
  }
  function filterParams() {
    const q = new URLSearchParams();
    FILTERS.forEach((name) => values(name).forEach((v) => q.append(name, v)));
    return q;
  }
  function writeUrl() {
    const q = filterParams();
    if (state.sort !== "event_date") q.set("sort", state.sort);
    if (state.order !== "desc") q.set("order", state.order);
    if (state.offset) q.set("offset", state.offset);
    if (state.by !== "auto") q.set("by", state.by);
    const lang = new URLSearchParams(location.search).get("lang");
    if (lang) q.set("lang", lang);
    history.replaceState(null, "", location.pathname + (q.toString() ? "?" + q : ""));
  }
  async function getJson(path, q) {
    const response = await fetch(path + "?" + q.toString());
    return response.json();
  }
  function node(tag, attrs, text) {
    const n = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => n.setAttribute(k, v));
    if (text != null) n.textContent = text;
    return n;
  }

  // ---- map: packaged boundaries (countries under governorates), no tiles; clusters from the server
  const map = L.map("map", { zoomSnap: 1, minZoom: 3, maxZoom: 14 }).setView([33.5, 40], 5);
  window.marsadMap = map;  // apart from window.marsad, which tests read whole
  map.createPane("countries").style.zIndex = 250;
  map.createPane("governorates").style.zIndex = 260;
  map.createPane("placenames").style.zIndex = 450;
  const areaLabels = L.layerGroup();
  const townLabels = L.layerGroup().addTo(map);
  const eventsLayer = L.layerGroup().addTo(map);
  fetch("/api/areas").then((r) => r.json()).then((areas) => {
    const countries = areas.features.filter((f) => f.properties.level === "country");
    const admin1 = areas.features.filter((f) => f.properties.level !== "country");
    L.geoJSON({ type: "FeatureCollection", features: countries }, {
      pane: "countries", interactive: false,
      style: { color: "#7a8694", weight: 1.2, fillColor: "#fbfaf6", fillOpacity: 1 },
    }).addTo(map);
    L.geoJSON({ type: "FeatureCollection", features: admin1 }, {
      pane: "governorates",
      style: { color: "#8a96a3", weight: 0.8, dashArray: "3 3", fill: true, fillOpacity: 0, className: "governorate" },
      onEachFeature: (f, layer) => {
        const name = (config.lang === "ar" && f.properties.name_ar) || f.properties.name;
        if (!name) return;
        layer.bindTooltip(name, { sticky: true });
        const at = f.properties.label || layer.getBounds().getCenter();
        areaLabels.addLayer(L.marker(at, { pane: "placenames", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "area-label", html: node("span", {}, name), iconSize: null }) }));
      },
    }).addTo(map);
    window.marsad.areas = admin1.length;
    showLabels();
  });
  function showLabels() {
    if (map.getZoom() >= 6) areaLabels.addTo(map); else areaLabels.remove();
  }
  function viewParam() {
    const b = map.getBounds();
    const w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
    const s = Math.max(-90, b.getSouth()), n = Math.min(90, b.getNorth());
    return [w, s, e, n].map((x) => x.toFixed(4)).join(",");
  }
  async function loadTowns() {
    townLabels.clearLayers();
    if (map.getZoom() < 7) return;
    const q = new URLSearchParams({ view: viewParam(), zoom: map.getZoom() });
    const towns = await getJson("/api/map/places", q);
    if (!Array.isArray(towns)) return;
    townLabels.clearLayers();
    towns.forEach((t) => {
      const name = (config.lang === "ar" && t.name_ar) || t.name;
      townLabels.addLayer(L.marker([t.lat, t.lon], { pane: "placenames", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "town-label", html: node("span", {}, name), iconSize: null }) }));
    });
    window.marsad.towns = towns.length;
  }

  // a cluster: a ring of its types' shares around its count
  function clusterIcon(c) {
    const size = Math.round(Math.min(46, 24 + 5.5 * Math.log10(c.count)));
    const r = size / 2 - 3, C = 2 * Math.PI * r;
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", size); svg.setAttribute("height", size); svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
    const centre = document.createElementNS(svg.namespaceURI, "circle");
    Object.entries({ cx: size / 2, cy: size / 2, r: r - 3, fill: "#fff", "fill-opacity": "0.9" }).forEach(([k, v]) => centre.setAttribute(k, v));
    svg.appendChild(centre);
    let done = 0;
    Object.entries(c.types).sort((a, b) => b[1] - a[1]).forEach(([type, n]) => {
      const arc = document.createElementNS(svg.namespaceURI, "circle");
      const len = (n / c.count) * C;
      Object.entries({ cx: size / 2, cy: size / 2, r: r, fill: "none", stroke: colour(type), "stroke-width": 6,
        "stroke-dasharray": `${len} ${C - len}`, "stroke-dashoffset": -done,
        transform: `rotate(-90 ${size / 2} ${size / 2})` }).forEach(([k, v]) => arc.setAttribute(k, v));
      svg.appendChild(arc);
      done += len;
    });
    const text = document.createElementNS(svg.namespaceURI, "text");
    Object.entries({ x: "50%", y: "50%", "text-anchor": "middle", "dominant-baseline": "central", class: "count" }).forEach(([k, v]) => text.setAttribute(k, v));
    text.textContent = c.count >= 10000 ? Math.round(c.count / 1000) + "k" : String(c.count);
    svg.appendChild(text);
    const box = node("div", { class: "cluster", "data-count": c.count });
    box.title = Object.entries(c.types).map(([t, n]) => `${label(t)}: ${n}`).join("\n") + `\n${T.deaths}: ${c.fatalities}`;
    box.appendChild(svg);
    return L.divIcon({ className: "cluster-icon", html: box, iconSize: [size, size] });
  }
  function eventPopup(marker, eventId) {
    marker.bindPopup(() => {
      const box = node("div", { class: "event-popup" }, "…");
      fetch("/api/events/" + encodeURIComponent(eventId)).then((r) => r.json()).then((e) => {
        box.textContent = "";
        const link = node("a", { href: "/events/" + encodeURIComponent(e.event_id) },
          `${label(e.sub_event_type)} — ${e.location || ""} (${e.event_date || ""})`);
        box.append(link, node("div", {}, `${T.deaths}: ${e.fatalities == null ? "" : e.fatalities}`));
      });
      return box;
    });
  }
  async function clusterPopup(c, latlng) {
    const q = filterParams();
    q.set("bbox", c.bounds.join(",")); q.set("limit", "20");
    const page = await getJson("/api/events", q);
    const box = node("div", { class: "event-popup" });
    box.appendChild(node("b", {}, `${c.count} ${T.events}`));
    const list = node("ul");
    (page.events || []).forEach((e) => {
      const li = node("li");
      li.appendChild(node("a", { href: "/events/" + encodeURIComponent(e.event_id) },
        `${e.event_date || ""} ${label(e.sub_event_type)} — ${e.location || ""}`));
      list.appendChild(li);
    });
    box.appendChild(list);
    L.popup().setLatLng(latlng).setContent(box).openOn(map);
  }
  let mapAsk = 0;
  async function loadMap() {
    const ask = ++mapAsk;
    const q = filterParams();
    q.set("zoom", map.getZoom()); q.set("view", viewParam());
    const answer = await getJson("/api/map", q);
    if (ask !== mapAsk || answer.error) return;
    eventsLayer.clearLayers();
    answer.clusters.forEach((c) => {
      const m = L.marker([c.lat, c.lon], { icon: clusterIcon(c), riseOnHover: true });
      m.on("click", (ev) => {
        const b = L.latLngBounds([c.bounds[1], c.bounds[0]], [c.bounds[3], c.bounds[2]]);
        const z = map.getBoundsZoom(b.pad(0.2));
        if (z > map.getZoom() && map.getZoom() < map.getMaxZoom()) map.fitBounds(b.pad(0.2));
        else clusterPopup(c, ev.latlng);
      });
      eventsLayer.addLayer(m);
    });
    answer.points.forEach((p) => {
      const m = L.circleMarker([p.lat, p.lon], {
        radius: Math.min(16, 5 + 1.8 * Math.sqrt(p.fatalities || 0)), color: "#fff", weight: 1,
        fillColor: colour(p.event_type), fillOpacity: 0.9, className: "event-marker",
      });
      eventPopup(m, p.event_id);
      eventsLayer.addLayer(m);
    });
    const shown = answer.clusters.reduce((n, c) => n + c.count, 0) + answer.points.length;
    Object.assign(window.marsad, { markers: shown, mapTotal: answer.total, inView: answer.in_view,
      outside: answer.outside, unlocated: answer.unlocated, clusters: answer.clusters.length,
      points: answer.points.map((p) => [p.lat, p.lon]) });
    document.getElementById("map").dataset.markers = String(shown);
    const note = document.getElementById("map-note");
    note.textContent = `${T.on_map}: ${answer.in_view}` + (answer.outside ? ` · ${T.outside}: ${answer.outside}` : "")
      + (answer.unlocated ? ` · ${T.unlocated}: ${answer.unlocated}` : "");
    window.marsad.mapLoads += 1;
    return answer;
  }
  let fitted = false;
  async function fitToData() {
    // the first view of a filter shows all its located events (a world-wide ask, then zoom to them)
    const q = filterParams(); q.set("zoom", 3);
    const all = await getJson("/api/map", q);
    if (all.error) return;
    const cells = all.clusters.map((c) => [[c.bounds[1], c.bounds[0]], [c.bounds[3], c.bounds[2]]])
      .concat(all.points.map((p) => [[p.lat, p.lon], [p.lat, p.lon]]));
    if (!cells.length) return;
    const b = L.latLngBounds(cells.flat());
    map.fitBounds(b, { padding: [20, 20], maxZoom: 9, animate: false });
  }
  map.on("moveend", () => { if (fitted) { loadMap(); loadTowns(); } showLabels(); });

  // ---- timeline: a continuous axis of days, weeks or months; bars for events, a line for deaths
  const SVG = "http://www.w3.org/2000/svg";
  function el(name, attrs, text) {
    const n = document.createElementNS(SVG, name);
    Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v));
    if (text != null) n.textContent = text;
    return n;
  }
  const DAY = 86400000;
  function parseDay(s) { return new Date(s + "T00:00:00Z"); }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function periodStart(d, by) {
    if (by === "day") return d;
    if (by === "week") return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  }
  function nextPeriod(d, by) {
    if (by === "day") return new Date(d.getTime() + DAY);
    if (by === "week") return new Date(d.getTime() + 7 * DAY);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  // every period from the first to the last, empty ones as zero
  function periods(days, by, since, until) {
    if (!days.length && !(since && until)) return [];
    const first = periodStart(since ? parseDay(since) : parseDay(days[0].key), by);
    const last = until ? parseDay(until) : parseDay(days[days.length - 1].key);
    const out = [], index = new Map();
    for (let d = first; d <= last && out.length < 5000; d = nextPeriod(d, by)) {
      index.set(iso(d), out.length);
      out.push({ start: d, end: new Date(nextPeriod(d, by).getTime() - DAY), events: 0, fatalities: 0 });
    }
    days.forEach((b) => {
      const i = index.get(iso(periodStart(parseDay(b.key), by)));
      if (i != null) { out[i].events += b.events; out[i].fatalities += b.fatalities; }
    });
    return out;
  }
  function autoBy(days, since, until) {
    if (!days.length) return "day";
    const a = since ? parseDay(since) : parseDay(days[0].key), b = until ? parseDay(until) : parseDay(days[days.length - 1].key);
    const span = (b - a) / DAY;
    return span <= 120 ? "day" : span <= 3 * 365 ? "week" : "month";
  }
  function niceMax(v) {
    if (v <= 5) return Math.max(1, v);
    const p = Math.pow(10, Math.floor(Math.log10(v))), f = v / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }
  function tickLabel(d, by, spanDays) {
    if (by === "month") return spanDays > 4 * 365 ? String(d.getUTCFullYear()) : iso(d).slice(0, 7);
    return iso(d);
  }
  const chart = { series: [], by: "day", x0: 0, step: 1 };
  function drawChart(days) {
    const box = document.getElementById("chart");
    box.textContent = "";
    const since = values("since")[0], until = values("until")[0];
    const by = state.by === "auto" ? autoBy(days, since, until) : state.by;
    const series = periods(days, by, since, until);
    Object.assign(chart, { series, by });
    box.dataset.buckets = String(series.length);
    box.dataset.by = by;
    const W = 640, H = 280, L0 = 46, R0 = 46, B = 46, T0 = 26;
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", direction: "ltr", "aria-label": T.timeline });
    box.appendChild(svg);
    const maxE = niceMax(Math.max(0, ...series.map((b) => b.events)));
    const maxD = niceMax(Math.max(0, ...series.map((b) => b.fatalities)));
    const h = H - B - T0, w = W - L0 - R0;
    const step = series.length ? w / series.length : w;
    Object.assign(chart, { x0: L0, step, w });
    // axes, ticks and titles
    svg.appendChild(el("line", { class: "axis", x1: L0, y1: T0 + h, x2: L0 + w, y2: T0 + h }));
    svg.appendChild(el("line", { class: "axis", x1: L0, y1: T0, x2: L0, y2: T0 + h }));
    svg.appendChild(el("line", { class: "axis deaths-axis", x1: L0 + w, y1: T0, x2: L0 + w, y2: T0 + h }));
    [0, 0.5, 1].forEach((f) => {
      const y = T0 + h - f * h;
      svg.appendChild(el("line", { class: "grid", x1: L0, y1: y, x2: L0 + w, y2: y }));
      svg.appendChild(el("text", { class: "tick y-events", x: L0 - 4, y: y + 3, "text-anchor": "end" }, String(Math.round(f * maxE))));
      svg.appendChild(el("text", { class: "tick y-deaths", x: L0 + w + 4, y: y + 3 }, String(Math.round(f * maxD))));
    });
    svg.appendChild(el("text", { class: "axis-title", x: 12, y: T0 + h / 2, transform: `rotate(-90 12 ${T0 + h / 2})`, "text-anchor": "middle" }, T.events_axis));
    svg.appendChild(el("text", { class: "axis-title deaths-title", x: W - 8, y: T0 + h / 2, transform: `rotate(90 ${W - 8} ${T0 + h / 2})`, "text-anchor": "middle" }, T.deaths_axis));
    svg.appendChild(el("text", { class: "axis-title x-title", x: L0 + w / 2, y: H - 4, "text-anchor": "middle" }, T["period_" + by]));
    // legend
    const legend = el("g", { class: "chart-legend", transform: `translate(${L0}, 8)` });
    legend.appendChild(el("rect", { class: "bar", x: 0, y: 0, width: 12, height: 10 }));
    legend.appendChild(el("text", { x: 16, y: 9 }, T.events_axis));
    legend.appendChild(el("line", { class: "deaths", x1: 110, y1: 5, x2: 130, y2: 5 }));
    legend.appendChild(el("text", { x: 134, y: 9 }, T.deaths_axis));
    svg.appendChild(legend);
    if (!series.length) return;
    const span = (series[series.length - 1].end - series[0].start) / DAY;
    const every = Math.max(1, Math.ceil(series.length / 6));
    let path = "";
    series.forEach((b, i) => {
      const x = L0 + i * step, bh = (b.events / maxE) * h;
      if (b.events) {
        const bar = el("rect", { class: "bar", x: x + step * 0.1, y: T0 + h - bh, width: Math.max(0.6, step * 0.8), height: bh });
        bar.appendChild(el("title", {}, `${iso(b.start)}: ${b.events} ${T.events}, ${b.fatalities} ${T.deaths}`));
        svg.appendChild(bar);
      }
      const y = T0 + h - (b.fatalities / maxD) * h;
      path += (i ? "L" : "M") + (x + step / 2).toFixed(1) + "," + y.toFixed(1);
      if (i % every === 0) {
        svg.appendChild(el("line", { class: "axis", x1: x, y1: T0 + h, x2: x, y2: T0 + h + 4 }));
        svg.appendChild(el("text", { class: "tick x", x: x, y: T0 + h + 16, "text-anchor": "middle" }, tickLabel(b.start, by, span)));
      }
    });
    svg.appendChild(el("path", { class: "deaths", d: path }));
    // brushing: drag across the plot to set the date filter to those periods
    const brush = el("rect", { class: "brush", x: 0, y: T0, width: 0, height: h });
    const surface = el("rect", { class: "brush-surface", x: L0, y: T0, width: w, height: h, fill: "transparent" });
    svg.append(brush, surface);
    let from = null;
    const at = (ev) => {
      const p = svg.createSVGPoint(); p.x = ev.clientX; p.y = ev.clientY;
      const x = p.matrixTransform(svg.getScreenCTM().inverse()).x;
      return Math.max(0, Math.min(series.length - 1, Math.floor((x - L0) / step)));
    };
    const show = (a, b) => {
      const i = Math.min(a, b), j = Math.max(a, b);
      brush.setAttribute("x", L0 + i * step); brush.setAttribute("width", (j - i + 1) * step);
    };
    surface.addEventListener("pointerdown", (ev) => { from = at(ev); show(from, from); surface.setPointerCapture(ev.pointerId); });
    surface.addEventListener("pointermove", (ev) => { if (from != null) show(from, at(ev)); });
    surface.addEventListener("pointerup", (ev) => {
      if (from == null) return;
      const to = at(ev), i = Math.min(from, to), j = Math.max(from, to);
      from = null;
      setValues("since", [iso(series[i].start)]);
      setValues("until", [iso(series[j].end)]);
      state.offset = 0;
      load();
    });
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
      const link = document.createElement("a"); link.href = "/events/" + encodeURIComponent(e.event_id); link.textContent = label(e.sub_event_type);
      type.append(dot, link);
      cell(row, e.location);
      cell(row, e.admin1);
      cell(row, [e.actor1, e.actor2].filter(Boolean).map(actorLabel).join(" — "));
      cell(row, e.fatalities);
      cell(row, (e.sources || []).length);
      body.appendChild(row);
    });
    document.getElementById("total").textContent = (page.total_estimated ? "~" : "") + page.total;
    document.getElementById("empty").hidden = page.total > 0;
    const last = Math.min(page.total, page.offset + page.limit);
    document.getElementById("page").textContent = page.total ? `${page.offset + 1}–${last} / ${page.total}` : "";
    document.getElementById("prev").disabled = page.offset === 0;
    document.getElementById("next").disabled = last >= page.total;
  }
  function drawDownloads() {
    document.querySelectorAll("a[data-format]").forEach((a) => {
      const q = filterParams(); q.set("format", a.dataset.format);
      a.href = "/api/download?" + q.toString();
    });
  }

  // ---- legend: a swatch and its label kept together (the label in the page's language)
  function drawLegend() {
    const box = document.getElementById("legend");
    box.textContent = "";
    Object.keys(config.colours).forEach((type) => {
      const item = node("span", { class: "legend-item", "data-type": type });
      const dot = node("i"); dot.style.background = colour(type);
      item.append(dot, node("span", {}, label(type)));
      box.appendChild(item);
    });
  }

  // ---- facets: how many events each value has under the other filters (a dimension's own
  // filter left out, so that another value of it can be added), and the actors of the filter
  async function loadFacets() {
    const base = filterParams();
    const without = (names) => { const q = new URLSearchParams(base); names.forEach((n) => q.delete(n)); return q.toString(); };
    const asks = { type: without(["type"]), country: without(["country"]), admin1: without(["admin1"]), actor: base.toString() };
    const answers = {};
    await Promise.all([...new Set(Object.values(asks))].map(async (q) => { answers[q] = await getJson("/api/facets", new URLSearchParams(q)); }));
    if (Object.values(answers).some((a) => a.error)) return;
    const types = answers[asks.type];
    const counts = new Map(types.event_type.concat(types.sub_event_type).map((f) => [f.key, f.events]));
    Array.from(form.elements.type.options).forEach((o) => {
      const n = counts.get(o.value) || 0;
      o.textContent = (o.dataset.sub ? "— " : "") + label(o.value) + ` (${n})`;
      o.dataset.count = n;
    });
    [["country", "country"], ["admin1", "admin1"]].forEach(([name, facet]) => {
      const field = form.elements[name], chosen = values(name);
      field.textContent = "";
      const listed = answers[asks[name]][facet].filter((f) => f.key);
      chosen.forEach((v) => { if (!listed.some((f) => f.key === v)) listed.unshift({ key: v, events: 0 }); });
      listed.forEach((f) => {
        const o = new Option(`${f.key} (${f.events})`, f.key, false, chosen.includes(f.key));
        o.dataset.count = f.events;
        field.add(o);
      });
    });
    const list = document.getElementById("actor-list");
    list.textContent = "";
    answers[asks.actor].actor.forEach((f) => {
      const o = node("option", { value: f.key });
      o.label = `${actorLabel(f.key)} (${f.events})`;
      list.appendChild(o);
    });
    window.marsad.facets = (window.marsad.facets || 0) + 1;
  }

  async function load() {
    writeUrl();
    drawDownloads();
    const q = filterParams();
    const tq = new URLSearchParams(q); tq.set("limit", state.limit); tq.set("offset", state.offset);
    tq.set("sort", state.sort); tq.set("order", state.order);
    const sq = new URLSearchParams(q); sq.set("by", "day");
    const [page, stats] = await Promise.all([getJson("/api/events", tq), getJson("/api/stats", sq)]);
    if (page.error || stats.error) {
      const err = (page.error || stats.error).message;
      document.getElementById("empty").hidden = false;
      document.getElementById("empty").textContent = err;
      return;
    }
    drawTable(page);
    drawChart(stats.buckets);
    await loadFacets();
    if (!fitted) { await fitToData(); fitted = true; }
    await loadMap();
    loadTowns();
    window.marsad.total = page.total;
    window.marsad.loads += 1;
  }
  function refilter() { state.offset = 0; fitted = false; load(); }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); refilter(); });
  form.addEventListener("change", refilter);
  document.getElementById("reset").addEventListener("click", () => {
    form.reset(); MULTI.forEach((n) => setValues(n, [])); refilter();
  });
  document.getElementById("by").addEventListener("change", (ev) => { state.by = ev.target.value; load(); });
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); load(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += state.limit; load(); });
  document.querySelectorAll("th[data-sort]").forEach((th) => th.addEventListener("click", () => {
    const key = th.dataset.sort;
    state.order = state.sort === key && state.order === "desc" ? "asc" : "desc";
    state.sort = key; state.offset = 0; load();
  }));
  drawLegend();
  readUrl();
  load();
})();
