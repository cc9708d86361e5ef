// marsad event page: the event's place on a small map over the packaged outlines (no tiles).
(function () {
  "use strict";
  // the review form's sub-types follow its type (ACLED's taxonomy)
  const kind = document.getElementById("review-event_type"), sub = document.getElementById("review-sub_event_type");
  if (kind && sub) {
    const follow = (changed) => {
      Array.from(sub.querySelectorAll("optgroup")).forEach((g) => {
        const mine = g.dataset.type === kind.value;
        g.hidden = g.disabled = !mine;
      });
      if (changed && (!sub.selectedOptions.length || sub.selectedOptions[0].dataset.type !== kind.value)) {
        const first = sub.querySelector(`option[data-type="${CSS.escape(kind.value)}"]`);
        if (first) first.selected = true;
      }
    };
    kind.addEventListener("change", () => follow(true));
    follow(false);
  }
  const box = document.getElementById("event-map");
  if (!box || typeof L === "undefined") return;
  const lat = parseFloat(box.dataset.lat), lon = parseFloat(box.dataset.lon);
  const map = L.map(box, { zoomSnap: 0.25, minZoom: 3, maxZoom: 13 });
  window.marsadEvent = { map: map, marker: null };
  fetch("/api/areas").then((r) => r.json()).then((areas) => {
    L.geoJSON(areas, {
      style: (f) => f.properties.level === "country"
        ? { color: "#7a8694", weight: 1.2, fillColor: "#fbfaf6", fillOpacity: 1 }
        : { color: "#aab4bf", weight: 0.6, dashArray: "3 3", fill: false },
    }).addTo(map).bringToBack();
  });
  if (isNaN(lat) || isNaN(lon)) {
    map.setView([33.5, 40], 5);
    return;
  }
  // a place known only by its governorate (precision 3) or "near X" (2) is drawn as an area, not a pin
  const precision = parseInt(box.dataset.precision || "1", 10);
  const marker = L.circleMarker([lat, lon], {
    radius: precision >= 3 ? 18 : precision === 2 ? 12 : 7, color: "#c0392b", weight: 2,
    fillColor: "#c0392b", fillOpacity: precision >= 2 ? 0.2 : 0.8, className: "event-place",
  }).addTo(map);
  window.marsadEvent.marker = marker;
  map.setView([lat, lon], 7);  // the governorate around it stays in view
})();
