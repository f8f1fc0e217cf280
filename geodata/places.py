"""The bundled places (``geodata/data/places.geojson``) and how a typed name finds one of them.

People type "tugu malang", "Tugu", "kawah bromo", "Badut Temple" or "candi-badut"; the file says
"Tugu Malang (Alun-Alun Tugu)" and "Candi Badut". A query matches, in this order: a slug; a whole name in
Indonesian or English (case and accents ignored, so "Pura Luhur Poten" = "pura luhur potèn"); a name with
its bracketed part dropped, or the bracketed part alone; then names that contain every word of the query.
When more than one place is left the query is ambiguous and the error lists them. ``lat,lon`` text is
always accepted as a point of its own.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from geodata.errors import UnknownPlace

DATA_DIR = Path(__file__).resolve().parent / "data"
PLACES_PATH = DATA_DIR / "places.geojson"
CORRIDOR_NETWORK_PATH = DATA_DIR / "corridor_network.geojson"

_LATLON = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Place:
    slug: str | None
    name: str
    lat: float
    lon: float
    name_en: str | None = None
    kind: str | None = None
    region: str | None = None
    url: str | None = None
    properties: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def location_precision(self) -> str:
        """``site``, ``approximate`` or ``area`` (a village's reference point); see docs/places-data.md."""
        return self.properties.get("location_precision") or "site"

    @property
    def names(self) -> list[str]:
        return [n for n in (self.name, self.name_en) if n]


def normalize(text: str) -> str:
    """Lowercase, accents removed, punctuation turned to spaces: "Alun-Alun Tugu" -> "alun alun tugu"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def parse_latlon(text: str) -> tuple[float, float] | None:
    """``"-7.977,112.634"`` -> ``(-7.977, 112.634)``; None if the text is not a lat,lon pair."""
    match = _LATLON.match(text or "")
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def places_from_geojson(data: dict) -> list[Place]:
    places = []
    for feature in data.get("features", []):
        geometry = feature.get("geometry") or {}
        props = feature.get("properties") or {}
        if geometry.get("type") != "Point" or not props.get("name"):
            continue
        lon, lat = geometry["coordinates"][:2]
        places.append(
            Place(
                slug=props.get("slug"),
                name=props["name"],
                lat=float(lat),
                lon=float(lon),
                name_en=props.get("name_en"),
                kind=props.get("kind"),
                region=props.get("region"),
                url=props.get("url"),
                properties=props,
            )
        )
    return places


def load_places(path: str | Path | None = None) -> list[Place]:
    """Places from a GeoJSON file of points (default: the bundled places.geojson)."""
    if path is None:
        return list(_bundled_places(PLACES_PATH.stat().st_mtime_ns))
    return places_from_geojson(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=2)
def _bundled_places(_mtime: int) -> tuple[Place, ...]:
    # Keyed on the file's mtime: the file is still being written while the package is developed.
    return tuple(places_from_geojson(json.loads(PLACES_PATH.read_text(encoding="utf-8"))))


def _variants(name: str) -> set[str]:
    """A name, the name without its bracketed part, and the bracketed part alone."""
    out = {normalize(name)}
    bracket = re.search(r"\(([^)]*)\)", name)
    if bracket:
        out.add(normalize(name[: bracket.start()] + name[bracket.end() :]))
        out.add(normalize(bracket.group(1)))
    return {v for v in out if v}


def find_place(query: str, places: list[Place] | None = None) -> Place:
    """The one place a name or slug means. Raises :class:`UnknownPlace` (with suggestions) otherwise."""
    places = load_places() if places is None else places
    q = normalize(query)
    if not q:
        raise UnknownPlace("empty place name", query=query)
    slug_q = query.strip().lower()
    for p in places:
        if p.slug and p.slug == slug_q:
            return p
    stages = [
        lambda p: any(normalize(n) == q for n in p.names),
        lambda p: any(q in _variants(n) for n in p.names),
        lambda p: any(set(q.split()) <= set(v.split()) for n in p.names for v in _variants(n)),
        lambda p: (
            any(q in v for n in p.names for v in _variants(n)) or (p.slug and q.replace(" ", "-") in p.slug)
        ),
    ]
    for matches in stages:
        found = [p for p in places if matches(p)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = tuple(p.name for p in found)
            raise UnknownPlace(
                f"{query!r} matches several places: {'; '.join(names)}", query=query, suggestions=names
            )
    choices = {normalize(n): p.name for p in places for n in p.names}
    close = tuple(dict.fromkeys(choices[c] for c in difflib.get_close_matches(q, choices, n=3, cutoff=0.5)))
    hint = f" Did you mean: {'; '.join(close)}?" if close else ""
    raise UnknownPlace(f"unknown place {query!r}.{hint}", query=query, suggestions=close)


def resolve_place(query: str, places: list[Place] | None = None) -> Place:
    """Like :func:`find_place`, but ``lat,lon`` text gives a point named after its coordinates."""
    point = parse_latlon(query)
    if point is not None:
        return Place(slug=None, name=f"{point[0]:.5f},{point[1]:.5f}", lat=point[0], lon=point[1])
    return find_place(query, places)
