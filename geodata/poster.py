"""The home page's poster: the road from Tugu Malang through the temples of Tumpang to the Bromo crater,
drawn as SVG from the bundled network and places (no tiles, no script: sharp at any size, a few kilobytes,
kept in the offline pack like any static file).

    python -m geodata.poster            # write geodata/static/geodata/corridor-poster.svg
    python -m geodata.poster --check    # exit 1 when that file is not what the bundled data draws

The poster carries no words but place names, which are the same in both languages, and distances in km; the
page gives it its caption and alternative text in the visitor's language. The journey is routed on the
bundled network (``geodata.routing.route``, the 4x4 jeep mode, the only one open to the crater's sand sea), so
the line and the kilometres are the ones an itinerary over the same stops shows.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from geodata.corridor import load_corridor_network
from geodata.maps.assets import STATIC_DIR
from geodata.network import RoadNetwork
from geodata.places import Place, find_place, load_places
from geodata.routing import route

POSTER_PATH = STATIC_DIR / "corridor-poster.svg"

# The journey, in order: the city's monument, the two Singhasari temples on the Tumpang road, the Tengger
# village at the road's end, the crater. Names as places.geojson writes them.
JOURNEY = (
    "Tugu Malang (Alun-Alun Tugu)",
    "Candi Kidal",
    "Candi Jago",
    "Desa Ngadas",
    "Kawah Gunung Bromo",
)
# Shown as landmarks beside the road (not on it).
LANDMARKS = ("Puncak Mahameru (Gunung Semeru)", "Candi Singosari", "Candi Badut")
MODE = "jeep"
# Where a label goes from its point (dx, dy, text-anchor), where the default (above right) meets a line.
LABEL_AT = {"Candi Kidal": (0, 36, "middle")}

WIDTH = 800  # SVG user units; the height follows the area's shape
MARGIN = 50
# One palette with the site's stylesheet (site/home/static/site/css/site.css).
PALETTE = {
    "ground": "#fbfaf7",  # --paper
    "road": "#d3ccbf",
    "trail": "#b3a58c",
    "route": "#8a3b12",  # --accent
    "place": "#5e270b",  # --accent-dark
    "label": "#1f2933",  # --ink
    "halo": "#fbfaf7",
}


@dataclass(frozen=True)
class Frame:
    """UTM metres to SVG units: east to the right, north up."""

    x0: float
    y1: float
    scale: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        return (round((x - self.x0) * self.scale, 1), round((self.y1 - y) * self.scale, 1))


def short_name(name: str) -> str:
    """ "Tugu Malang (Alun-Alun Tugu)" -> "Tugu Malang": the bracketed other name is left to the page."""
    return re.sub(r"\s*\(.*\)\s*$", "", name).strip() or name


def _path(points) -> str:
    return "M" + " L".join(f"{x},{y}" for x, y in points)


def _text(x: float, y: float, text: str, *, size: int, anchor: str = "start", weight: str = "normal") -> str:
    # A halo (the same text stroked in the ground colour, painted first) keeps labels legible over lines.
    common = f'x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}"'
    return (
        f'<text {common} fill="none" stroke="{PALETTE["halo"]}" stroke-width="5" stroke-linejoin="round">'
        f"{escape(text)}</text>"
        f'<text {common} fill="{PALETTE["label"]}">{escape(text)}</text>'
    )


def line_point(frame: Frame, network: RoadNetwork, leg, fraction: float) -> tuple[float, float]:
    lon, lat = leg.geometry.interpolate(fraction, normalized=True).coords[0]
    return frame.point(*network.to_metric(lon, lat))


def draw_poster(network: RoadNetwork, places: list[Place]) -> str:
    """The poster's SVG text, from a network and the places (deterministic: the same data, the same bytes)."""
    stops = [find_place(name, places) for name in JOURNEY]
    landmarks = [find_place(name, places) for name in LANDMARKS]
    trip = route(network, [{"name": p.name, "lat": p.lat, "lon": p.lon} for p in stops], MODE)

    shown = stops + landmarks
    metric = [network.to_metric(p.lon, p.lat) for p in shown]
    xs, ys = [x for x, _ in metric], [y for _, y in metric]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = (WIDTH - 2 * MARGIN) / span_x
    height = math.ceil(span_y * scale + 2 * MARGIN)
    pad = MARGIN / scale
    west, east, south, north = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
    frame = Frame(west, north, scale)

    def inside(x, y):
        return west <= x <= east and south <= y <= north

    title = f"{short_name(JOURNEY[0])} – {short_name(JOURNEY[-1])}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-labelledby="poster-title" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif">',
        f'<title id="poster-title">{escape(title)}, {round(trip.distance_m / 1000)} km</title>',
        f'<rect width="{WIDTH}" height="{height}" fill="{PALETTE["ground"]}"/>',
    ]
    # The bundled network: every road and trail that reaches the frame, light, under the journey.
    for edge in network.edges:
        if not any(inside(x, y) for x, y in edge.coords):
            continue
        trail = not ({"car", "motorbike"} & set(edge.modes))
        dash = ' stroke-dasharray="6 5"' if trail else ""
        colour = PALETTE["trail"] if trail else PALETTE["road"]
        points = [frame.point(x, y) for x, y in edge.coords]
        out.append(f'<path d="{_path(points)}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
    # The journey.
    line = [frame.point(*network.to_metric(lon, lat)) for lon, lat in trip.geometry.coords]
    out.append(
        f'<path d="{_path(line)}" fill="none" stroke="{PALETTE["route"]}" stroke-width="6" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )
    # Each leg's length beside the middle of its line, on the side below it (or right of a steep one).
    for leg in trip.legs:
        mx, my = line_point(frame, network, leg, 0.5)
        (ax, ay), (bx, by) = line_point(frame, network, leg, 0.0), line_point(frame, network, leg, 1.0)
        nx, ny = by - ay, ax - bx
        if ny < 0 or (ny == 0 and nx < 0):
            nx, ny = -nx, -ny
        norm = math.hypot(nx, ny) or 1.0
        nx, ny = nx / norm, ny / norm
        anchor = "start" if nx > 0.5 else "middle"
        out.append(
            _text(
                round(mx + nx * 18, 1),
                round(my + ny * 18 + 7, 1),
                f"{leg.distance_m / 1000:.0f} km",
                size=20,
                anchor=anchor,
            )
        )
    for index, (place, position) in enumerate(zip(shown, metric, strict=True)):
        x, y = frame.point(*position)
        on_journey = index < len(stops)
        if place.kind in ("summit", "crater"):
            size = 13
            out.append(
                f'<path d="M{x},{round(y - size, 1)} L{round(x + size, 1)},{round(y + size * 0.7, 1)} '
                f'L{round(x - size, 1)},{round(y + size * 0.7, 1)} Z" fill="{PALETTE["place"]}"/>'
            )
        else:
            radius = 9 if on_journey else 6
            fill = PALETTE["route"] if on_journey else PALETTE["place"]
            out.append(
                f'<circle cx="{x}" cy="{y}" r="{radius}" fill="{fill}" stroke="{PALETTE["halo"]}" stroke-width="3"/>'
            )
        dx, dy, anchor = LABEL_AT.get(place.name, (14, -12, "start"))
        if x > WIDTH * 0.8:
            dx, anchor = -abs(dx), "end"
        out.append(
            _text(
                round(x + dx, 1),
                round(y + dy, 1),
                short_name(place.name),
                size=26 if on_journey else 20,
                anchor=anchor,
                weight="bold" if on_journey else "normal",
            )
        )
    out.append("</svg>")
    return "\n".join(part for part in out if part) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="only compare with the file; exit 1 if it differs"
    )
    parser.add_argument("--out", type=Path, default=POSTER_PATH)
    args = parser.parse_args(argv)
    svg = draw_poster(load_corridor_network(), load_places())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != svg:
            sys.stderr.write(f"{args.out} is out of date: run python -m geodata.poster\n")
            return 1
        sys.stdout.write(f"{args.out} is up to date ({len(svg.encode())} bytes)\n")
        return 0
    args.out.write_text(svg, encoding="utf-8")
    sys.stdout.write(f"wrote {args.out} ({len(svg.encode())} bytes)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
