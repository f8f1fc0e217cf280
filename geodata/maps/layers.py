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

import re

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geodata.maps.assets import MapAssets
from geodata.script_json import script_json

# A JSON "{" can only be followed by "{", "%" or "#" inside a string: there it is written "\u007b", so no text
# can open a Jinja tag, should it ever reach a template (see VerbatimMacroElement).
_TEMPLATE_OPENER = re.compile(r"\{(?=[{%#])")


def js_json(data) -> str:
    """JSON safe to put inside a <script> element as a JavaScript expression.

    Text a person wrote (a place title, a road name) only ever reaches a map as a JSON string built here and
    is put on the page with ``textContent``: never inside a template literal, never as HTML."""
    return _TEMPLATE_OPENER.sub(r"\\u007b", script_json(data, compact=True))


class _Verbatim(Element):
    """Finished text in a figure: rendered as it is, never as a template."""

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def render(self, **kwargs) -> str:
        return self._text


class VerbatimMacroElement(MacroElement):
    """A MacroElement whose rendered script is kept as text.

    branca's ``MacroElement.render`` wraps each rendered macro in ``Element(text)``, which compiles the text as
    a new Jinja template and renders it again: a place title holding ``{{ ... }}`` would then be evaluated on
    the server, with the full power of Jinja (it ran shell commands in a test). Our layers carry the titles,
    so they add their script as verbatim text instead; folium's own elements are given no page text."""

    def render(self, **kwargs):
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(_Verbatim(script(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class OfflineMap(folium.Map):
    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []

    def __init__(self, assets: MapAssets, *, jquery: bool = False, **kwargs):
        kwargs.setdefault("tiles", None)
        # Leaflet.markercluster needs the map's maxZoom, which a tile layer normally provides.
        kwargs.setdefault("maxZoom", 19)
        super().__init__(**kwargs)
        self.assets_html = assets.head_html(jquery=jquery)
        self.get_root().header.add_child(Element(self.assets_html), name="geodata_assets")


class PointCluster(VerbatimMacroElement):
    """Clustered points. ``rows`` are ``[lat, lon, name, kind index, url suffix or None]``; ``current`` are the
    indexes of the rows the page is about, drawn apart: larger, labelled, outside any cluster."""

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
                // A 24 px target (WCAG 2.5.8) around the 16 px dot.
                return L.divIcon({className: "gd-marker gd-kind-" + i, iconSize: [24, 24],
                                  html: '<span style="background:' + colour + '"></span>'});
            });
            var markers = [], current = [];
            for (var i = 0; i < data.p.length; i++) {
                var r = data.p[i];
                if (data.h.indexOf(i) >= 0) {
                    // The place the page is about: larger, ringed, labelled, above the others and never
                    // hidden in a cluster.
                    var here = L.divIcon({className: "gd-marker gd-marker--current", iconSize: [26, 26],
                                          html: '<span style="background:' + data.c[r[3]] + '"></span>'});
                    current.push(L.marker([r[0], r[1]], {icon: here, title: r[2], alt: r[2], zIndexOffset: 1000})
                        .bindPopup(content(r))
                        .bindTooltip(document.createTextNode(r[2]),
                                     {permanent: true, direction: "top", offset: [0, -12],
                                      className: "gd-current-label"}));
                    continue;
                }
                markers.push(L.marker([r[0], r[1]], {icon: icons[r[3]], title: r[2], alt: r[2]})
                    .bindPopup(content(r)));
            }
            var group = {{ "L.markerClusterGroup(" + this.options + ")" if this.cluster else "L.featureGroup()" }};
            group.addLayers ? group.addLayers(markers) : markers.forEach(function (m) { group.addLayer(m); });
            current.forEach(function (m) { m.addTo({{ this._parent.get_name() }}); });
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
        current: list[int] = (),
    ):
        super().__init__()
        self._name = name
        self.cluster = cluster
        self.options = js_json({"showCoverageOnHover": False, "chunkedLoading": True, "maxClusterRadius": 50})
        self.payload = js_json(
            {"p": rows, "k": kinds, "c": colours, "u": url_prefix, "h": [int(i) for i in current]}
        )


class LineLayer(VerbatimMacroElement):
    """Polylines with per-class styles. ``lines`` are ``[[[lat, lon], ...], style index, label]``."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var data = {{ this.payload }};
            var group = L.featureGroup();
            data.l.forEach(function (l) {
                var line = L.polyline(l[0], data.s[l[1]]);
                if (l[2]) {
                    // A tooltip given a string is set as HTML by Leaflet: give it a text node instead.
                    line.bindTooltip(document.createTextNode(String(l[2])), {sticky: true});
                }
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


class ControlLabels(VerbatimMacroElement):
    """The words Leaflet writes itself (the zoom buttons' titles and the "Leaflet" credit's tooltip) in the
    page's language; Leaflet only has them in English. ``labels`` has ``zoom_in``, ``zoom_out`` and
    ``leaflet``; they are set as attributes, never as HTML."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }}, labels = {{ this.payload }};
            var zoom = map.zoomControl;
            if (zoom) {
                [[zoom._zoomInButton, labels.zoom_in], [zoom._zoomOutButton, labels.zoom_out]].forEach(function (b) {
                    b[0].title = b[1];
                    b[0].setAttribute("aria-label", b[1]);
                });
            }
            if (map.attributionControl) {
                var credit = document.createElement("a");
                credit.href = "https://leafletjs.com";
                credit.title = labels.leaflet;
                credit.textContent = "Leaflet";
                map.attributionControl.setPrefix(credit.outerHTML);
            }
        })();
        {% endmacro %}
    """)

    def __init__(self, labels: dict[str, str]):
        super().__init__()
        self._name = "control_labels"
        self.payload = js_json({key: str(labels[key]) for key in ("zoom_in", "zoom_out", "leaflet")})


class Legend(VerbatimMacroElement):
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


class StopMarkers(VerbatimMacroElement):
    """Numbered stops of a route. ``stops`` are ``[lat, lon, label, numbers]``: a place the route comes back
    to (a hotel left in the morning and slept in again) is one marker carrying all its numbers ("1, 4"), not
    markers stacked where only the top one can be read. The numbers are drawn by us as numbers; the label (a
    place's title) is set as the tooltip's text, so no title can run as script or HTML."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var stops = {{ this.payload }};
            var group = L.featureGroup();
            stops.forEach(function (s) {
                var numbers = s[3].map(Number).join(", "), wide = s[3].length > 1;
                var width = 24 + 14 * (s[3].length - 1);
                var icon = L.divIcon({className: "gd-stop-icon", iconSize: [width, 24], iconAnchor: [width / 2, 12],
                                      html: '<div class="gd-stop' + (wide ? ' gd-stop--again' : '') + '">'
                                            + numbers + "</div>"});
                var label = numbers + ". " + s[2];
                // Not a tab stop nor a "button": a stop does nothing when pressed, its tooltip only repeats
                // the numbered list of stops beside the map (and stops a few metres apart would overlap
                // as targets, WCAG 2.5.8).
                group.addLayer(L.marker([s[0], s[1]], {icon: icon, title: label, alt: label, keyboard: false})
                    .bindTooltip(document.createTextNode(label)));
            });
            return group.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, stops: list, *, name: str = "stops"):
        super().__init__()
        self._name = name
        self.payload = js_json(
            [
                [round(float(lat), 6), round(float(lon), 6), str(label), [int(n) for n in numbers]]
                for lat, lon, label, numbers in stops
            ]
        )
