"""An office backs its site up with `make backup` and gets it back, whole, with `make restore BACKUP=…`.

A real site is built in a folder of its own (`migrate`, `seed_malang`), changed as an editor would (a page
edited and republished, a page deleted, plaques scanned, an image uploaded), backed up, and restored into a
second, empty place: every page, revision, translation, image byte, QR code and scan count comes back, the
deleted page stays deleted, and the restored site serves. A restore never overwrites a site without
FORCE=1, and a damaged archive changes nothing. On SQLite the databases are files; under
`make test-postgres` (DATABASE_URL a postgres:// URL) scratch databases on that server.

Seeding takes minutes, so the site is built once per module and each test works on copies or new targets.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
sqlite_only = pytest.mark.skipif(
    ON_POSTGRES, reason="the SQLite site; `make test-postgres` runs the PostgreSQL one"
)

# What an editor does to the seeded site, as JSON on stdout: the page edited, the page deleted, the code scanned.
EDIT = """
import datetime as dt, io, json
from django.core.files.images import ImageFile
from PIL import Image as Picture
from wagtail.images import get_image_model
from heritage.models import PlacePage
from plaques.counting import count_scan
from plaques.models import ShortCode
place = PlacePage.objects.live().filter(locale__language_code="id").order_by("pk").first().specific
place.title = place.title + " (diperbarui)"
place.save_revision().publish()
doomed = PlacePage.objects.live().exclude(pk=place.pk).order_by("-pk").first()
doomed_id = doomed.pk
doomed.delete()
code = ShortCode.objects.exclude(page=None).order_by("code").first()
for day in (1, 2, 2):
    count_scan(code.pk, dt.date(2026, 12, day))
picture = io.BytesIO()
Picture.new("RGB", (8, 8), (180, 40, 30)).save(picture, "PNG")
image = get_image_model().objects.create(title="Editor upload", file=ImageFile(picture, name="editor-upload.png"))
print(json.dumps({"edited": place.pk, "deleted": doomed_id, "code": code.code, "image": image.file.name}))
"""

# What an office would check came back, as JSON on stdout.
INVENTORY = """
import hashlib, json
from collections import Counter
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from plaques.models import ScanCount, ShortCode
def digest(image):
    with image.file.open("rb") as f:
        return hashlib.sha256(f.read()).hexdigest()
print(json.dumps({
    "pages": sorted(Page.objects.values_list("pk", "title", "live", "locale__language_code")),
    "revisions": Revision.objects.count(),
    "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
    "pages_per_locale": sorted(Counter(Page.objects.values_list("locale__language_code", flat=True)).items()),
    "images": sorted((i.title, i.file.name, digest(i)) for i in get_image_model().objects.all()),
    "codes": sorted(ShortCode.objects.values_list("code", "page_id")),
    "scans": sorted((s.short_code.code, str(s.date), s.count) for s in ScanCount.objects.all()),
}))
"""

# The home page and one place page, as a visitor's browser asks for them.
SERVE = """
from django.test import Client
from wagtail.models import Page
from heritage.models import PlacePage
client = Client()
home = Page.objects.get(depth=2, locale__language_code="id")
place = PlacePage.objects.live().filter(locale__language_code="id").order_by("pk").first().specific
print(client.get(home.url).status_code, client.get(place.url).status_code)
"""

# Scans counted as fast as one process can while the backup runs; stops when the file `stop` appears.
WRITER = """
import datetime as dt
from pathlib import Path
from plaques.counting import count_scan
from plaques.models import ShortCode
code = ShortCode.objects.exclude(page=None).order_by("code").first()
folder = Path({folder!r})
n = 0
while not (folder / "stop").exists():
    count_scan(code.pk, dt.date(2026, 12, 31))
    n += 1
    if n == 50:
        (folder / "started").write_text("")
print(n)
"""


class Site:
    """A site's database and media folder, and the manage.py commands run against them."""

    def __init__(self, database_url: str, media: Path):
        self.database_url, self.media = database_url, media

    def env(self, **extra):
        return {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media),
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",  # as `make`: images are files in MEDIA_ROOT
            "PYTHONPATH": "",
            **extra,
        }

    def run(self, *args, input_text=None, check=True):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            input=input_text,
        )
        if check:
            assert result.returncode == 0, f"{args}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result

    def shell(self, code: str):
        return json.loads(self.run("shell", input_text=code).stdout.strip().splitlines()[-1])

    def inventory(self):
        return self.shell(INVENTORY)

    def served(self):
        return self.run("shell", input_text=SERVE).stdout.strip().splitlines()[-1].split()

    def backup(self, folder: Path) -> Path:
        output = self.run("backup_site", "--output-dir", str(folder)).stdout
        (archive,) = folder.glob("malang-heritage-*.tar.gz")
        assert str(archive) in output
        return archive

    def restore(self, archive: Path, *flags, check=True):
        return self.run("restore_site", str(archive), *flags, check=check)


def _complaint(result) -> list[str]:
    """The lines a failed command wrote for the operator (django-axes announces itself on stderr first)."""
    return [line for line in result.stderr.strip().splitlines() if not line.startswith("AXES: ")]


