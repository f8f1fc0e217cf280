"""Builds ``geodata/data/corridor_network.geojson``, the bundled road and trail network, from the table in
:mod:`geodata.corridor_data` (anchor points, roads through them, published distances), and checks its lengths against published distances.

    python -m geodata.corridor_build            # write the GeoJSON and print the length checks
    python -m geodata.corridor_build --check    # only print the checks

No OpenStreetMap road extract of the region could be found in a public repository (searched 2026-12-07:
the extracts stored there cover other cities, or hold only points of interest), so every road is drawn
as straight segments between *anchors*: places from ``places.geojson`` (used when the file has them, matched by slug),
village points from the HDX/BPS village polygons (representative points, computed once from the files in
the shared data folder and written into the table), a few street junctions, and positions estimated from
descriptions of the route. Each anchor says which of these it is. A line through sparse anchors is shorter
than the winding road it stands for; where a road's length is published, the road counts that length
(``km`` in the table, ``published_km`` and ``length_factor`` in the GeoJSON). The published distances in
``geodata/data/published_distances.json`` are routed on the result and reported (``--check`` exits 1 when
one is outside 10%).
"""

from __future__ import annotations

import argparse
import json
import sys

import geopandas as gpd
from shapely.geometry import LineString

from geodata.corridor_data import ANCHORS, CHECKS, NOT_CHECKED, ROADS
from geodata.network import RoadNetwork
from geodata.places import CORRIDOR_NETWORK_PATH, load_places
from geodata.routing import route


def resolve_anchors(places_path=None) -> dict[str, tuple[float, float, str]]:
    """Anchor positions, taking a place's coordinates from places.geojson when one of its slugs is there."""
    by_slug = {p.slug: p for p in load_places(places_path) if p.slug}
    resolved = {}
    for key, anchor in ANCHORS.items():
        place = next((by_slug[s] for s in anchor.slugs if s in by_slug), None)
        if place is not None:
            resolved[key] = (place.lat, place.lon, f"places.geojson: {place.slug}")
        else:
            how = {
                "place": "places.geojson",
                "village": "village point",
                "junction": "street junction",
                "estimated": "estimated",
            }[anchor.how]
            resolved[key] = (anchor.lat, anchor.lon, f"{how}: {anchor.note}".rstrip(": "))
    return resolved


def build_frame(anchors: dict[str, tuple[float, float, str]]) -> gpd.GeoDataFrame:
    records, geoms = [], []
    for road in ROADS:
        coords = [(anchors[k][1], anchors[k][0]) for k in road.via]
        records.append(
            {
                "name": road.name,
                "class": road.road_class,
                "modes": list(road.modes),
                "surface": road.surface,
                "speed_kmh": road.speed_kmh,
                "source": road.source,
                "via": list(road.via),
            }
        )
        if road.hours:
            records[-1]["published_hours"] = road.hours
            records[-1]["hours_source"] = road.hours_source
        if road.km:
            records[-1]["published_km"] = road.km
            records[-1]["km_source"] = road.km_source
        geoms.append(LineString(coords))
    gdf = gpd.GeoDataFrame(records, geometry=geoms, crs="EPSG:4326")
    gdf["length_m"] = gdf.to_crs("EPSG:32749").length.round(0)
    gdf["length_factor"] = 1.0
    for i, road in enumerate(ROADS):
        if road.km:
            gdf.loc[i, "length_factor"] = round(road.km * 1000 / gdf.loc[i, "length_m"], 4)
        if road.hours:
            walked_km = road.km or gdf.loc[i, "length_m"] / 1000
            gdf.loc[i, "speed_kmh"] = round(walked_km / road.hours, 2)
    return gdf


def check_stop(key: str, anchors, places_by_slug):
    """A check's stop: an anchor key, else a place of places.geojson (so that a village area gets the same
    allowance as in an itinerary)."""
    if key in anchors:
        return (anchors[key][0], anchors[key][1], key)
    if key in places_by_slug:
        return places_by_slug[key]
    raise KeyError(f"published distance stop {key!r} is neither an anchor nor a place slug")


def measure(network, check, anchors, places_by_slug) -> float:
    stops = [check_stop(k, anchors, places_by_slug) for k in check.stops]
    return route(network, stops, check.mode, optimize="distance").distance_m / 1000


def run_checks(gdf: gpd.GeoDataFrame, anchors, places_path=None) -> list[dict]:
    network = RoadNetwork.from_geodataframe(gdf)
    places_by_slug = {p.slug: p for p in load_places(places_path) if p.slug}
    results = []
    for check in CHECKS:
        measured = measure(network, check, anchors, places_by_slug)
        low, high = check.published_km
        # The ratio of the measured km rounded to 0.1 (the precision of the figures, as the test compares)
        # to the nearest published value; 1.0 inside a published range.
        value = round(measured, 1)
        nearest = min(max(value, low), high)
        results.append(
            {
                "id": check.id,
                "route": check.label,
                "mode": check.mode,
                "published_km": [low, high] if low != high else low,
                "measured_km": round(measured, 2),
                "ratio": round(value / nearest, 2),
                "within_10_percent": check.within_tolerance(measured),
                "calibrated": check.calibrated,
                "sources": list(check.sources),
                "note": check.quote,
            }
        )
    return results


