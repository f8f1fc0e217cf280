"""Reading with no signal (issue 17): the web app manifest in each language, the service worker at the root, the
"no signal" page, and the site's mark, whose PNGs are what home/icons.py draws."""

import json
import re
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from django.contrib.staticfiles import finders

from home import icons


def static_file(url: str) -> str:
    assert url.startswith("/static/"), url
    found = finders.find(url.removeprefix("/static/"))
    assert found, f"{url} is not a static file"
    return found


def test_the_service_worker_is_served_at_the_root_never_cached_and_lists_files_that_exist(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    script = response.content.decode()
    shell = json.loads(re.search(r"const SHELL_FILES = (\[.*?\]);", script).group(1))
    offline = json.loads(re.search(r"const OFFLINE = (\{.*?\});", script).group(1))
    assert offline == {"id": "/id/offline/", "en": "/en/offline/"}
    for url in shell:
        if url.startswith("/static/"):
            static_file(url)
        else:
            assert client.get(url).status_code == 200, url
    # What it must never answer for: the admin, the plaques' short links (a scan is counted by the server).
    for pattern in (r"\/admin\/", r"\/q\/", r"\/api\/"):
        assert pattern in script


@pytest.mark.parametrize(
    ("lang", "start", "heading"), [("id", "/id/", "Tidak ada sinyal"), ("en", "/en/", "No signal")]
)
def test_the_manifest_and_the_no_signal_page_speak_the_visitors_language(client, db, lang, start, heading):
    response = client.get(f"/{lang}/manifest.webmanifest")
    assert response.status_code == 200 and response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == lang and manifest["start_url"] == start and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    sizes = set()
    for icon in manifest["icons"]:
        path = static_file(icon["src"])
        if icon["type"] == "image/png":
            with Image.open(path) as image:
                assert f"{image.width}x{image.height}" == icon["sizes"]
                sizes.add(image.width)
    assert {192, 512} <= sizes  # what browsers ask of an installable app
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])

    page = client.get(f"/{lang}/offline/").content.decode()
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{heading}</h1>" in page
    assert f'href="/{lang}/manifest.webmanifest"' in page


def test_every_page_links_the_manifest_the_mark_and_the_worker_and_holds_the_note_hidden(client, sample_site):
    from heritage.models import PlacePage

    for page in PlacePage.objects.live().select_related("locale"):
        lang = page.locale.language_code
        html = client.get(page.url).content.decode()
        assert f'<link rel="manifest" href="/{lang}/manifest.webmanifest">' in html
        assert re.search(
            r'<link rel="icon" href="/static/site/icons/mark[^"]*\.svg" type="image/svg\+xml">', html
        )
        assert re.search(r'<script src="/static/site/js/offline[^"]*\.js" defer></script>', html)
        note = re.search(r'<p id="offline-note"[^>]*>(.*?)</p>', html).group(0)
        assert " hidden" in note and 'class="offline-note__when"' in note


def test_the_icons_are_what_the_drawing_gives():
    assert Path(static_file("/static/site/icons/mark.svg")).read_text() == icons.svg()
    for size in icons.SIZES:
        with Image.open(static_file(f"/static/site/icons/icon-{size}.png")) as committed:
            drawn = icons.png(size)
            assert committed.size == (size, size)
            assert ImageChops.difference(committed.convert("RGB"), drawn).getbbox() is None, (
                f"icon-{size}.png differs from home/icons.py: run `python -m home.icons` in site/"
            )