def _sqlite_site(folder: Path) -> Site:
    folder.mkdir(parents=True, exist_ok=True)
    return Site(f"sqlite:///{folder / 'db.sqlite3'}", folder / "media")


def _fingerprint(site: Site, folder: Path):
    """Every byte of a SQLite site: its database file and each media file."""
    files = [folder / "db.sqlite3", *sorted(p for p in site.media.rglob("*") if p.is_file())]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _build(site: Site):
    site.run("migrate", "--noinput", "-v0")
    site.run("seed_malang")
    edits = site.shell(EDIT)
    return edits, site.inventory()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeded and edited SQLite site, what was done to it, what it holds, and one backup of it."""
    folder = tmp_path_factory.mktemp("site")
    site = _sqlite_site(folder)
    edits, inventory = _build(site)
    archive = site.backup(folder / "backups")
    return {"site": site, "folder": folder, "edits": edits, "inventory": inventory, "archive": archive}


@sqlite_only
def test_a_restored_backup_gives_back_every_page_revision_translation_image_code_and_scan(built, tmp_path):
    edits, before = built["edits"], built["inventory"]
    assert (f"malang-heritage-{time.gmtime().tm_year}") in built["archive"].name
    with tarfile.open(built["archive"]) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert manifest["database"]["vendor"] == "sqlite"
    assert manifest["migrations"]["wagtailcore"] and manifest["migrations"]["plaques"]
    assert f"media/{edits['image']}" in names and set(manifest["members"]) == set(names) - {"manifest.json"}

    target = _sqlite_site(tmp_path / "elsewhere")
    result = target.restore(built["archive"])
    assert "Restored" in result.stdout

    after = target.inventory()
    assert after == before
    pages = {pk: (title, live) for pk, title, live, _ in after["pages"]}
    assert edits["deleted"] not in pages  # the deleted page stays deleted
    assert pages[edits["edited"]][0].endswith("(diperbarui)")
    assert after["locales"] == ["en", "id"]
    assert [edits["code"], "2026-12-02", 2] in after["scans"]
    image = target.media / edits["image"]
    assert image.read_bytes() == (built["site"].media / edits["image"]).read_bytes()
    assert target.served() == ["200", "200"]


@sqlite_only
def test_restoring_over_a_site_is_refused_without_force_and_replaces_it_with_force(built, tmp_path):
    folder = tmp_path / "live"
    target = _sqlite_site(folder)
    target.restore(built["archive"])
    # The office goes on working on the restored site: a scan it must not lose by accident.
    target.shell("from plaques.models import ShortCode\nShortCode.objects.all().delete()\nprint(1)")
    changed = _fingerprint(target, folder)

    refused = target.restore(built["archive"], check=False)
    assert refused.returncode != 0
    message = _complaint(refused)
    assert len(message) == 1 and "FORCE=1" in message[0] and "Traceback" not in refused.stderr
    assert _fingerprint(target, folder) == changed

    # Media alone counts too: an empty database beside a media folder with files is refused.
    other = _sqlite_site(tmp_path / "media-only")
    (other.media / "original_images").mkdir(parents=True)
    (other.media / "original_images" / "keep.png").write_bytes(b"not ours")
    refused_media = other.restore(built["archive"], check=False)
    assert refused_media.returncode != 0 and "MEDIA_ROOT" in refused_media.stderr

    target.restore(built["archive"], "--force")
    assert target.inventory() == built["inventory"]


@sqlite_only
def test_a_backup_older_than_the_code_is_migrated_when_restored(built, tmp_path):
    older = _sqlite_site(tmp_path / "older")
    older.restore(built["archive"])
    older.run("migrate", "itineraries", "0001_initial", "--noinput", "-v0")  # as if made before 0002 existed
    archive = older.backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        assert (
            json.loads(tar.extractfile("manifest.json").read())["migrations"]["itineraries"] == "0001_initial"
        )

    target = _sqlite_site(tmp_path / "newer")
    result = target.restore(archive)
    later = len(list((ROOT / "itineraries" / "migrations").glob("0*.py"))) - 1  # every one after 0001
    assert f"older than this code: applied {later} migrations" in result.stdout
    assert "[ ]" not in target.run("showmigrations", "itineraries").stdout
    assert target.inventory() == built["inventory"]
    assert target.served() == ["200", "200"]


def _repack(archive: Path, destination: Path, change):
    """A copy of `archive` with `change(name, data) -> data` applied to each member."""
    with tarfile.open(archive) as source, tarfile.open(destination, "w:gz") as copy:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return destination


@sqlite_only
def test_a_damaged_or_foreign_archive_is_refused_and_the_site_stays_as_it_was(built, tmp_path):
    folder = tmp_path / "kept"
    target = _sqlite_site(folder)
    target.restore(built["archive"])
    before = _fingerprint(target, folder)
    raw = built["archive"].read_bytes()

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(raw[: len(raw) // 2])
    flipped = tmp_path / "flipped.tar.gz"
    flipped.write_bytes(raw[:4000] + bytes([raw[4000] ^ 0xFF]) + raw[4001:])

    def tamper(name, data):
        return data.replace(b"Editor upload", b"Editor uplo4d") if name == "database.sqlite3" else data

    tampered = _repack(built["archive"], tmp_path / "tampered.tar.gz", tamper)

    def other_vendor(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["database"]["vendor"] = "postgresql"
        return json.dumps(manifest).encode()

    foreign = _repack(built["archive"], tmp_path / "foreign.tar.gz", other_vendor)

    def from_the_future(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"]["plaques"] = "0099_not_written_yet"
        return json.dumps(manifest).encode()

    newer = _repack(built["archive"], tmp_path / "newer.tar.gz", from_the_future)

    for archive, says in [
        (truncated, "damaged"),
        (flipped, "damaged"),
        (tampered, "checksum"),
        (foreign, "not supported"),
        (newer, "newer code"),
        (tmp_path / "missing.tar.gz", "No backup"),
    ]:
        result = target.restore(archive, "--force", check=False)
        assert result.returncode != 0, archive
        assert says in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert len(_complaint(result)) == 1
        assert _fingerprint(target, folder) == before, archive
    assert target.inventory() == built["inventory"]


@sqlite_only
def test_a_backup_taken_while_visitors_scan_plaques_restores_whole(built, tmp_path):
    site = built["site"]
    signals = tmp_path / "signals"
    signals.mkdir()
    writer = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", WRITER.format(folder=str(signals))],
        cwd=ROOT,
        env=site.env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):
            if (signals / "started").exists() or writer.poll() is not None:
                break
            time.sleep(0.1)
        assert (signals / "started").exists(), writer.stderr.read()
        archive = site.backup(tmp_path / "backups")
        assert writer.poll() is None  # the writer was still writing when the backup finished
    finally:
        (signals / "stop").write_text("")
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    written = int(out.strip().splitlines()[-1])

    target = _sqlite_site(tmp_path / "restored")
    target.restore(archive)
    scans = {(code, day): count for code, day, count in target.inventory()["scans"]}
    restored = scans[(built["edits"]["code"], "2026-12-31")]
    assert 50 <= restored <= written
    check = "import json\nfrom django.db import connection\nc = connection.cursor()\n"
    check += "print(json.dumps(c.execute('PRAGMA integrity_check').fetchone()[0]))"
    assert target.shell(check) == "ok"


# --- PostgreSQL ---------------------------------------------------------------------------------------------


@pytest.fixture
def scratch_databases():
    """Two new databases on the PostgreSQL server of DATABASE_URL, dropped afterwards."""
    import psycopg

    server = os.environ["DATABASE_URL"]
    names = [f"malang_backup_{uuid.uuid4().hex[:8]}_{role}" for role in ("source", "target")]
    with psycopg.connect(server, autocommit=True) as connection:
        for name in names:
            connection.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(server)
    yield [urlunsplit(parts._replace(path=f"/{name}")) for name in names]
    with psycopg.connect(server, autocommit=True) as connection:
        for name in names:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="needs a PostgreSQL DATABASE_URL (`make test-postgres`)")
def test_a_postgresql_site_comes_back_whole_from_its_backup(scratch_databases, tmp_path):
    source_url, target_url = scratch_databases
    source = Site(source_url, tmp_path / "source-media")
    edits, before = _build(source)
    archive = source.backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        assert json.loads(tar.extractfile("manifest.json").read())["database"]["vendor"] == "postgresql"

    target = Site(target_url, tmp_path / "target-media")
    target.restore(archive)
    after = target.inventory()
    assert after == before
    assert edits["deleted"] not in {page[0] for page in after["pages"]}
    assert target.served() == ["200", "200"]

    refused = target.restore(archive, check=False)
    assert refused.returncode != 0 and "FORCE=1" in refused.stderr
    target.restore(archive, "--force")
    assert target.inventory() == before


def _fake_tool(folder: Path, name: str, version_line: str):
    folder.mkdir(exist_ok=True)
    tool = folder / name
    tool.write_text(f"#!/bin/sh\necho '{version_line}'\n")
    tool.chmod(0o755)


def test_a_pg_dump_older_than_the_server_is_named_with_the_version_to_install(tmp_path, monkeypatch):
    from home.database_dumps import BackupError, client_tool

    _fake_tool(tmp_path / "bin", "pg_dump", "pg_dump (PostgreSQL) 13.9 (Debian 13.9-1)")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(BackupError, match=r"pg_dump is version 13, older than the PostgreSQL 15 server"):
        client_tool("pg_dump", 15)
    assert client_tool("pg_dump", 13) == str(tmp_path / "bin" / "pg_dump")


def test_a_missing_pg_dump_says_which_client_tools_to_install(tmp_path, monkeypatch):
    from home.database_dumps import BackupError, client_tool

    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(
        BackupError, match=r"pg_dump is not installed.*version 16 or newer.*postgresql-client"
    ):
        client_tool("pg_dump", 16)
