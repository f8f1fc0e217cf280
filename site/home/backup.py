"""A backup of the site: one archive holding its database and its media files, and the way back from it.

The archive (`malang-heritage-<UTC time>.tar.gz`) holds the database as one file (database_dumps.py), every
file under MEDIA_ROOT as `media/<path>`, and last `manifest.json`: the format, when and from what it was
made (database vendor, Django and Wagtail versions, the last migration applied to each app) and the sha256
and size of every other member.

A restore reads and checks the whole archive into a folder beside MEDIA_ROOT before it changes anything: a
truncated or altered archive, one from another database vendor, or one made by newer code is refused with
the target untouched. Then the media folder is swapped for the restored one, and the database restored (in
one transaction); if the database fails, the old media folder is put back. A site already there is
replaced only when the operator says so (`force`).
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory

import django
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

import wagtail

from .database_dumps import (
    DUMP_NAMES,
    VENDOR_NAMES,
    BackupError,
    database_is_empty,
    dump_database,
    latest_migrations,
    load_database,
    vendor,
)

__all__ = ["BackupError", "Restored", "create_backup", "migrate_if_behind", "restore_backup"]

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
CHUNK = 1024 * 1024


def archive_name(moment: datetime) -> str:
    return f"malang-heritage-{moment:%Y%m%dT%H%M%SZ}.tar.gz"


def _media_root() -> Path:
    if not isinstance(default_storage, FileSystemStorage):
        raise BackupError(
            f"Media files are kept by {type(default_storage).__name__}, not in MEDIA_ROOT: back them up with "
            f"that storage's own tools."
        )
    return Path(settings.MEDIA_ROOT)


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(p for p in media_root.rglob("*") if p.is_file() and not p.is_symlink())


class _Hashing:
    """A file object that hashes what is read through it."""

    def __init__(self, file):
        self.file, self.sha256, self.size = file, hashlib.sha256(), 0

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data

    def entry(self):
        return {"sha256": self.sha256.hexdigest(), "size": self.size}


def _add(tar: tarfile.TarFile, path: Path, name: str) -> dict:
    with path.open("rb") as file:
        info = tar.gettarinfo(arcname=name, fileobj=file)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _Hashing(file)
        tar.addfile(info, reader)  # tarfile reads exactly info.size bytes, and fails if the file got shorter
    return reader.entry()


# --- backing up ----------------------------------------------------------------------------------------------


def create_backup(output_dir: Path) -> Path:
    """Write one archive of the database and media into `output_dir`; returns its path."""
    database_vendor = vendor()
    media_root = _media_root()
    output_dir.mkdir(parents=True, exist_ok=True)
    moment = datetime.now(UTC).replace(microsecond=0)
    final = output_dir / archive_name(moment)
    if final.exists():
        raise BackupError(f"{final} already exists: a backup was written this very second. Try again.")
    with TemporaryDirectory(dir=output_dir, prefix=".backup-") as staging:
        dump = Path(staging) / DUMP_NAMES[database_vendor]
        migrations = latest_migrations()  # before the dump: a migration applied meanwhile is in the dump too
        dump_database(dump)
        partial = Path(staging) / final.name  # a half-written archive never carries the final name
        members = {}
        try:
            with tarfile.open(partial, "w:gz") as tar:
                members[dump.name] = _add(tar, dump, dump.name)
                for path in _media_files(media_root):
                    name = f"{MEDIA}/{path.relative_to(media_root).as_posix()}"
                    try:
                        members[name] = _add(tar, path, name)
                    except FileNotFoundError:
                        continue  # deleted (an image, a rendition) since the folder was listed
                manifest = {
                    "format": FORMAT,
                    "created": moment.isoformat().replace("+00:00", "Z"),
                    "database": {"vendor": database_vendor, "member": dump.name},
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                    "migrations": migrations,
                    "members": members,
                }
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(moment.timestamp()), 0o644
                tar.addfile(info, io.BytesIO(data))
        except OSError as error:
            raise BackupError(f"Could not write the backup: {error}") from error
        os.replace(partial, final)
    return final


# --- restoring -----------------------------------------------------------------------------------------------


@dataclass
class Restored:
    archive: Path
    created: str
    vendor: str
    media_files: int


def _safe_member(name: str) -> bool:
    """A database file, or a file under media/ that cannot land outside it."""
    path = PurePosixPath(name)
    if name in DUMP_NAMES.values():
        return True
    return (
        len(path.parts) > 1 and path.parts[0] == MEDIA and not path.is_absolute() and ".." not in path.parts
    )


def _extract_verified(archive: Path, staging: Path) -> dict:
    """Extract `archive` into `staging`, checking each member against the manifest; returns the manifest."""
    found, manifest_data = {}, None
    damaged = f"{archive} is damaged or truncated, not a complete backup; nothing was changed"
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                if member.name == MANIFEST and member.isfile():
                    manifest_data = tar.extractfile(member).read()
                    continue
                if not member.isfile() or not _safe_member(member.name):
                    raise BackupError(
                        f"{archive} holds an unexpected entry {member.name!r}; nothing was changed."
                    )
                target = staging / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as source, target.open("wb") as out:
                    reader = _Hashing(source)
                    while chunk := reader.read(CHUNK):
                        out.write(chunk)
                found[member.name] = reader.entry()
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise BackupError(f"{damaged} ({error}).") from error
    except OSError as error:
        if "gzip" in str(error).lower() or "compressed" in str(error).lower():
            raise BackupError(f"{damaged} ({error}).") from error
        raise BackupError(f"Could not unpack {archive}: {error}") from error
    if manifest_data is None:
        raise BackupError(
            f"{archive} has no {MANIFEST}: it is not a Malang Heritage backup (or it is damaged)."
        )
    try:
        manifest = json.loads(manifest_data)
        expected, database = manifest["members"], manifest["database"]
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{damaged} (its {MANIFEST} cannot be read).") from error
    if not isinstance(manifest.get("format"), int) or manifest["format"] > FORMAT:
        raise BackupError(
            f"{archive} is in backup format {manifest.get('format')!r}, newer than this code reads."
        )
    if database.get("member") not in expected or database["member"] not in DUMP_NAMES.values():
        raise BackupError(f"{damaged} (its {MANIFEST} names no database).")
    for name in sorted(set(expected) | set(found)):
        if name not in found:
            raise BackupError(f"{damaged}: {name} is missing.")
        if name not in expected or found[name] != expected[name]:
            raise BackupError(f"{damaged}: {name} does not match its checksum in the manifest.")
        if name != database["member"] and not name.startswith(f"{MEDIA}/"):
            raise BackupError(f"{archive} holds an unexpected entry {name!r}; nothing was changed.")
    return manifest


def _check_vendor(manifest: dict, archive: Path) -> None:
    theirs, ours = manifest["database"].get("vendor"), vendor()
    if theirs != ours:
        raise BackupError(
            f"{archive} holds a {VENDOR_NAMES.get(theirs, theirs)} database and DATABASE_URL is "
            f"{VENDOR_NAMES[ours]}: moving a site between database vendors is not supported by backup and "
            f"restore; nothing was changed."
        )


def _check_not_newer(manifest: dict, archive: Path) -> None:
    """Refuse a backup made by code with migrations this code does not have: it would not run on it."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces or [])  # a squashed migration stands for the ones it replaces
    for app, name in sorted(manifest.get("migrations", {}).items()):
        if app in loader.migrated_apps and (app, name) not in known:
            raise BackupError(
                f"{archive} was made by newer code (migration {app}.{name} is unknown here): update the code "
                f"first; nothing was changed."
            )


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(p.is_file() or p.is_symlink() for p in folder.rglob("*"))


