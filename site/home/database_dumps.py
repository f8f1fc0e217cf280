"""The site's database as one file and back, the way each database vendor does it safely.

SQLite goes through its online backup API (`sqlite3.Connection.backup`): the copy is read in one read
transaction, which under write-ahead logging (settings/base.py) sees one consistent state while the site
goes on writing. It comes back through the same API into the configured file, in one write transaction: the
database is never replaced by moving a file, because a running site's `-wal` file beside it would then be
applied to the wrong database.

PostgreSQL goes through `pg_dump --format=custom` and `pg_restore --clean --if-exists --single-transaction`:
a failed restore rolls back whole. The connection settings reach the tools as PG* environment variables, so
the password never appears on a command line (where `ps` would show it).
"""

import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

from wagtail.models import Page

# The name of the database's file inside a backup archive, by vendor: a backup holds the database of one.
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is one line for the operator."""


def vendor() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups cover SQLite and PostgreSQL databases, not {connection.vendor}.")
    return connection.vendor


def _sqlite_path() -> Path:
    name = str(settings.DATABASES["default"]["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError(
            f"The SQLite database {name!r} is not a file: there is nothing to back up or restore."
        )
    return Path(name)


# --- what the database holds ---------------------------------------------------------------------------------


def database_is_empty() -> bool:
    """Whether the database holds no site yet: no user account, and no page but those `migrate` creates (the
    tree's root and Wagtail's "Welcome to your new Wagtail site!" placeholder, a plain page with no children
    just under it). A database without Django's tables, or a SQLite file that does not exist, is empty."""
    if vendor() == "sqlite" and not _sqlite_path().exists():
        return True
    tables = set(connection.introspection.table_names())
    user_table = get_user_model()._meta.db_table
    if user_table in tables and get_user_model().objects.exists():
        return False
    if Page._meta.db_table not in tables:
        return True
    placeholder = {"depth": 2, "numchild": 0, "content_type__app_label": "wagtailcore"}
    pages = Page.objects.filter(depth__gt=1).exclude(**placeholder, content_type__model="page")
    return not pages.exists()


def latest_migrations() -> dict[str, str]:
    """The migration last applied to each app, as the database records it."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    return dict(recorder.migration_qs.order_by("id").values_list("app", "name"))


# --- SQLite --------------------------------------------------------------------------------------------------


def _dump_sqlite(destination: Path) -> None:
    source_path = _sqlite_path()
    if not source_path.is_file():
        raise BackupError(f"There is no SQLite database at {source_path}: nothing to back up.")
    try:
        with (
            closing(sqlite3.connect(source_path, timeout=30)) as source,
            closing(sqlite3.connect(destination)) as copy,
        ):
            source.backup(copy)  # all pages in one step: one read transaction, one consistent state
            copy.execute("PRAGMA journal_mode=DELETE")  # a file complete in itself, no -wal beside it
    except sqlite3.Error as error:
        raise BackupError(f"Could not read the SQLite database {source_path}: {error}") from error


def _load_sqlite(dump: Path) -> None:
    target_path = _sqlite_path()
    target_path.parent.mkdir(parents=True, exist_ok=True)
    connections.close_all()
    try:
        with closing(sqlite3.connect(dump)) as source:
            if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(
                    "The database in the backup fails SQLite's integrity check; nothing was changed."
                )
            with closing(sqlite3.connect(target_path, timeout=60)) as target:
                source.backup(target)  # one step: one write transaction, rolled back whole if it fails
    except sqlite3.Error as error:
        raise BackupError(f"Could not restore into the SQLite database {target_path}: {error}") from error


# --- PostgreSQL ----------------------------------------------------------------------------------------------


def _pg_environment() -> dict[str, str]:
    database = settings.DATABASES["default"]
    env = {**os.environ}
    for variable, value in [
        ("PGHOST", database.get("HOST")),
        ("PGPORT", database.get("PORT")),
        ("PGUSER", database.get("USER")),
        ("PGPASSWORD", database.get("PASSWORD")),
        ("PGDATABASE", database.get("NAME")),
        ("PGSSLMODE", database.get("OPTIONS", {}).get("sslmode")),
    ]:
        if value:
            env[variable] = str(value)
    return env


def client_tool(name: str, server_major: int) -> str:
    """The path of PostgreSQL client tool `name`, once it is known to be at least as new as the server."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed: install PostgreSQL's client tools, version {server_major} or newer "
            f"(Debian: apt-get install postgresql-client)."
        )
    answer = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout  # noqa: S603
    found = re.search(r"(\d+)(?:\.\d+)*", answer)
    if found is None:
        raise BackupError(f"{path} --version answered {answer.strip()!r}, not a PostgreSQL version.")
    if int(found.group(1)) < server_major:
        raise BackupError(
            f"{name} is version {found.group(1)}, older than the PostgreSQL {server_major} server of "
            f"DATABASE_URL: install the version {server_major} client tools "
            f"(Debian: postgresql-client-{server_major})."
        )
    return path


def _server_major() -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


def _run_pg(command: list[str], what: str) -> None:
    result = subprocess.run(command, env=_pg_environment(), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        errors = [line for line in lines if "error" in line.lower()] or lines[-1:]
        reason = errors[0] if errors else f"exit status {result.returncode}"
        raise BackupError(f"{what} failed, nothing was changed: {reason}")


def _dump_postgresql(destination: Path) -> None:
    pg_dump = client_tool("pg_dump", _server_major())
    _run_pg([pg_dump, "--format=custom", f"--file={destination}"], "pg_dump")


def _load_postgresql(dump: Path) -> None:
    pg_restore = client_tool("pg_restore", _server_major())
    name = settings.DATABASES["default"]["NAME"]
    connections.close_all()
    _run_pg(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--clean",
            "--if-exists",
            "--single-transaction",  # with --exit-on-error: all of it, or nothing
            "--exit-on-error",
            f"--dbname={name}",
            str(dump),
        ],
        "pg_restore",
    )


def dump_database(destination: Path) -> None:
    """Write the configured database to the file `destination`."""
    {"sqlite": _dump_sqlite, "postgresql": _dump_postgresql}[vendor()](destination)


def load_database(dump: Path) -> None:
    """Replace the configured database's content by the dump's, all at once or not at all."""
    {"sqlite": _load_sqlite, "postgresql": _load_postgresql}[vendor()](dump)
