"""`make audit` (issue 17): Lighthouse (mobile) and the Nu HTML Checker on one page of every public type, in
Indonesian and in English, and a table of what they found.

    .venv/bin/python bench/audit.py [--url http://127.0.0.1:8000] [--cache .cache/audit] [--only NAME ...]

Without `--url` (or AUDIT_URL) a site is built as the browser tests build it: a throwaway SQLite file migrated
and seeded with the bundled Malang content (`seed_malang`), static files collected, served by gunicorn with
`config.settings.production` on a free local port, behind a small front server on localhost that sends
the media files (as the deployment's front server would; gunicorn does not). With `--url`, that running
site is audited and the pages' paths are read with `manage.py shell` from this checkout's database (the one `make run` serves).

The pages are bench/audited_pages.py's (the axe-core browser test opens the same). Lighthouse and vnu.jar come
from the npm packages `lighthouse` and `vnu-jar` that `make audit` installs into the cache folder; Lighthouse
drives Debian's chromium (headless, --no-sandbox). Nothing is fetched from the network while it runs: the
site is on localhost, its map tiles come from a stand-in on localhost (the built site only; a running site
keeps its own MAP_TILE_URL), and both tools work offline. Reports go to bench/results/audit-<UTC time>/.

Targets (the issue's): performance >= 95, accessibility, best practices and SEO 100, and no Nu error. Lighthouse
refuses to audit a page that answers an error (ERRORED_DOCUMENT_REQUEST), so the 404 page, which answers 404
on purpose, gets the Nu checker only (the axe-core test covers its accessibility); its scores show as "-".
Exit status 1 when a page misses a target.
"""