METHOD = (
    "Each road or trail is a straight-segment line through anchor points in the order the road passes them. "
    "Anchors are places from geodata/data/places.geojson where the file has them (matched by slug), "
    "representative points of the HDX COD-AB village polygons (BPS/OCHA, 2020) of the villages a road "
    "crosses, traffic-signal junctions of an OpenStreetMap extract (ODbL) for a few city junctions, and "
    "positions estimated from published route descriptions (each feature's 'source'). No map data was "
    "traced. Lines through sparse anchors are shorter than the winding roads they stand for; where a road's or "
    "trail's length is published, the feature counts that length (published_km, length_factor, km_source). "
    "Estimated anchors may be several hundred metres off: the network is for planning trips between the listed places "
    "(which roads, roughly how far and how long), not for navigation. Lengths are geodesic-equivalent "
    "lengths in UTM zone 49S (EPSG:32749); 'checks' compares routed distances with published figures."
)


def metadata(gdf, anchors, checks) -> dict:
    return {
        "title": "Malang heritage - Bromo-Tengger-Semeru corridor network",
        "crs": "EPSG:4326 (lon, lat); lengths measured in EPSG:32749",
        "method": METHOD,
        "builder": "python -m geodata.corridor_build",
        "attribution": "Village points: BPS/OCHA via HDX COD-AB Indonesia (CC BY-IGO). Four city junctions: "
        "OpenStreetMap contributors (ODbL).",
        "total_length_km": round(float(gdf["length_m"].sum()) / 1000, 1),
        "checks": checks,
        "anchors": {
            k: {"lat": round(v[0], 6), "lon": round(v[1], 6), "from": v[2]} for k, v in anchors.items()
        },
    }


def write(path=CORRIDOR_NETWORK_PATH, places_path=None) -> tuple[gpd.GeoDataFrame, list[dict]]:
    anchors = resolve_anchors(places_path)
    gdf = build_frame(anchors)
    checks = run_checks(gdf, anchors)
    features = []
    for record, geom in zip(gdf.drop(columns="geometry").to_dict("records"), gdf.geometry, strict=True):
        record["length_m"] = int(record["length_m"])
        record = {k: v for k, v in record.items() if not (isinstance(v, float) and v != v)}
        features.append(
            {
                "type": "Feature",
                "properties": record,
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[round(x, 6), round(y, 6)] for x, y in geom.coords],
                },
            }
        )
    data = {"type": "FeatureCollection", "metadata": metadata(gdf, anchors, checks), "features": features}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_markdown(gdf, anchors, checks)
    return gdf, checks


MD_PATH = CORRIDOR_NETWORK_PATH.with_suffix(".md")


def _has(row, key) -> bool:
    value = row.get(key)
    return value is not None and not (isinstance(value, float) and value != value)


def _km(value) -> str:
    return f"{value[0]:g}-{value[1]:g}" if isinstance(value, list) else f"{value:g}"


