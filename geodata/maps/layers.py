"""folium elements that load nothing from a CDN and stay small with thousands of points.

``OfflineMap`` is a ``folium.Map`` whose ``default_js``/``default_css`` are its own empty lists, so folium
links no Bootstrap, awesome-markers, jQuery or Leaflet from CDNs (and ``add_js_link`` on folium.Map, which
mutates folium's class-level lists, is never used). The asset tags come from :class:`MapAssets`.

``PointCluster`` puts every point into one compact JSON array and builds the markers in a small loop in
the browser, instead of one folium ``Marker`` (about 700 bytes of JavaScript each) per point: 5,000
places stay well under 400 KB of HTML. Popups are built with DOM calls (``textContent``), so a place name
cannot inject HTML, and a link is only made for ``http(s)://`` or site-relative URLs.
"""

from __future__ import annotations

import json

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geodata.maps.assets import MapAssets


def js_json(data) -> str:
    """JSON safe to put inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("</", "<\\/")
        .replace("<!--", "<\\!--")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


class OfflineMap(folium.Map):
    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []

    def __init__(self, assets: MapAssets, *, jquery: bool = False, **kwargs):
        kwargs.setdefault("tiles", None)
        # Leaflet.markercluster needs the map's maxZoom, which a tile layer normally provides.
        kwargs.setdefault("maxZoom", 19)
        super().__init__(**kwargs)
        self.get_root().header.add_child(Element(assets.head_html(jquery=jquery)), name="geodata_assets")


class PointCluster(MacroElement):
    """Clustered points. ``rows`` are ``[lat, lon, name, kind index, url suffix or None]``."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var data = {{ this.payload }};
            var ok = /^(https?:\\/\\/|\\/)/;
            function content(r) {
                return function () {
                    var box = document.createElement("div"), href = r[4] === null ? null : data.u + r[4];
                    box.className = "gd-popup";
                    var title = document.createElement(href && ok.test(href) ? "a" : "strong");
                    title.textContent = r[2];
                    if (title.tagName === "A") { title.href = href; }
                    box.appendChild(title);
                    if (data.k[r[3]]) {
                        var kind = document.createElement("div");
                        kind.className = "gd-kind";
                        kind.textContent = data.k[r[3]];
                        box.appendChild(kind);
                    }
                    return box;
                };
            }
            var icons = data.c.map(function (colour, i) {
                return L.divIcon({className: "gd-marker gd-kind-" + i, iconSize: [16, 16],
                                  html: '<span style="background:' + colour + '"></span>'});
            });
            var markers = [];
            for (var i = 0; i < data.p.length; i++) {
                var r = data.p[i];
                markers.push(L.marker([r[0], r[1]], {icon: icons[r[3]], title: r[2], alt: r[2]})
                    .bindPopup(content(r)));
            }
            var group = {{ "L.markerClusterGroup(" + this.options + ")" if this.cluster else "L.featureGroup()" }};
            group.addLayers ? group.addLayers(markers) : markers.forEach(function (m) { group.addLayer(m); });
            return group.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(
        self,
        rows: list,
        kinds: list[str],
        colours: list[str],
        url_prefix: str = "",
        *,
        cluster: bool = True,
        name: str = "places",
    ):
        super().__init__()
        self._name = name
        self.cluster = cluster
        self.options = js_json({"showCoverageOnHover": False, "chunkedLoading": True, "maxClusterRadius": 50})
        self.payload = js_json({"p": rows, "k": kinds, "c": colours, "u": url_prefix})


class LineLayer(MacroElement):
    """Polylines with per-class styles. ``lines`` are ``[[[lat, lon], ...], style index, label]``."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var data = {{ this.payload }};
            var group = L.featureGroup();
            data.l.forEach(function (l) {
                var line = L.polyline(l[0], data.s[l[1]]);
                if (l[2]) { line.bindTooltip(String(l[2]), {sticky: true}); }
                group.addLayer(line);
            });
            return group.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, lines: list, styles: list[dict], *, name: str = "lines"):
        super().__init__()
        self._name = name
        self.payload = js_json({"l": lines, "s": styles})


class Legend(MacroElement):
    """A small legend control; entries are (colour, label) and are set with textContent."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var entries = {{ this.payload }};
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function () {
                var box = L.DomUtil.create("div", "gd-legend");
                entries.forEach(function (e) {
                    var row = L.DomUtil.create("div", "", box), key = L.DomUtil.create("i", "", row);
                    key.style.background = e[0];
                    row.appendChild(document.createTextNode(e[1]));
                });
                return box;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, entries: list[tuple[str, str]]):
        super().__init__()
        self._name = "legend"
        self.payload = js_json([list(e) for e in entries])
