"""The deployment stack as a city runs it (`make test-stack`, which starts it with deploy/stack.sh and stops it).

PostgreSQL, Redis, two gunicorn app servers and Varnish on 127.0.0.1:STACK_PORT, production settings from
.stack/env. These tests talk to the stack over HTTP only, as visitors and editors do, and reach its database
through `manage.py` pointed at .stack/env, as an operator would; nothing here imports the project.
"""

import concurrent.futures
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.stack

ROOT = Path(__file__).resolve().parents[2]
STACK = ROOT / ".stack"
BASE = f"http://127.0.0.1:{os.environ.get('STACK_PORT', '8080')}"
PLACE = "/id/tempat/candi-badut/"
CHROMIUM = "/usr/bin/chromium"


def stack_env() -> dict[str, str]:
    env = {}
    for line in (STACK / "env").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            env[key] = value.strip('"')
    return env


def manage(*args: str, **extra_env: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **stack_env(), **extra_env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def in_stack(code: str) -> str:
    """Run Python in the stack's Django (manage.py shell) and return what it printed after RESULT=."""
    out = manage("shell", "--verbosity", "0", "-c", code)
    return re.search(r"RESULT=(.*)", out).group(1)


def pid(name: str) -> int:
    return int((STACK / f"{name}.pid").read_text().strip())


def alive(p: int) -> bool:
    try:
        os.kill(p, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module", autouse=True)
def stack_is_up():
    if not (STACK / "env").exists():
        pytest.fail("the stack is not up: `make test-stack` starts it (or `make stack`)")
    for name in ("postgres", "redis", "app-1", "app-2", "varnish"):
        assert alive(pid(name)), f"{name} is not running: `make stack` starts it"
    assert requests.get(BASE + "/robots.txt", timeout=10).status_code == 200


def test_an_edit_published_in_the_admin_reaches_visitors_through_varnish_within_two_seconds(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    username, password = f"stack-{secrets.token_hex(4)}", secrets.token_urlsafe(18)
    manage(
        "createsuperuser",
        "--noinput",
        "--username",
        username,
        "--email",
        f"{username}@heritage.example.id",
        DJANGO_SUPERUSER_PASSWORD=password,
    )
    page_id = in_stack(
        "from heritage.models import PlacePage; "
        "print('RESULT=%d' % PlacePage.objects.get(slug='candi-badut', locale__language_code='id').pk)"
    )

    # The public page is in Varnish before the edit: a second visitor is served without an app server.
    requests.get(BASE + PLACE, timeout=10)
    cached = requests.get(BASE + PLACE, timeout=10)
    assert cached.status_code == 200
    assert cached.headers["X-Cache"] == "HIT"
    # The same page shared on social networks: the tracking parameters make no copy of their own.
    shared = requests.get(BASE + PLACE + "?utm_source=tiktok&utm_medium=social&fbclid=IwAR0bromo", timeout=10)
    assert shared.headers["X-Cache"] == "HIT" and shared.text == cached.text

    new_summary = (
        "Candi Badut, peninggalan Kanjuruhan yang dikaitkan dengan prasasti Dinoyo (760 M); "
        f"ringkasan diterbitkan lewat tumpukan {secrets.token_hex(3)}."
    )
    assert new_summary not in cached.text
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        editor = browser.new_page()
        editor.goto(BASE + "/admin/login/")
        editor.locator("#id_username").fill(username)
        editor.locator("#id_password").fill(password)
        editor.locator("button[type=submit]").click()
        expect(editor).to_have_url(re.compile(r"/admin/$"))
        # An editor's pages are never served from Varnish (their session cookie passes it).
        admin = requests.get(BASE + "/admin/login/", timeout=10)
        assert admin.headers["X-Cache"] == "MISS"

        editor.goto(f"{BASE}/admin/pages/{page_id}/edit/")
        editor.locator("#id_summary").fill(new_summary)
        editor.locator("footer .w-dropdown__toggle").first.click()
        editor.locator("button[name=action-publish]").click()
        expect(editor.locator(".messages")).to_contain_text("published")
        published_at = time.monotonic()
        browser.close()

    seen = None
    while time.monotonic() - published_at < 2.0:
        response = requests.get(BASE + PLACE, timeout=10)
        if new_summary in response.text:
            seen = time.monotonic() - published_at
            break
        time.sleep(0.05)
    assert seen is not None, "the published summary did not reach visitors through Varnish within 2 s"
    # And it is cached again for the next visitor.
    again = requests.get(BASE + PLACE, timeout=10)
    assert new_summary in again.text
    assert again.headers["X-Cache"] == "HIT"
    # The purge reached the shared link too: it is the same cached object.
    shared = requests.get(BASE + PLACE + "?fbclid=IwAR1sunrise", timeout=10)
    assert new_summary in shared.text and shared.headers["X-Cache"] == "HIT"


def _app_server_processes(name: str) -> list[int]:
    master = pid(name)
    workers = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
    return [int(w) for w in workers] + [master]


def test_killing_an_app_server_during_a_load_run_fails_no_request():
    urls = [PLACE, "/id/", "/en/", "/id/tempat/", "/robots.txt"]
    stop = threading.Event()
    killed = threading.Event()
    results: list[tuple[bool, int | str]] = []
    after_kill = []
    lock = threading.Lock()

    def visitor(n: int):
        session = requests.Session()
        i = 0
        while not stop.is_set():
            i += 1
            # Every third request has a query no cache keeps, so the app servers answer it themselves.
            url = BASE + urls[i % len(urls)] + (f"?v={n}-{i}" if i % 3 == 0 else "")
            try:
                status = session.get(url, timeout=30).status_code
                outcome = (status == 200, status)
            except requests.RequestException as error:
                outcome = (False, repr(error))
            with lock:
                results.append(outcome)
                if killed.is_set():
                    after_kill.append(outcome)

    processes = _app_server_processes("app-2")
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for n in range(8):
            pool.submit(visitor, n)
        time.sleep(3)
        for p in processes:  # the whole server, at once and without warning: workers, then the master
            os.kill(p, signal.SIGKILL)
        killed.set()
        time.sleep(6)  # past the health probe's window: Varnish has marked app-2 sick by now
        stop.set()

    try:
        assert not any(alive(p) for p in processes)
        failed = [outcome for ok, outcome in results if not ok]
        assert len(results) > 100, f"the load run made only {len(results)} requests"
        assert len(after_kill) > 50, "too few requests after the kill to show anything"
        assert failed == [], f"{len(failed)} of {len(results)} requests failed: {failed[:5]}"
    finally:
        # Put the stack back as it was: `up` starts what is not running.
        subprocess.run(
            ["bash", "deploy/stack.sh", "up"], cwd=ROOT, check=True, capture_output=True, timeout=300
        )
    assert alive(pid("app-2"))


def _scans_of(code: str) -> int:
    manage("flush_scans", "--verbosity", "0")
    return int(
        in_stack(
            "from django.db.models import Sum; from plaques.models import ScanCount; "
            f"print('RESULT=%d' % (ScanCount.objects.filter(short_code__code={code!r})"
            ".aggregate(s=Sum('count'))['s'] or 0))"
        )
    )


def test_scans_through_varnish_are_counted_exactly_through_redis():
    code = in_stack(
        "from plaques.models import ShortCode; "
        "print('RESULT=' + ShortCode.objects.filter(page__live=True).order_by('pk').first().code)"
    )
    before = _scans_of(code)
    visitors = 300
    run = secrets.token_hex(3)  # phones never seen before, not even by an earlier run within the dedup window

    def scan(n: int):
        # One phone each (the address is the same here, so the browser tells them apart).
        agent = f"Mozilla/5.0 (Linux; Android 14; Stack Test Phone {run}-{n}) Mobile Safari/537.36"
        return requests.get(
            f"{BASE}/q/{code}", headers={"User-Agent": agent}, allow_redirects=False, timeout=30
        )

    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        responses = list(pool.map(scan, range(visitors)))
    assert {r.status_code for r in responses} == {302}
    # Varnish never answers a scan itself: every one reached an app server and was counted there.
    assert {r.headers["X-Cache"] for r in responses} == {"MISS"}
    assert len({r.headers["Location"] for r in responses}) == 1

    assert _scans_of(code) == before + visitors
    # A phone scanning again at once is the same visitor, not a new scan.
    scan(0)
    assert _scans_of(code) == before + visitors