def write_markdown(gdf: gpd.GeoDataFrame, anchors, checks: list[dict], path=MD_PATH) -> None:
    """The human-readable companion of the GeoJSON's metadata (generated; edit the builder, not this)."""
    lines = [
        "# The bundled corridor network",
        "",
        "`corridor_network.geojson` holds the roads and trails linking Kota Malang's heritage sites with the",
        "Bromo-Tengger-Semeru national park. This page is generated by `python -m geodata.corridor_build`",
        "from the tables in `geodata/corridor_data.py` and the published distances in",
        "`geodata/data/published_distances.json`; the same facts are in the GeoJSON's `metadata`.",
        "",
        "## How it was drawn",
        "",
        METHOD,
        "",
        "Feature properties: `name`, `class` (primary, secondary, tertiary, residential, track, footpath,",
        "hiking_trail), `modes` (walk, car, motorbike, jeep, hike), `surface`, `speed_kmh` (typical speed),",
        "`source` (a public page describing the road or its course), `via` (the anchors it passes, listed",
        "below), `length_m` (drawn length in UTM 49S). The Semeru trails also have `published_hours`, and",
        "where a walked or driven length is published, a trail or road has `published_km` with `km_source`",
        "(the figure, its quote and page) and `length_factor` (published / drawn): the network counts it at",
        "its published length, because it is drawn as a few straight lines much shorter than the winding",
        "path or road (column 'km counted' below). A trail's `speed_kmh` is the walked length divided by the",
        "published walking time, so both the distance and the time a hiker sees follow the published figures.",
        "",
        "Modes: private cars are not taken onto the sea of sand, the crater area or the Penanjakan road (jeep,",
        "motorbike and walkers only); the Semeru trail beyond Ranu Pani is for hikers only.",
        "",
        "## Lengths against published figures",
        "",
        "Routed distance on this network (shortest path) between the stops named, against the figures found",
        "in public pages. The checks are data, `geodata/data/published_distances.json`, and a test",
        "(`tests/geodata/test_geodata_published_distances.py`) routes each and asserts it within 10% of a",
        "published value (measured km rounded to 0.1; for a range, from 0.9 x its low to 1.1 x its high end).",
        "The ratio is the measured km (to 0.1) / the nearest published value (1.00 inside a range).",
        "'calibrated' marks a figure that is also the counted length of a road on the route (`published_km`,",
        "`length_factor`): a road drawn as a few straight lines between sparse anchors is much shorter than",
        "the winding road, and where its published length is known the network counts that length, as it",
        "does for the Semeru trails.",
        "",
        "| route | mode | published km | measured km | ratio | within 10% | source |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in checks:
        sources = " ".join(f"<{u}>" for u in c["sources"])
        verdict = ("yes" if c["within_10_percent"] else "NO") + (" (calibrated)" if c["calibrated"] else "")
        lines.append(
            f"| {c['route']} | {c['mode']} | {_km(c['published_km'])} ({c['note']}) | "
            f"{c['measured_km']:.2f} | {c['ratio']:.2f} | {verdict} | {sources} |"
        )
    passed = sum(1 for c in checks if c["within_10_percent"])
    lines += [
        "",
        f"{len(checks)} checks, {passed} within 10%.",
        "",
        "Not checked (the itinerary legs and drives from Tugu Malang without a usable published figure, and",
        "figures found but not usable, with the reason):",
        "",
    ]
    for entry in NOT_CHECKED:
        figure = f" Figure found: {entry['figure']}." if entry.get("figure") else ""
        lines.append(f"- {entry['route']}: {entry['reason']}.{figure}")
    lines += [
        "",
        "## Roads and trails",
        "",
        "| name | class | modes | km drawn | km counted | km/h | source |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in gdf.to_dict("records"):
        counted = f"{row['published_km']:g} ({row['km_source']})" if _has(row, "published_km") else "as drawn"
        lines.append(
            f"| {row['name']} | {row['class']} | {', '.join(row['modes'])} | {row['length_m'] / 1000:.2f} | "
            f"{counted} | {row['speed_kmh']:g} | <{row['source']}> |"
        )
    lines += ["", "## Anchors", "", "| anchor | lat | lon | from |", "|---|---|---|---|"]
    for key, (lat, lon, how) in anchors.items():
        lines.append(f"| {key} | {lat:.6f} | {lon:.6f} | {how} |")
    lines += [
        "",
        "Village points are representative points of the HDX COD-AB village polygons (BPS/OCHA 2020,",
        "CC BY-IGO) kept in the project's shared data folder, computed once and written into the builder's",
        "table; the polygons are not copied into the repository. Street-junction points are traffic-signal",
        "nodes of an OpenStreetMap extract (ODbL, (c) OpenStreetMap contributors).",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def sharp_turns(gdf: gpd.GeoDataFrame, limit_deg: float = 150.0) -> list[str]:
    """Places where a drawn road doubles back on itself: a sign that an anchor (often one replaced by a
    places.geojson point) lies on the wrong side of its neighbours."""
    import math

    out = []
    metric = gdf.to_crs("EPSG:32749")
    for name, via, geom in zip(gdf["name"], gdf["via"], metric.geometry, strict=True):
        pts = list(geom.coords)
        for i in range(1, len(pts) - 1):
            a = math.atan2(pts[i][1] - pts[i - 1][1], pts[i][0] - pts[i - 1][0])
            b = math.atan2(pts[i + 1][1] - pts[i][1], pts[i + 1][0] - pts[i][0])
            turn = abs((math.degrees(b - a) + 180) % 360 - 180)
            if turn > limit_deg:
                out.append(f"{name}: turns {turn:.0f} degrees at {via[i]}")
    return out


def print_checks(checks: list[dict]) -> None:
    for c in checks:
        published = c["published_km"]
        published = f"{published[0]}-{published[1]}" if isinstance(published, list) else f"{published}"
        sys.stdout.write(
            f"{c['measured_km']:7.2f} km measured, {published:>9} km published, "
            f"ratio {c['ratio']:.2f} {'ok' if c['within_10_percent'] else 'OUTSIDE 10%'}  {c['route']} ({c['mode']})\n"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the checks without writing")
    args = parser.parse_args(argv)
    if args.check:
        anchors = resolve_anchors()
        checks = run_checks(build_frame(anchors), anchors)
        print_checks(checks)
        return 0 if all(c["within_10_percent"] for c in checks) else 1
    gdf, checks = write()
    for warning in sharp_turns(gdf):
        sys.stdout.write(f"warning: {warning}\n")
    sys.stdout.write(
        f"wrote {CORRIDOR_NETWORK_PATH} ({len(gdf)} roads, {gdf['length_m'].sum() / 1000:.1f} km)\n"
    )
    print_checks(checks)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