def _refuse_to_overwrite(media_root: Path) -> None:
    if not database_is_empty():
        raise BackupError(
            "The database of DATABASE_URL already holds a site (pages beyond what migrate creates, or user "
            "accounts): run again with FORCE=1 (manage.py restore_site --force) to replace it."
        )
    if _has_files(media_root):
        raise BackupError(
            f"MEDIA_ROOT ({media_root}) already holds files: run again with FORCE=1 (manage.py restore_site "
            f"--force) to replace them."
        )


def restore_backup(archive: Path, *, force: bool = False) -> Restored:
    """Put the archive's database and media in place of the configured ones (see the module's docstring)."""
    if not archive.is_file():
        raise BackupError(f"No backup file at {archive}.")
    media_root = _media_root()
    if not force:
        _refuse_to_overwrite(media_root)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    # Beside MEDIA_ROOT, so that the restored media folder moves into place by a rename on the same disk.
    with TemporaryDirectory(dir=media_root.parent, prefix=f".{media_root.name}-restore-") as folder:
        staging = Path(folder)
        manifest = _extract_verified(archive, staging / "archive")
        _check_vendor(manifest, archive)
        _check_not_newer(manifest, archive)
        restored_media = staging / "archive" / MEDIA
        restored_media.mkdir(exist_ok=True)
        previous = staging / "previous-media"
        try:
            if media_root.exists():
                os.replace(media_root, previous)
            os.replace(restored_media, media_root)
        except OSError as error:
            if previous.exists() and not media_root.exists():
                os.replace(previous, media_root)
            raise BackupError(f"Could not put the media files in place at {media_root}: {error}") from error
        try:
            load_database(staging / "archive" / manifest["database"]["member"])
        except BaseException:
            shutil.rmtree(media_root, ignore_errors=True)
            if previous.exists():
                os.replace(previous, media_root)
            raise
    media_files = sum(1 for name in manifest["members"] if name.startswith(f"{MEDIA}/"))
    return Restored(archive, manifest.get("created", "?"), VENDOR_NAMES[vendor()], media_files)


def migrate_if_behind() -> int:
    """Apply the migrations the restored database lacks (a backup older than the code); returns how many."""
    connection.close()
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", interactive=False, verbosity=0)
    return len(plan)
