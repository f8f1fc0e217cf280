"""A site served as in production, for the scan counter's tests across processes: a SQLite file migrated and
seeded once, copied for each test, served by gunicorn (`config.settings.production`, a throwaway SECRET_KEY, as
bench/qr_scans.py starts it), and the helpers those tests share: scanning over HTTP, `manage.py` on the same
database, holding SQLite's write lock from another process, a private Redis.
"""

import http.client
import json
import os
import runpy
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
FIXTURES = ROOT / "tests" / "fixtures"

SEED = f"""
from pathlib import Path
from home.seed import seed
seed(Path({str(FIXTURES / "places_sample.geojson")!r}), Path({str(FIXTURES / "stories")!r}))
"""

CODES = """
import json
from plaques.models import ShortCode
print(json.dumps({s.page.slug: s.code for s in ShortCode.objects.select_related("page").exclude(page=None)}))
"""

SCANS = """
import json
from django.db.models import Sum
from plaques.models import ScanCount
print(json.dumps(ScanCount.objects.aggregate(total=Sum("count"))["total"] or 0))
"""


def gunicorn_settings() -> dict:
    """What site/gunicorn.conf.py sets (timeout, graceful_timeout, …), read as gunicorn reads it."""
    return runpy.run_path(str(ROOT / "site" / "gunicorn.conf.py"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    """One SQLite site in a folder: its environment, `manage.py` on it, gunicorn serving it."""

    def __init__(self, folder: Path, static_root: Path, **env):
        self.folder, self.database = folder, folder / "db.sqlite3"
        self.spool = folder / "spool"
        self.extra = {"STATIC_ROOT": str(static_root), **env}

    def env(self, **extra) -> dict:
        # The machine's own DATABASE_URL, CACHE_URL… are not this site's.
        inherited = {name: value for name, value in os.environ.items() if name not in ("CACHE_URL", "CI")}
        return {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "tests-only-" + "k" * 60,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "QR_BASE_URL": "https://heritage.example.id",
            "EMAIL_URL": "console://",
            "DEFAULT_FROM_EMAIL": "noreply@heritage.example.id",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "MEDIA_ROOT": str(self.folder / "media"),
            "SCAN_SPOOL_DIR": str(self.spool),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": "",
            **self.extra,
            **extra,
        }

    def manage(self, *args, check=True, **env) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if check:
            assert result.returncode == 0, (
                f"manage.py {args}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result

    def shell(self, code: str, **env):
        return json.loads(self.manage("shell", "-c", code, **env).stdout.strip().splitlines()[-1])

    def codes(self) -> dict:
        return self.shell(CODES)

    def scans_in_database(self) -> int:
        return self.shell(SCANS)

    def serve(self, workers: int = 2, **env) -> "Gunicorn":
        return Gunicorn(self, workers, env)


class Gunicorn:
    """gunicorn on a free port, with the project's site/gunicorn.conf.py (its timeout and worker_exit hook)."""

    def __init__(self, site: Site, workers: int, env: dict):
        self.site, self.port = site, free_port()
        self.log = site.folder / f"gunicorn-{self.port}.log"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(  # our own gunicorn, fixed arguments
                [
                    str(VENV_BIN / "gunicorn"),
                    "--chdir",
                    str(ROOT / "site"),
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    str(workers),
                    "--no-control-socket",  # one per user by default: servers of parallel tests would share it
                    "config.wsgi:application",
                ],
                cwd=ROOT,
                env=site.env(**env),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_serving()

    def logged(self) -> str:
        return self.log.read_text()

    def _wait_until_serving(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"gunicorn exited at start-up:\n{self.logged()[-3000:]}"
            try:
                self.get("/robots.txt", timeout=5)
                return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"gunicorn did not answer within 60 s:\n{self.logged()[-3000:]}")

    def get(self, path: str, user_agent: str = "Mozilla/5.0 (Android 14) test", timeout: float = 60):
        """(status, Location, seconds taken) of one GET."""
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path, headers={"User-Agent": user_agent, "Accept-Language": "id"})
            response = connection.getresponse()
            response.read()
            return response.status, response.getheader("Location"), time.monotonic() - started
        finally:
            connection.close()

    def scan(self, code: str, visitor: str) -> None:
        status, location, _seconds = self.get(f"/q/{code}", user_agent=f"Mozilla/5.0 (Android 14) {visitor}")
        assert status == 302 and location, (status, location)

    def stop(self) -> None:
        """SIGTERM, as an init system stops it: the workers finish, write their scans, and exit."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"gunicorn did not stop on SIGTERM:\n{self.logged()[-3000:]}") from None
        assert self.process.returncode == 0, self.logged()[-3000:]


def build_site(folder: Path) -> Site:
    """Migrate and seed the sample places into a new SQLite file, and collect the production static files."""
    site = Site(folder, folder / "static")
    site.manage("migrate", "--noinput", "-v0")
    site.manage("shell", "-c", SEED)
    site.manage("collectstatic", "--noinput", "-v0")
    return site


def copy_site(built: Site, folder: Path, **env) -> Site:
    """A site of its own for one test: the built database copied with SQLite's backup API."""
    folder.mkdir(parents=True, exist_ok=True)
    site = Site(folder, Path(built.extra["STATIC_ROOT"]), **env)
    source, target = sqlite3.connect(built.database), sqlite3.connect(site.database)
    with target:
        source.backup(target)
    source.close()
    target.close()
    if (built.folder / "media").is_dir():
        shutil.copytree(built.folder / "media", folder / "media")
    return site


LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()  # held until the test says so (or goes away)
db.execute("ROLLBACK")
"""


class WriteLock:
    """Another process holding SQLite's write lock (BEGIN EXCLUSIVE) on the site's database until released."""

    def __init__(self, database: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-c", LOCK, str(database)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            self.process.wait(timeout=10)


# --- Redis ---------------------------------------------------------------------------------------------------


def redis_server_binary() -> str:
    """redis-server, installed from Debian's package when missing (as .ci/postgres.sh does for PostgreSQL).
    Outside CI a machine that cannot install it skips; in CI that is a failure."""
    found = shutil.which("redis-server")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": False}
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, timeout=300, **quiet)
        subprocess.run(["apt-get", "install", "-y", "-qq", "redis-server"], env=env, timeout=600, **quiet)
        found = shutil.which("redis-server")
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("redis-server is missing and could not be installed (apt-get install redis-server)")
    pytest.skip("redis-server is not installed and cannot be installed here (apt-get install redis-server)")


class RedisServer:
    """A private redis-server on a free port, its data in `folder` (saved on shutdown, loaded at start)."""

    def __init__(self, folder: Path):
        self.binary, self.folder, self.port = redis_server_binary(), folder, free_port()
        folder.mkdir(parents=True, exist_ok=True)
        self.process = None
        self.start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # our own redis-server, fixed arguments
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--save",
                "3600 1",  # a snapshot at shutdown: what is pending survives a restart
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        """SIGTERM: Redis saves its data and exits."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