import argparse
import datetime as dt
import http.client
import json
import mimetypes
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bench.audited_pages import PAGES_SCRIPT  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pages_of_checkout() -> list[list[str]]:
    """The audited pages' paths read from this checkout's own database (`make run`'s)."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PAGES_SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser that gave up on a request
            super().handle_error(request, client_address)


def tile_server() -> ThreadingHTTPServer:
    """A stand-in for the map's tile server on localhost: every tile is the tests' one PNG. The audit has no
    network, and tiles that fail to load would count against best practices (console errors) for a reason
    a deployed site does not have; loaded tiles are weighed in performance as real ones would be."""
    tile = (ROOT / "tests" / "fixtures" / "tile.png").read_bytes()

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.send_header("Cache-Control", "public, max-age=86400")
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    server = QuietServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def front_server(app_port: int, media: Path) -> ThreadingHTTPServer:
    """What the front server does for the built site: media files from MEDIA_ROOT (the production settings
    leave them to it), everything else passed to gunicorn as it came, answered as gunicorn answered."""

    class Front(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            if self.path.startswith("/media/"):
                file = media / urllib.parse.unquote(self.path.split("?")[0].removeprefix("/media/"))
                if file.resolve().is_relative_to(media.resolve()) and file.is_file():
                    body = file.read_bytes()
                    self.send_response(200)
                    self.send_header(
                        "Content-Type", mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                    )
                    self.send_header("Cache-Control", "public, max-age=86400")
                else:
                    body = b"Not found"
                    self.send_response(404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            connection = http.client.HTTPConnection("127.0.0.1", app_port, timeout=120)
            headers = {name: value for name, value in self.headers.items() if name.lower() != "connection"}
            connection.request("GET", self.path, headers=headers)
            answer = connection.getresponse()
            body = answer.read()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            connection.close()

        def log_message(self, *args):
            pass

    server = QuietServer(("127.0.0.1", 0), Front)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def served_site(folder: Path, tiles: str):
    """(base URL, pages, gunicorn process) of a freshly seeded site served as in production."""
    from tests.qr.served_site import Site

    site = Site(folder, folder / "static", MAP_TILE_URL=tiles)
    print("Building a seeded site (migrate, seed_malang, collectstatic)…", flush=True)
    site.manage("migrate", "--noinput", "-v0")
    site.manage("seed_malang")
    site.manage("collectstatic", "--noinput", "-v0")
    pages = site.shell(PAGES_SCRIPT)
    server = site.serve(workers=2)
    front = front_server(server.port, folder / "media")
    return f"http://127.0.0.1:{front.server_address[1]}", pages, server.process


def lighthouse(cache: Path, url: str, report: Path) -> dict:
    """Lighthouse's mobile run (its default form factor and simulated throttling) of one page."""
    cli = cache / "node_modules" / "lighthouse" / "cli" / "index.js"
    subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if not report.exists():
        return {"scores": {}, "failed": ["lighthouse did not write a report"]}
    data = json.loads(report.read_text())
    scores = {
        name: None
        if data["categories"][name]["score"] is None
        else round(data["categories"][name]["score"] * 100)
        for name in CATEGORIES
        if name in data["categories"]
    }
    failed = []
    for name in CATEGORIES:
        for ref in data["categories"].get(name, {}).get("auditRefs", []):
            audit = data["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failed.append(f"{name}: {ref['id']} ({audit['score']})")
    return {"scores": scores, "failed": failed, "runtime_error": data.get("runtimeError", {}).get("code")}


def nu_errors(cache: Path, files: dict[str, Path]) -> dict[str, list[str]]:
    """The Nu HTML Checker's errors in each saved page, by page name."""
    jar = cache / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--exit-zero-always", *map(str, files.values())],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    by_file = {str(path.resolve()): name for name, path in files.items()}
    errors = {name: [] for name in files}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        name = by_file.get(str(Path(message.get("url", "").removeprefix("file:")).resolve()))
        line = f"line {message.get('lastLine', '?')}: {message.get('message', '')}"
        errors.setdefault(name or "?", []).append(line)
    return errors


def is_error_page(name: str) -> bool:
    return name.startswith("404")


def misses(row: dict) -> list[str]:
    if row.get("not_audited"):
        return []
    out = [
        f"{category} {row['scores'].get(category)} < {target}"
        for category, target in TARGETS.items()
        if row["scores"].get(category) is None or row["scores"][category] < target
    ]
    return out + ([f"lighthouse: {row['runtime_error']}"] if row.get("runtime_error") else [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("AUDIT_URL") or None)
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "audit")
    parser.add_argument(
        "--only", nargs="*", default=[], help="audit only the pages whose name holds one of these"
    )
    args = parser.parse_args()

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = ROOT / "bench" / "results" / f"audit-{stamp}"
    out.mkdir(parents=True)
    process = None
    with tempfile.TemporaryDirectory(prefix="malang-audit-") as scratch:
        if args.url:
            base, pages = args.url.rstrip("/"), pages_of_checkout()
        else:
            tiles = tile_server()
            tile_url = f"http://127.0.0.1:{tiles.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
            base, pages, process = served_site(Path(scratch), tile_url)
        try:
            if args.only:
                pages = [[name, path] for name, path in pages if any(part in name for part in args.only)]
            html_files, rows = {}, {}
            for name, path in pages:
                slug = "".join(c if c.isalnum() else "-" for c in name)
                if is_error_page(name):
                    rows[name] = {"scores": {}, "failed": [], "not_audited": True}
                else:
                    print(f"Lighthouse: {name} {path}", flush=True)
                    rows[name] = lighthouse(args.cache, base + path, out / f"{slug}.lighthouse.json")
                request = urllib.request.Request(base + path, headers={"Accept-Language": name[-3:-1]})
                try:
                    body = urllib.request.urlopen(request, timeout=60).read()
                except urllib.error.HTTPError as error:  # the 404 page: its body is what is checked
                    body = error.read()
                html_files[name] = out / f"{slug}.html"
                html_files[name].write_bytes(body)
            print("Nu HTML Checker…", flush=True)
            nu = nu_errors(args.cache, html_files)
        finally:
            if process is not None:
                process.kill()
                process.wait()

    header = f"{'page':<30} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'nu':>4}  misses"
    lines, missed = [header, "-" * len(header)], 0
    for name, _path in pages:
        row = rows[name]
        scores = row["scores"]
        problems = misses(row) + ([f"{len(nu[name])} Nu errors"] if nu[name] else [])
        missed += bool(problems)
        cells = [scores.get(category) for category in CATEGORIES]
        lines.append(
            f"{name:<30} "
            + " ".join(f"{'-' if c is None else c:>5}" for c in cells)
            + f" {len(nu[name]):>4}  "
            + "; ".join(problems)
        )
    lines.append(f"\n{len(pages) - missed} of {len(pages)} pages meet every target. Reports: {out}")
    table = "\n".join(lines)
    print("\n" + table)
    (out / "summary.txt").write_text(table + "\n")
    details = {name: {**rows[name], "path": path, "nu": nu[name]} for name, path in pages}
    (out / "details.json").write_text(json.dumps(details, indent=1, ensure_ascii=False))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
