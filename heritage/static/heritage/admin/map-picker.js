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
    if (box.dataset.tileUrl) {
      L.tileLayer(box.dataset.tileUrl, { maxZoom: 19, attribution: box.dataset.tileAttribution }).addTo(map);
    }
    var lat = parseFloat(latInput.value), lon = parseFloat(lonInput.value);
    var has = !isNaN(lat) && !isNaN(lon);
    var marker = L.marker(has ? [lat, lon] : MALANG, { draggable: true }).addTo(map);
    map.setView(marker.getLatLng(), has ? 15 : 11);

    function write(latlng) {
      latInput.value = round6(latlng.lat).toFixed(6);
      lonInput.value = round6(latlng.lng).toFixed(6);
      latInput.dispatchEvent(new Event("change", { bubbles: true }));
      lonInput.dispatchEvent(new Event("change", { bubbles: true }));
    }
    map.on("click", function (event) { marker.setLatLng(event.latlng); write(event.latlng); });
    marker.on("dragend", function () { write(marker.getLatLng()); });
    function read() {
      var a = parseFloat(latInput.value), b = parseFloat(lonInput.value);
      if (!isNaN(a) && !isNaN(b)) { marker.setLatLng([a, b]); map.panTo([a, b]); }
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
