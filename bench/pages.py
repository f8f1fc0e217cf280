"""Benchmark: the public site side by side with a static file, under wrk against the production server.

    .venv/bin/python bench/pages.py [--workers 2] [--connections 16] [--duration 10] [--rounds 3]

One gunicorn (`config.settings.production`, sync workers, the embedded default: SQLite, page cache and tree
cache in files shared by the workers) on a throwaway seeded database, maps drawn as at publication. In each
round, one after the other so that every figure sees the same machine: a static file served by the same
process (whitenoise), the place page from the page cache, the place page past every page cache (a query
string the page cache never keeps: the page is rendered from the parts its publication drew and kept,
heritage/fragments.py, what a visitor gets right after a publication),
and `/q/<code>` as a phone scans it (looked up, counted, redirected). Then the resident memory of each worker
after it served every public page type, and which heavy libraries it loaded. Needs wrk (`apt-get install wrk`).
`--reference URL` adds a page of another server to every round, measured the same way (wrk sends it the
same headers): Wagtail's bakerydemo blog page, say, served by gunicorn with the same number of sync workers
on the same machine (bench/README.md says how it was set up). No timing is asserted.
"""

import argparse
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qr_scans import ROOT, VENV_BIN, code_and_scans, free_port, manage, parse_wrk, production_env, wait_for

HEAVY = (
    "folium",
    "pandas",
    "geopandas",
    "shapely",
    "pyproj",
    "numpy",
    "openpyxl",
    "reportlab",
    "scipy",
    "redis",
)


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def loaded_heavy(pid: int) -> list[str]:
    maps = Path(f"/proc/{pid}/maps").read_text()
    return [name for name in HEAVY if f"/site-packages/{name}/" in maps]


PROXIED = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front says (wrk sends it too)


def absolute(base: str, url: str) -> str:
    return url if url.startswith("http") else base + url


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slug", default="candi-badut")
    parser.add_argument("--reference", help="a page of another, already running server, measured alongside")
    args = parser.parse_args()
    wrk = shutil.which("wrk") or sys.exit("wrk is not installed: `apt-get install wrk`, then rerun.")

    folder = tempfile.mkdtemp(prefix="pages-bench-")
    env = {
        **production_env(folder),
        "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
        "QR_BASE_URL": "https://heritage.example.id",
        "EMAIL_URL": "console://",
        "DEFAULT_FROM_EMAIL": "noreply@heritage.example.id",
        "PAGE_CACHE_DIR": f"{folder}/pages",
        "PUBLISHED_CACHE_DIR": f"{folder}/published",
        "MAP_CACHE_DIR": f"{folder}/maps",
        "SCAN_DEDUP_WINDOW": "0",  # wrk is one phone: count each request
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on 127.0.0.1, as behind a TLS proxy (the stack does the same)
    }
    print(f"throwaway site in {folder}: migrating, seeding, collecting static files, drawing maps…")
    manage(env, "migrate", "--verbosity=0")
    manage(env, "seed_malang", "--skip-index", "--verbosity=0")
    manage(env, "collectstatic", "--no-input", "--verbosity=0")
    manage(env, "draw_maps")
    code, _ = code_and_scans(env, args.slug)
    static = next((Path(env["STATIC_ROOT"]) / "heritage").rglob("*.css"))
    static_url = "/static/" + str(static.relative_to(env["STATIC_ROOT"]))

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "--chdir", str(ROOT / "site"), "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(args.workers), "--log-level", "warning", "config.wsgi:application"],
        env=env,
        cwd=ROOT,
    )
    place = f"/id/tempat/{args.slug}/"
    targets = {
        "static file (whitenoise, same process)": static_url,
        "place page, page cache hit": place,
        "place page, past every page cache": place + "?bench=1",
        f"/q/{code} scan (302, counted)": f"/q/{code}",
    }
    if args.reference:
        targets[f"reference: {args.reference}"] = args.reference
    results: dict[str, list[float]] = {name: [] for name in targets}
    try:
        wait_for(port, "/robots.txt", server)
        for url in targets.values():  # warm: the page cache, the tree cache and the QR lookup hold the page
            urllib.request.urlopen(urllib.request.Request(absolute(base, url), headers=PROXIED)).read()
        for round_ in range(args.rounds):
            for name, url in targets.items():
                command = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
                command += [
                    "-H",
                    "X-Forwarded-Proto: https",
                    "-H",
                    "User-Agent: Mozilla/5.0 (Android 14) bench",
                ]
                output = subprocess.run(
                    command + [absolute(base, url)], capture_output=True, text=True, check=True
                ).stdout
                parsed = parse_wrk(output)
                if parsed["non_3xx"] or parsed["errors"] != "none":
                    print(f"  {name}: {parsed['non_3xx']} non-2xx/3xx, socket errors {parsed['errors']}")
                results[name].append(parsed["rps"])
                print(
                    f"round {round_ + 1} {name}: {parsed['rps']:.0f} req/s (latency {parsed['latency_avg']})"
                )

        # Memory after every public page type, as a worker holds it for the rest of its life.
        pages = manage(
            env,
            "shell",
            "--verbosity=0",
            "-c",
            "from wagtail.models import Page\n"
            "seen = set()\n"
            "for p in Page.objects.live().filter(depth__gt=1).specific():\n"
            "    key = (type(p).__name__, p.locale_id)\n"
            "    if key not in seen and p.url: seen.add(key); print('URL=' + p.url)\n",
        )
        urls = re.findall(r"URL=(\S+)", pages)
        for _ in range(args.workers * 3):
            for url in urls:
                urllib.request.urlopen(base + url + "?memory=1").read()
        workers = subprocess.run(
            ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
        ).stdout.split()
        memory = [(rss_mb(int(w)), loaded_heavy(int(w))) for w in workers]
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()

    static_rps = statistics.median(results[next(iter(targets))])
    print(
        f"\ngunicorn {args.workers} sync workers, SQLite, wrk {args.threads} threads {args.connections} "
        f"connections, {args.rounds} rounds of {args.duration} s, medians:"
    )
    reference = statistics.median(results[f"reference: {args.reference}"]) if args.reference else None
    print(
        "| measurement | req/s | ratio to the static file |"
        + (" ratio to the reference |\n|---|---|---|---|" if reference else "\n|---|---|---|")
    )
    for name, values in results.items():
        median = statistics.median(values)
        row = f"| {name} | {median:.0f} | {median / static_rps:.2f}× |"
        print(row + (f" {median / reference:.2f}× |" if reference else ""))
    print(f"\nworkers after serving the {len(urls)} public page types (both languages), uncached:")
    for mb, heavy in memory:
        print(f"  {mb:.0f} MB resident, heavy libraries loaded: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
