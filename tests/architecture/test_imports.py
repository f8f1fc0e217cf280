"""The house rules for imports (docs/architecture.md), checked on every run: imports run one way and there is
no cycle (import-linter's contracts in pyproject.toml), and no module imports project code inside a function,
the usual way of hiding a cycle. `make lint` runs the same contracts with `lint-imports`."""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("config", "home", "products", "plaques", "search", "itineraries", "heritage", "geodata")
SOURCES = [
    ROOT / name for name in ("heritage", "products", "plaques", "search", "itineraries", "geodata")
] + [
    ROOT / "site" / "config",
    ROOT / "site" / "home",
]
# Imports that are kept inside a function for a reason other than a cycle: the reason is the value.
DEFERRED = {
    # The Elasticsearch client and its DSL load only on sites that set ELASTICSEARCH_URL.
    ("search/discovery/__init__.py", "search.discovery.elastic"): "optional engine",
    ("search/discovery/signals.py", "search.discovery.elastic"): "optional engine",
    ("search/management/commands/discovery_index.py", "search.discovery.elastic"): "optional engine",
    ("search/discovery/__init__.py", "search.cluster"): "optional engine",
    ("search/discovery/signals.py", "search.cluster"): "optional engine",
    # pyosmium is needed only to read OpenStreetMap extracts.
    ("geodata/io.py", "geodata.osm"): "optional dependency",
    ("geodata/network.py", "geodata.osm"): "optional dependency",
    # The command line starts in a blink: folium and geopandas load for the subcommands that draw maps.
    ("geodata/cli.py", "geodata.maps"): "heavy, per subcommand",
    ("geodata/cli.py", "geodata.io"): "heavy, per subcommand",
    ("geodata/cli.py", "geodata.network"): "heavy, per subcommand",
    ("geodata/cli.py", "geodata.routing"): "heavy, per subcommand",
    ("geodata/cli.py", "geodata.validation"): "heavy, per subcommand",
    ("geodata/cli.py", "geodata.places"): "heavy, per subcommand",
    ("geodata/cli.py", "geodata.sunrise"): "heavy, per subcommand",
    ("geodata/cli.py", "geodata.corridor"): "heavy, per subcommand",
    ("geodata/cli.py", "geodata.gpx"): "heavy, per subcommand",
    # App servers stay lean: the geo stack (shapely, geopandas, folium) and the PDF library load in the requests
    # that route, draw a map not in the cache, export or print plaques, never in a worker that serves pages.
    ("heritage/maps.py", "geodata.maps"): "geo stack, when a map is drawn",
    ("itineraries/views.py", "geodata.maps"): "geo stack, when a map is drawn",
    ("itineraries/views.py", "geodata.gpx"): "geo stack, for a GPX download",
    ("itineraries/routing.py", "geodata.errors"): "geo stack, when routing",
    ("itineraries/routing.py", "geodata.network"): "geo stack, when routing",
    ("itineraries/routing.py", "geodata.places"): "geo stack, when routing",
    ("itineraries/routing.py", "geodata.routing"): "geo stack, when routing",
    ("plaques/admin_views.py", "plaques.plaques"): "reportlab, when plaques are printed",
    ("heritage/admin_import.py", "heritage.place_import.checks"): "geo stack, to check a file",
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT / "site" if path.is_relative_to(ROOT / "site") else ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def function_level_project_imports():
    found = []
    for source in SOURCES:
        for path in source.rglob("*.py"):
            if "migrations" in path.parts or path.name == "apps.py":
                continue  # AppConfig.ready() is where Django wants signals and registries wired up
            module = _module_name(path)
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for func in ast.walk(tree):
                if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                for node in ast.walk(func):
                    if isinstance(node, ast.ImportFrom):
                        base = _absolute(node, module, path.name == "__init__.py")
                        names = [f"{base}.{a.name}" for a in node.names]
                    elif isinstance(node, ast.Import):
                        names = [alias.name for alias in node.names]
                    else:
                        continue
                    for name in names:
                        if name.split(".")[0] in PROJECT:
                            rel = str(
                                path.relative_to(ROOT if not path.is_relative_to(ROOT / "site") else ROOT)
                            )
                            found.append((rel, name))
    return found


def test_no_module_imports_project_code_inside_a_function_to_dodge_a_cycle():
    hidden = [
        (path, name)
        for path, name in function_level_project_imports()
        if (path, name) not in DEFERRED
        and not any(path == p and name.startswith(n + ".") for p, n in DEFERRED)
    ]
    assert hidden == [], "imports inside functions (move them to the top, or break the cycle):\n" + "\n".join(
        f"  {path}: {name}" for path, name in sorted(set(hidden))
    )


def test_the_import_contract_holds():
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}"}
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_loading_the_settings_imports_no_map_or_dataframe_library():
    """Every manage.py command and every worker loads the settings first: they must not pull in folium or pandas."""
    probe = (
        "import sys, config.settings.dev; "
        "print(sorted(m for m in ('folium', 'pandas', 'geopandas', 'branca') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}"}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]"


def test_an_app_server_loads_no_geo_dataframe_map_or_pdf_library_at_start():
    """A worker imports the settings, the apps and the URLs before its first request: none of that may pull in
    the geo stack, the map library or the PDF library (issue 18: lean workers). Routing, drawing a map that is
    not cached, exports and plaque printing load them when they run."""
    heavy = (
        "folium",
        "branca",
        "pandas",
        "geopandas",
        "shapely",
        "pyproj",
        "pyogrio",
        "numpy",
        "openpyxl",
        "reportlab",
        "scipy",
        # On the embedded default (no CACHE_URL) no Redis client: 8 MB a worker for nothing.
        "redis",
        "django_redis",
    )
    probe = (
        "import sys, django; django.setup(); import config.urls, config.wsgi; "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    env.pop("CACHE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout


def _app_server_probe(database_url: str | None) -> str:
    """What an app server (gunicorn imports config.wsgi first) has loaded after starting and resolving a URL."""
    probe = (
        "import sys, config.wsgi; from django.urls import resolve; resolve('/id/'); "
        "from rest_framework import compat, serializers; "
        "print('psycopg' in sys.modules and sys.modules['psycopg'] is not None, compat.postgres_fields is None)"
    )
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    return out.stdout.strip().splitlines()[-1]


def test_an_app_server_on_sqlite_never_loads_the_postgresql_driver():
    """11 MB a worker (issue 18: lean workers): REST framework, which Wagtail's redirects app loads, would import
    django.contrib.postgres and psycopg; on SQLite the app server marks the driver absent and REST framework
    starts without its PostgreSQL fields, as it does where psycopg is not installed."""
    assert _app_server_probe(None) == "False True"


def test_an_app_server_on_postgresql_keeps_its_driver():
    # No server is needed: nothing connects before the first query.
    assert _app_server_probe("postgres://heritage@127.0.0.1:1/heritage") == "True False"
