// Map picker for the latitude/longitude inputs of a place (see heritage/panels.py).
(function () {
  "use strict";
  var MALANG = [-7.9797, 112.6304];

  function round6(value) { return Math.round(value * 1e6) / 1e6; }

  function init(box) {
    if (box.dataset.ready) { return; }
    var latInput = document.getElementById(box.dataset.latInput);
    var lonInput = document.getElementById(box.dataset.lonInput);
    if (!latInput || !lonInput || typeof L === "undefined") { return; }
    box.dataset.ready = "1";
    var map = L.map(box.querySelector(".mh-map-picker__map"));
    var note = box.querySelector(".mh-map-picker__no-tiles");
    function noTiles() { if (note) { note.hidden = false; } }
    if (box.dataset.tileUrl) {
      var tiles = L.tileLayer(box.dataset.tileUrl, { maxZoom: 19, attribution: box.dataset.tileAttribution });
      tiles.once("tileerror", noTiles);
      tiles.addTo(map);
    } else {
      noTiles();
    }
    if (box.dataset.baseUrl && window.fetch) {
      // Our own base layer: the corridor roads and the places, drawn whether or not tiles arrive.
      fetch(box.dataset.baseUrl, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          places = data.features.filter(function (f) {
            return f.properties.layer === "place" && String(f.properties.id) !== box.dataset.pageId;
          });
          warnNearby(marker.getLatLng(), false);
          L.geoJSON(data, {
            interactive: true,
            style: function () { return { color: "#8a6d3b", weight: 2, opacity: 0.8 }; },
            pointToLayer: function (feature, latlng) {
              return L.circleMarker(latlng, { radius: 4, color: "#1d4e89", weight: 1, fillOpacity: 0.7 });
            },
            onEachFeature: function (feature, layer) {
              if (feature.properties && feature.properties.name) {
                // A string would go in as HTML: a node keeps an editor's title as text.
                var label = document.createElement("span");
                label.textContent = String(feature.properties.name);
                layer.bindTooltip(label);
              }
            }
          }).addTo(map);
          marker.bringToFront && marker.bringToFront();
        })
        .catch(function () { /* the picker still works with the inputs and the marker */ });
    }
    var lat = parseFloat(latInput.value), lon = parseFloat(lonInput.value);
    var has = !isNaN(lat) && !isNaN(lon);
    var marker = L.marker(has ? [lat, lon] : MALANG, { draggable: true }).addTo(map);
    map.setView(marker.getLatLng(), has ? 15 : 11);

    // A point within NEAR metres of another place is most likely that place entered twice.
    var NEAR = 50, places = [], warning = box.querySelector(".mh-map-picker__near");
    function warnNearby(latlng, moved) {
      if (!warning) { return; }
      var closest = null, best = Infinity;
      places.forEach(function (f) {
        var c = f.geometry.coordinates, d = map.distance(latlng, L.latLng(c[1], c[0]));
        if (d < best) { best = d; closest = f; }
      });
      if (closest && best <= NEAR && moved) {
        warning.textContent = warning.dataset.template
          .replace("%(metres)s", String(Math.round(best)))
          .replace("%(name)s", String(closest.properties.name));
        warning.hidden = false;
      } else {
        warning.hidden = true;
      }
    }

    function write(latlng) {
      warnNearby(latlng, true);
      latInput.value = round6(latlng.lat).toFixed(6);
      lonInput.value = round6(latlng.lng).toFixed(6);
      latInput.dispatchEvent(new Event("change", { bubbles: true }));
      lonInput.dispatchEvent(new Event("change", { bubbles: true }));
    }
    map.on("click", function (event) { marker.setLatLng(event.latlng); write(event.latlng); });
    marker.on("dragend", function () { write(marker.getLatLng()); });
    function read() {
      var a = parseFloat(latInput.value), b = parseFloat(lonInput.value);
      if (!isNaN(a) && !isNaN(b)) { marker.setLatLng([a, b]); map.panTo([a, b]); warnNearby(marker.getLatLng(), true); }
    }
    latInput.addEventListener("input", read);
    lonInput.addEventListener("input", read);
    // The panel may start hidden in a collapsed section or another tab.
    setTimeout(function () { map.invalidateSize(); }, 300);
    document.addEventListener("click", function () { setTimeout(function () { map.invalidateSize(); }, 50); });
  }

  function initAll() { document.querySelectorAll(".mh-map-picker").forEach(init); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", initAll); }
  else { initAll(); }
})();
