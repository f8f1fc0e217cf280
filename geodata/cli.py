"""``python -m geodata``: route between places, draw a map of a file, check a file before import.

Exit codes: 0 done; 1 ``check`` found problems; 2 bad input (unknown place, unreadable file, bad
arguments); 3 no route (a stop the mode cannot reach); 4 an unexpected error, that is a bug in geodata:
one line on stderr, and the traceback only with ``--traceback``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import traceback
from pathlib import Path

from geodata.errors import GeodataError, UnknownPlace, UnreachableStop, UnreadableFile
from geodata.modes import MODES

EXIT_OK, EXIT_PROBLEMS, EXIT_INPUT, EXIT_NO_ROUTE, EXIT_BUG = 0, 1, 2, 3, 4

CHECK_EXIT_CODES = """\
exit codes:
  0  the file was read and every row is good
  1  the file was read and some rows have problems (each listed: row, field, reason)
  2  the file is unreadable (missing, empty, binary, not GeoJSON/CSV/GPX/GeoPackage, not a
     FeatureCollection, an unknown CRS, text that is not WKT, a list where a name or slug belongs),
     one line on stderr says why (the rows at fault are still listed); or the arguments are wrong
  4  an unexpected error (a bug in geodata): one line on stderr; run again with --traceback to see where
