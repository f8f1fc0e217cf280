"""Checking a geo file before it is imported: every bad row is reported with its row number, the field at
fault and why, and nothing is imported unless every row is good (or the caller asks to skip bad rows).

"Inside Indonesia" is a bounding box, longitude 94.9 to 141.1 and latitude -11.1 to 6.1: Sabang to Merauke
and Miangas to Rote with a little sea around them. It is a coarse test that catches swapped lat/lon,
a wrong sign, projected metres and (0, 0); it does not know the coastline, so a point in the sea or in
Malaysia or Timor-Leste inside the box passes.

Rows are numbered from 1 in file order (the feature index in GeoJSON/GeoPackage, the data row in CSV,
not counting the header line).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.validation import explain_validity

from geodata.errors import InvalidData
from geodata.geojson_reader import json_kind
from geodata.io import NOT_WKT, WGS84, read_geofile, reproject_to_wgs84
from geodata.places import normalize

# lon min, lat min, lon max, lat max
INDONESIA_BBOX = (94.9, -11.1, 141.1, 6.1)
# About 1 m: the same name with (nearly) the same geometry is the same feature entered twice. Lines that
# merely touch (two pieces of one street) are not duplicates.
DUPLICATE_DISTANCE_DEG = 1e-5
# Said after the reason when a point lies outside Indonesia but its latitude and longitude swapped lie inside.
SWAPPED = "latitude and longitude look swapped"


@dataclass(frozen=True)
class Problem:
    row: int
    field: str
    reason: str
    # The row breaks the format itself (text that is not WKT, a list where text belongs), not only our rules:
    # the file as a whole is unreadable as places, though each such row is still named.
    malformed: bool = False

    def __str__(self) -> str:
        return f"row {self.row}, {self.field}: {self.reason}"


@dataclass
class ValidationReport:
    source: str
    rows: int
    problems: list[Problem] = field(default_factory=list)
    reprojected_from: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def malformed(self) -> list[Problem]:
        return [p for p in self.problems if p.malformed]

    @property
    def bad_rows(self) -> set[int]:
        return {p.row for p in self.problems}

    def summary(self) -> str:
        if self.ok:
            return f"{self.source}: {self.rows} rows, all good"
        return (
            f"{self.source}: {len(self.bad_rows)} of {self.rows} rows have problems "
            f"({len(self.problems)} in all)"
        )

    def to_text(self) -> str:
        lines = [self.summary()]
        if self.reprojected_from:
            lines.append(f"(coordinates were in {self.reprojected_from} and were converted to WGS84)")
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "rows": self.rows,
            "ok": self.ok,
            "reprojected_from": self.reprojected_from,
            "problems": [{"row": p.row, "field": p.field, "reason": p.reason} for p in self.problems],
        }


def blank(value) -> bool:
    """No value: None, NaN (an empty cell as pandas reads it) or text that is only spaces."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def validate_frame(
    gdf: gpd.GeoDataFrame, *, source: str = "data", name_field: str = "name", require_name: bool = True
) -> tuple[ValidationReport, gpd.GeoDataFrame]:
    """Check a frame; returns the report and the frame in WGS84 (reprojected if it was not)."""
    reprojected = None
    if gdf.crs is not None and not gdf.crs.equals(WGS84):
        reprojected = gdf.crs.to_string()
        gdf = reproject_to_wgs84(gdf, source)
    report = ValidationReport(source=source, rows=len(gdf), reprojected_from=reprojected)
    add = report.problems.append
    errors = gdf["_geometry_error"] if "_geometry_error" in gdf.columns else None
    row_errors = gdf["_row_error"] if "_row_error" in gdf.columns else None
    seen_slugs: dict[str, int] = {}
    seen_points: dict[str, list[tuple[int, shapely.Geometry]]] = {}

    for i, geom in enumerate(gdf.geometry):
        row = i + 1
        if row_errors is not None and isinstance(row_errors.iloc[i], tuple):
            add(Problem(row, *row_errors.iloc[i]))
        if errors is not None and not blank(errors.iloc[i]):
            reason = str(errors.iloc[i])
            add(Problem(row, "geometry", reason, malformed=reason.endswith(NOT_WKT)))
        elif geom is None:
            add(Problem(row, "geometry", "no geometry"))
        elif geom.is_empty:
            add(Problem(row, "geometry", "empty geometry"))
        elif not geom.is_valid:
            add(Problem(row, "geometry", f"invalid geometry: {_why_invalid(geom)}"))
        else:
            reason = _outside_indonesia(geom)
            if reason:
                add(Problem(row, "geometry", reason))

        name = gdf[name_field].iloc[i] if name_field in gdf.columns else None
        if isinstance(name, list | dict):
            add(Problem(row, name_field, f"the name is {json_kind(name)}, not text", malformed=True))
            name = None
        elif require_name and blank(name):
            add(Problem(row, name_field, "missing name"))

        slug = gdf["slug"].iloc[i] if "slug" in gdf.columns else None
        if isinstance(slug, list | dict):
            add(Problem(row, "slug", f"the slug is {json_kind(slug)}, not text", malformed=True))
        elif not blank(slug):
            if slug in seen_slugs:
                add(Problem(row, "slug", f"duplicate of row {seen_slugs[slug]} (slug {slug!r})"))
            else:
                seen_slugs[slug] = row
        elif not blank(name) and geom is not None and not geom.is_empty:
            key = normalize(str(name))
            for other_row, other in seen_points.get(key, []):
                if geom.hausdorff_distance(other) <= DUPLICATE_DISTANCE_DEG:
                    add(Problem(row, name_field, f"duplicate of row {other_row} (same name and position)"))
                    break
            else:
                seen_points.setdefault(key, []).append((row, geom))
    return report, gdf


