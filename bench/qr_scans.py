"""Benchmark: redirects per second on `/q/<CODE>`, the busiest URL a plaque creates, under wrk against the
production server (gunicorn, `config.settings.production`).

Run by hand: `.venv/bin/python bench/qr_scans.py [--workers 5] [--connections 32] [--duration 15]`.
It needs wrk (`apt-get install wrk`, `brew install wrk`) and stops with a clear message without it.

Without `DATABASE_URL` it migrates a throwaway SQLite database and loads the bundled Malang content; with
`DATABASE_URL` (PostgreSQL, the city-scale set-up) it uses that database, which must already be migrated
and seeded (`make seed`). gunicorn is started on a free local port with a throwaway `SECRET_KEY`; wrk sends
`X-Forwarded-Proto: https` as the TLS-terminating proxy does, so the production HTTPS redirect is not what
gets measured. Every request is a real scan: the code is looked up, the scan is handed to the scan counter
(written to the database every few seconds and when gunicorn stops; wrk is one phone, so the dedup window is
set to 0 to count each request), and the answer is a 302 to the page in the visitor's language. The counter is
read before and after, so the run also
shows whether every scan was counted. No timing is asserted.
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
# django-environ passes query parameters of DATABASE_URL on as OPTIONS (Django 5.1+ knows both).
SQLITE_WAL = (
    "?init_command=PRAGMA+journal_mode%3DWAL%3BPRAGMA+synchronous%3DNORMAL%3B&transaction_mode=IMMEDIATE"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


SHELL_CODE = """
from django.db.models import Sum
from plaques.models import ShortCode
code = ShortCode.objects.get(page__slug={slug!r}, page__locale__language_code="id").code
total = ShortCode.objects.get(code=code).scan_counts.aggregate(total=Sum("count"))["total"] or 0
print(code, total)
"""


def code_and_scans(env, slug: str) -> tuple[str, int]:
    code, total = manage(env, "shell", "-c", SHELL_CODE.format(slug=slug)).split()[-2:]
    return code, int(total)


def wait_for(port: int, path: str, server: subprocess.Popen) -> int:
    """The status of the first answer from the server (which is a scan too), waiting up to 30 s."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn exited at start-up; run it by hand with the same environment to see why")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
            return connection.getresponse().status
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer within 30 s")


def parse_wrk(output: str) -> dict:
    def find(pattern, cast=float, default=None):
        match = re.search(pattern, output)
        return cast(match.group(1)) if match else default

    return {
        "rps": find(r"Requests/sec:\s+([\d.]+)"),
        "requests": find(r"(\d+) requests in", int),
        "latency_avg": re.search(r"Latency\s+(\S+)", output).group(1),
        "latency_max": re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", output).group(1),
        "non_3xx": find(r"Non-2xx or 3xx responses:\s+(\d+)", int, 0),
        "errors": re.search(r"Socket errors:.*", output).group(0) if "Socket errors" in output else "none",
    }


def production_env(folder: str) -> dict[str, str]:
    """The environment of a throwaway production server whose files live in `folder` (shared by the benches)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": f"{folder}/static",
        "MEDIA_ROOT": f"{folder}/media",
        "LOG_LEVEL": "WARNING",
        "SCAN_SPOOL_DIR": f"{folder}/scan-spool",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=15, help="seconds")
    parser.add_argument("--slug", default="candi-kidal")
    parser.add_argument("--lang", default="en", help="the Accept-Language wrk sends")
    parser.add_argument(
        "--user-agent",
        default="Mozilla/5.0 (Linux; Android 14) bench-visitor",
        help="a robot's (e.g. Googlebot) is redirected but not counted: the lookup alone",
    )
    parser.add_argument(
        "--sqlite-wal",
        action="store_true",
        help="open the throwaway SQLite database in WAL mode with synchronous=NORMAL (see bench/README.md)",
    )
    args = parser.parse_args()

    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit(
            "wrk is not installed: `apt-get install wrk` (Debian/Ubuntu) or `brew install wrk`, then rerun."
        )
    gunicorn = VENV_BIN / "gunicorn"
    if not gunicorn.exists():
        sys.exit(f"gunicorn not found next to {sys.executable}: install the project (`make install`).")

    folder = tempfile.mkdtemp(prefix="qr-bench-")
    env = {
        **production_env(folder),
        "SCAN_DEDUP_WINDOW": "0",  # every request of wrk's one "phone" counts
    }
    # A redirect renders no template, so static files are not collected (the production manifest storage is
    # only read by pages); an empty STATIC_ROOT keeps whitenoise quiet.
    Path(env["STATIC_ROOT"]).mkdir()
    if "DATABASE_URL" not in os.environ:
        env["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3" + (SQLITE_WAL if args.sqlite_wal else "")
        print("database: throwaway SQLite (set DATABASE_URL to measure PostgreSQL); migrating and seeding…")
        manage(env, "migrate", "--verbosity=0")
        manage(env, "seed_malang", "--skip-index", "--verbosity=0")
    else:
        print("database: DATABASE_URL from the environment")
    code, before = code_and_scans(env, args.slug)

    port = free_port()
    server = subprocess.Popen(  # our own gunicorn, fixed arguments
        [
            str(gunicorn),
            "--chdir",
            str(ROOT / "site"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            "config.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        status = wait_for(port, f"/q/{code}", server)
        if status != 302:
            sys.exit(f"/q/{code} answered {status}, not 302: is the page live?")
        command = [
            wrk,
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            "-H",
            "X-Forwarded-Proto: https",
            "-H",
            f"Accept-Language: {args.lang}",
            "-H",
            f"User-Agent: {args.user_agent}",
            f"http://127.0.0.1:{port}/q/{code}",
        ]
        print("$ " + " ".join(command))
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    print(output)
    _code, after = code_and_scans(env, args.slug)
    result = parse_wrk(output)
    counted = after - before - 1  # the start-up probe was a scan too
    database = env["DATABASE_URL"].split(":", 1)[0] + (" (WAL)" if "WAL" in env["DATABASE_URL"] else "")
    print(
        f"/q/{code} ({args.slug}), {database}, gunicorn {args.workers} workers, wrk {args.threads} threads "
        f"{args.connections} connections {args.duration} s:"
    )
    print(
        f"  {result['rps']:.0f} redirects/s, latency avg {result['latency_avg']} max {result['latency_max']}, "
        f"non-3xx answers {result['non_3xx']}, socket errors: {result['errors']}"
    )
    print(f"  scans counted {counted} for {result['requests']} requests wrk completed (wrk stops mid-flight)")


if __name__ == "__main__":
    main()