"""


def _fail(message: str, code: int = EXIT_INPUT) -> int:
    # One line, whatever the message: a GDAL or pandas reason can carry newlines.
    print(f"geodata: {' '.join(str(message).split())}", file=sys.stderr)
    return code


def _load_places(path: str | None):
    from geodata.places import load_places

    return load_places(path)


def cmd_route(args) -> int:
    from geodata.corridor import load_corridor_network
    from geodata.network import RoadNetwork
    from geodata.places import resolve_place
    from geodata.routing import format_duration, route

    places = _load_places(args.places)
    stops = [resolve_place(text, places) for text in args.stops]
    network = RoadNetwork.from_file(args.network) if args.network else load_corridor_network()
    result = route(network, stops, args.mode, optimize=args.optimize, max_snap_m=args.max_snap)
    if args.gpx:
        from geodata.gpx import write_gpx

        write_gpx(args.gpx, waypoints=stops, route=result)
    if args.map:
        from geodata.maps import MapAssets, map_html, route_map

        Path(args.map).write_text(map_html(route_map(result, stops, MapAssets.inline())), encoding="utf-8")
    if args.json:
        print(json.dumps(result.to_dict(geometry=args.geometry), ensure_ascii=False, indent=1))
        return EXIT_OK
    mode = MODES[result.mode]
    arrow = " \u2192 "
    print(f"{arrow.join(s.name for s in result.stops)} by {mode.label_en}")
    print(f"  {result.distance_m / 1000:.1f} km, {format_duration(result.duration_s)} (h:mm)")
    if result.road_names:
        print(f"  via {', '.join(result.road_names)}")
    if len(result.legs) > 1:
        for i, leg in enumerate(result.legs, start=1):
            print(
                f"  {i}. {leg.from_name}{arrow}{leg.to_name}: {leg.distance_m / 1000:.1f} km, "
                f"{format_duration(leg.duration_s)}"
            )
    far = [(leg.from_name, leg.start_snap) for leg in result.legs[:1]] + [
        (leg.to_name, leg.end_snap) for leg in result.legs
    ]
    for name, snap in far:
        if snap.distance_m >= 50:
            print(f"  note: {name} is {snap.distance_m:.0f} m from the nearest {mode.name} road")
    return EXIT_OK


def cmd_map(args) -> int:
    from geodata.io import read_geofile
    from geodata.maps import MapAssets, corridor_map, map_html, places_map

    gdf = read_geofile(args.input)
    gdf = gdf[gdf.geometry.notna()]
    if gdf.empty:
        return _fail(f"{args.input}: nothing to draw (no readable geometry)")
    assets = MapAssets.inline()
    is_line = gdf.geom_type.isin(["LineString", "MultiLineString"])
    points = gdf[gdf.geom_type == "Point"]
    if "name" not in points.columns:
        points = points.assign(name=[f"{g.y:.5f},{g.x:.5f}" for g in points.geometry])
    if is_line.any():
        m = corridor_map(gdf[is_line], points if len(points) else None, assets, args.tiles, args.attribution)
    else:
        m = places_map(points, assets, args.tiles, args.attribution)
    Path(args.output).write_text(map_html(m), encoding="utf-8")
    print(f"wrote {args.output} ({len(gdf)} features)")
    return EXIT_OK


def cmd_check(args) -> int:
    from geodata.validation import validate_file

    report = validate_file(args.file, require_name=not args.no_name)
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) if args.json else report.to_text())
    if report.malformed:
        first, more = report.malformed[0], len(report.malformed) - 1
        return _fail(
            f"{args.file} is unreadable: {first}" + (f" (and {more} more such rows)" if more else "")
        )
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_sun(args) -> int:
    from geodata.places import resolve_place
    from geodata.sunrise import sun_times

    place = resolve_place(args.place, _load_places(args.places))
    elevation = args.elevation
    if elevation is None:
        elevation = (place.properties or {}).get("elevation_m") or 0
    day = dt.date.fromisoformat(args.date) if args.date else None
    times = sun_times(place.lat, place.lon, day, elevation)
    print(
        f"{place.name} ({elevation:.0f} m), {times.sunrise:%Y-%m-%d}: dawn {times.dawn:%H:%M}, "
        f"sunrise {times.sunrise:%H:%M}, sunset {times.sunset:%H:%M}, dusk {times.dusk:%H:%M} WIB"
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geodata", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("route", help="route between places (names, slugs or lat,lon)")
    # Let "-7.94,112.95" be a stop, not an unknown option (argparse only knows plain negative numbers).
    p._negative_number_matcher = re.compile(r"^-\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?)?$")
    p.add_argument("stops", nargs="+", metavar="STOP", help="place name, slug, or lat,lon")
    p.add_argument("--mode", default="car", choices=list(MODES))
    p.add_argument("--optimize", default="time", choices=["time", "distance"])
    p.add_argument("--json", action="store_true", help="print the route as JSON")
    p.add_argument("--geometry", action="store_true", help="with --json: include each leg's line")
    p.add_argument("--network", help="road network file (default: the bundled corridor network)")
    p.add_argument("--places", help="places GeoJSON (default: the bundled places)")
    p.add_argument("--max-snap", type=float, default=1000.0, help="metres a stop may be from a road")
    p.add_argument("--gpx", help="also write the route and stops as GPX 1.1 to this file")
    p.add_argument("--map", help="also write a standalone HTML map of the route to this file")
    p.set_defaults(func=cmd_route)

    p = sub.add_parser("map", help="draw a point or line file as a standalone HTML map")
    p.add_argument("input")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--tiles", help="tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    p.add_argument("--attribution", help="attribution text for the tiles")
    p.set_defaults(func=cmd_map)

    p = sub.add_parser(
        "check",
        help="report every bad row of a geo file (exit 1 if any, 2 if unreadable)",
        description="Read a geo file (GeoJSON, CSV with lat/lon or wkt columns, GPX, GeoPackage) and list "
        "every bad row with its number, field and reason. Nothing is imported.",
        epilog=CHECK_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-name", action="store_true", help="do not require a name on every row")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("sun", help="sunrise and sunset (WIB) at a place")
    p.add_argument("place")
    p.add_argument("--date", help="YYYY-MM-DD (default: today in WIB)")
    p.add_argument("--elevation", type=float, help="metres above sea level (default: the place's)")
    p.add_argument("--places", help="places GeoJSON (default: the bundled places)")
    p.set_defaults(func=cmd_sun)

    # Accepted before or after the command; SUPPRESS keeps a sub-command from resetting the main default.
    parser.add_argument("--traceback", action="store_true", help="show the traceback of an unexpected error")
    for command in sub.choices.values():
        command.add_argument(
            "--traceback",
            action="store_true",
            default=argparse.SUPPRESS,
            help="show the traceback of an unexpected error (exit 4)",
        )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UnknownPlace as exc:
        return _fail(str(exc), EXIT_INPUT)
    except UnreachableStop as exc:
        return _fail(str(exc), EXIT_NO_ROUTE)
    except UnreadableFile as exc:
        return _fail(str(exc), EXIT_INPUT)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        return _fail(f"cannot read {exc.filename}: {exc.strerror}", EXIT_INPUT)
    except GeodataError as exc:
        return _fail(str(exc), EXIT_INPUT)
    except ValueError as exc:  # unreadable file content, bad date, wrong columns
        return _fail(str(exc), EXIT_INPUT)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a bare traceback
        if type(exc).__module__.startswith(("pyogrio", "fiona")):  # GDAL's own types for unreadable files
            return _fail(f"cannot read the file: {exc}", EXIT_INPUT)
        if args.traceback:
            traceback.print_exc()
        else:
            _fail(
                f"unexpected error ({type(exc).__name__}: {exc}); this is a bug in geodata, "
                "run again with --traceback to see where"
            )
        return EXIT_BUG
