"""A database the office built before products and plaques had apps of their own migrates without loss.

The code of the last commit with the old layout is taken from git, a database is built with it (the sample
places, the bundled products, QR codes, scan counts and a draft revision), and today's migrations run on it.
Every page, revision, translation, QR code and scan count is still there, each page keeps its content type
(now under `products`/`plaques`), and the pages still serve. On SQLite a file; under `make test-postgres` a
fresh database on the same server.
"""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
OLD_LAYOUT = "a8a02ee2bd55816bf968137560629c2e4ac298df"  # the last landed commit before the apps were split

# Run inside Django (old or new code): what an office would check is still there, as JSON on stdout.
INVENTORY = """
import json
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision
from django.apps import apps
label = {label}
ShortCode = apps.get_model(label["plaques"], "ShortCode")
ScanCount = apps.get_model(label["plaques"], "ScanCount")
ProductPage = apps.get_model(label["products"], "ProductPage")
pages = sorted(
    (p.pk, p.specific_class.__name__ if p.specific_class else None, p.locale.language_code, str(p.translation_key))
    for p in Page.objects.all()
)
print(json.dumps({{
    "pages": pages,
    "revisions": Revision.objects.count(),
    "codes": sorted(ShortCode.objects.values_list("code", "page_id")),
    "scans": sorted((s.short_code.code, str(s.date), s.count) for s in ScanCount.objects.all()),
    "products": ProductPage.objects.count(),
    "product_ct": ContentType.objects.get_for_model(ProductPage).pk,
    "draft": ProductPage.objects.filter(has_unpublished_changes=True).count(),
}}))
"""

BUILD_OLD = """
import datetime as dt
from pathlib import Path
from heritage.content.seed import seed
from heritage.content.seed_products import seed_products
from heritage.models import ProductPage, ScanCount, ShortCode
fixtures = Path("{fixtures}")
seed(fixtures / "places_sample.geojson", fixtures / "stories")
seed_products()
for n, code in enumerate(ShortCode.objects.order_by("code")[:3]):
    ScanCount.objects.create(short_code=code, date=dt.date(2026, 11, 1 + n), count=10 + n)
draft = ProductPage.objects.order_by("pk").first()
draft.summary = "Draft kept across the move"
draft.save_revision()
"""


def _database(tmp_path):
    """A DATABASE_URL of its own: a file on SQLite, a new database on the PostgreSQL server in use."""
    current = os.environ.get("DATABASE_URL", "")
    if not current.startswith("postgres"):
        return f"sqlite:///{tmp_path / 'old.sqlite3'}", None
    import psycopg

    name = f"malang_migration_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(current)
    with psycopg.connect(current, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), (current, name)


def _last_json(output: str):
    return json.loads(output.strip().splitlines()[-1])


_MEDIA: dict[str, Path] = {}

_OLD_CODE_ONLY = """
import runpy, sys
sys.meta_path[:] = [f for f in sys.meta_path if "__editable__" not in getattr(f, "__module__", "")]
sys.argv = ["manage.py", *sys.argv[1:]]
runpy.run_path("manage.py", run_name="__main__")
"""


def _run(cwd, database_url, *args, input_text=None):
    # Development settings: images are files in MEDIA_ROOT (the test settings keep them in one process's
    # memory), so that the new code can still render the old database's images.
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(_MEDIA[database_url]),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "PYTHONPATH": "",
    }
    command = [sys.executable, "manage.py", *args]
    if Path(cwd) != ROOT:
        # The project is installed editable: setuptools' finder would hand the old tree any module it lacks
        # (a wagtail_hooks.py added since) from today's tree. The old code runs on its own files only.
        command = [sys.executable, "-c", _OLD_CODE_ONLY, *args]
    result = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        input=input_text,
    )
    assert result.returncode == 0, f"{args} in {cwd}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture
def old_tree(tmp_path):
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", OLD_LAYOUT], capture_output=True)
    if archive.returncode != 0:
        pytest.skip(f"the old layout's commit is not in this clone: {archive.stderr.decode()[:200]}")
    tree = tmp_path / "old"
    tree.mkdir()
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(tree, filter="data")
    return tree


def test_a_database_built_before_the_split_keeps_every_page_revision_code_and_scan(tmp_path, old_tree):
    database_url, created = _database(tmp_path)
    _MEDIA[database_url] = tmp_path / "media"
    try:
        _run(old_tree, database_url, "migrate", "--noinput", "-v0")
        _run(
            old_tree, database_url, "shell", input_text=BUILD_OLD.format(fixtures=ROOT / "tests" / "fixtures")
        )
        before = _last_json(
            _run(
                old_tree,
                database_url,
                "shell",
                input_text=INVENTORY.format(label={"plaques": "heritage", "products": "heritage"}),
            )
        )
        assert before["products"] > 10 and before["scans"] and before["draft"] == 1

        _run(ROOT, database_url, "migrate", "--noinput", "-v0")
        after = _last_json(
            _run(
                ROOT,
                database_url,
                "shell",
                input_text=INVENTORY.format(label={"plaques": "plaques", "products": "products"}),
            )
        )
        assert after == before  # the same pages of the same types, revisions, codes, scans, content type id
        # And the site serves them, products and plaques included.
        served = _run(
            ROOT,
            database_url,
            "shell",
            input_text=(
                "from django.test import Client\n"
                "from products.models import ProductPage\n"
                "from plaques.models import ShortCode\n"
                "c = Client()\n"
                "p = ProductPage.objects.live().first()\n"
                "code = ShortCode.objects.exclude(page=None).first().code\n"
                "print(c.get(p.url).status_code, c.get('/id/produk/').status_code,"
                " c.get(f'/q/{code}').status_code, c.get('/api/products.json').status_code)\n"
            ),
        )
        assert served.strip().splitlines()[-1].split() == ["200", "200", "302", "200"]
    finally:
        if created:
            import psycopg

            server, name = created
            with psycopg.connect(server, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