def _number(value: float) -> str:
    return f"{value:.10g}"


def _outside_indonesia(geom: shapely.Geometry) -> str | None:
    """Why a valid WGS84 geometry is not a place in Indonesia, or None when it is one."""
    west, south, east, north = INDONESIA_BBOX
    minx, miny, maxx, maxy = geom.bounds
    if not (minx < west or maxx > east or miny < south or maxy > north):
        return None
    if south <= minx <= north and west <= miny <= east:
        hint = f" ({SWAPPED})"
    else:
        metres = max(abs(minx), abs(maxx), abs(miny), abs(maxy)) > 1000
        hint = " (these look like projected metres: is the file's CRS missing?)" if metres else ""
        if miny < -90 or maxy > 90:
            return f"latitude {_number(miny if miny < -90 else maxy)} is outside -90..90{hint}"
        if minx < -180 or maxx > 180:
            return f"longitude {_number(minx if minx < -180 else maxx)} is outside -180..180{hint}"
    return (
        f"outside Indonesia: {miny:.5f}, {minx:.5f} is not within longitude "
        f"{west}..{east}, latitude {south}..{north}{hint}"
    )


# GEOS's reasons, said the way QGIS's "Check validity" says them; the GEOS term stays first so a user can
# look it up.
INVALIDITY = {
    "Self-intersection": "the outline crosses itself",
    "Ring Self-intersection": "a ring touches itself",
    "Too few points": "too few points for this shape",
    "Hole lies outside shell": "a hole lies outside the outer ring",
    "Nested holes": "a hole lies inside another hole",
    "Interior is disconnected": "the holes cut the polygon in pieces",
    "Nested shells": "one outer ring lies inside another",
    "Duplicate Rings": "the same ring appears twice",
    "Invalid Coordinate": "a coordinate is not a finite number",
    "Ring is not closed": "a ring does not end where it starts",
}


def _why_invalid(geom: shapely.Geometry) -> str:
    """``Self-intersection[112.61 -7.96]`` becomes ``Self-intersection at -7.96000, 112.61000 (the outline
    crosses itself)``."""
    text = explain_validity(geom)
    term, _, where = text.partition("[")
    term = term.strip()
    place = ""
    parts = where.rstrip("]").split()
    if len(parts) >= 2:
        try:
            place = f" at {float(parts[1]):.5f}, {float(parts[0]):.5f}"
        except ValueError:
            place = ""
    plain = INVALIDITY.get(term)
    return f"{term}{place} ({plain})" if plain else f"{term}{place}"


def validate_file(path: str | Path, *, require_name: bool = True) -> ValidationReport:
    report, _ = validate_frame(
        read_geofile(path, to_wgs84=False), source=Path(path).name, require_name=require_name
    )
    return report


def load_valid(path: str | Path, *, skip_bad: bool = False, require_name: bool = True) -> gpd.GeoDataFrame:
    """Read a file for import, all or nothing: raises :class:`InvalidData` (with the full report) if any
    row is bad, unless ``skip_bad`` is true, in which case only the good rows come back. The result is
    WGS84 and has ``report`` in ``attrs``."""
    report, gdf = validate_frame(
        read_geofile(path, to_wgs84=False), source=Path(path).name, require_name=require_name
    )
    if not report.ok and not skip_bad:
        raise InvalidData(report)
    bad = [r - 1 for r in report.bad_rows]
    good = gdf.drop(index=gdf.index[bad]) if bad else gdf
    good = good.drop(columns=[c for c in ("_geometry_error", "_row_error") if c in good.columns])
    good = good.reset_index(drop=True)
    good.attrs["report"] = report
    return good
