"""“Save for offline” (issue 17): the list of what one tap stores, for a place, an itinerary and the
Bromo-Tengger-Semeru corridor (home/offline_pack.py). Every URL listed answers, none is the admin's, a QR short
link or an API, the pages hold their map's base layer and the emergency help, and the corridor pack stays under
2 MB (the sizes are summed from what the test client serves, not timed)."""

import json
import re

import pytest

from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

HOSTILE = "Kawah `${alert(1)}` </script><script>alert(2)</script> {{ 7*7 }} \"'"
TWO_MB = 2_000_000


def body_of(client, url: str) -> bytes:
    """What the phone stores for `url`: the page or file as served (static files from the finders, images from
    the media storage, which the test client does not serve)."""
    if url.startswith("/media/"):
        name = url.removeprefix("/media/")
        assert default_storage.exists(name), url
        with default_storage.open(name) as handle:
            return handle.read()
    response = client.get(url)
    assert response.status_code == 200, url
    if url.startswith("/static/"):
        assert finders.find(url.removeprefix("/static/")), url
        return b"".join(response.streaming_content) if response.streaming else response.content
    return response.content


def pack_of(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return json.loads(response.content)


def assert_storable(client, pack: dict) -> int:
    urls = pack["pages"] + pack["files"]
    assert len(urls) == len(set(urls))
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url  # same origin
        assert not url.startswith(("/admin/", "/django-admin/", "/q/", "/api/", "/documents/")), url
    return sum(len(body_of(client, url)) for url in urls)


@pytest.fixture
def bromo_trip(sample_site, sample_network, make_itinerary):
    """A published trip out to the corridor (Candi Jago, then by jeep to Kawah Bromo) and one that stays in
    the city (Candi Badut, Candi Jago)."""
    out = make_itinerary(
        sample_site, [("candi-jago", 1, 30, False, ""), ("kawah-bromo", 1, 60, True, "jeep")]
    )
    town = make_itinerary(sample_site, [("candi-badut", 1, 30, False, ""), ("candi-jago", 1, 30, False, "")])
    return out, town


def place(slug, language="id"):
    from heritage.models import PlacePage

    return PlacePage.objects.get(slug=slug, locale__language_code=language).specific


def test_a_place_pack_holds_its_page_with_map_base_layer_and_help_and_the_files_it_uses(client, sample_site):
    bromo = place("kawah-bromo", "en")
    pack = pack_of(client, f"/en/offline/pack/{bromo.pk}.json")
    assert pack["id"] == f"page-{bromo.pk}" and pack["language"] == "en" and pack["title"] == bromo.title
    assert pack["pages"] == [bromo.url]
    files = pack["files"]
    for wanted in (
        "site/css/site.css",
        "site/js/offline.js",
        "site/js/save-offline.js",
        "vendor/leaflet/leaflet.js",
        "geodata/map.css",
    ):
        folder, _slash, name = wanted.rpartition("/")
        stem, _dot, suffix = name.rpartition(".")
        hashed = re.compile(rf"/static/{re.escape(folder)}/{re.escape(stem)}(\.[0-9a-f]+)?\.{suffix}")
        assert any(hashed.fullmatch(f) for f in files), (wanted, files)
    assert assert_storable(client, pack) > 0

    html = client.get(bromo.url).content.decode()
    assert '<aside class="help"' in html and 'href="tel:112"' in html  # the emergency help is in the copy
    # The map's base layer, drawn from the bundled roads and trails: a line through the sea of sand's jeep
    # stand (geodata/corridor_data.py: bromo_parking, -7.935, 112.948).
    assert "[-7.935,112.948]" in html


def test_an_itinerary_pack_holds_its_page_gpx_and_stops(client, bromo_trip):
    out, _town = bromo_trip
    pack = pack_of(client, f"/id/offline/pack/{out.pk}.json")
    assert pack["pages"] == [out.url, place("candi-jago").url, place("kawah-bromo").url]
    assert out.url + "gpx/" in pack["files"]
    gpx = client.get(out.url + "gpx/")
    assert gpx.status_code == 200 and b"<gpx" in gpx.content
    assert assert_storable(client, pack) > 0
    html = client.get(out.url).content.decode()
    assert '<aside class="help"' in html and "data-offline-pack" in html


def test_the_corridor_pack_holds_the_corridor_and_the_trips_out_to_it_under_two_megabytes(client, bromo_trip):
    out, town = bromo_trip
    pack = pack_of(client, "/id/offline/pack/corridor.json")
    assert pack["id"] == "corridor-id" and pack["language"] == "id"
    index = pack["pages"][0]
    assert index.endswith("?type=corridor")
    assert place("kawah-bromo").url in pack["pages"]
    assert out.url in pack["pages"] and out.url + "gpx/" in pack["files"]
    assert town.url not in pack["pages"]  # a trip that stays in the city is not the corridor's
    assert place("candi-badut").url not in pack["pages"]
    assert all(url.startswith("/id/") for url in pack["pages"])
    assert any(
        url.endswith(".svg") and "corridor-poster" in url for url in pack["files"]
    )  # the home page's poster
    total = assert_storable(client, pack)
    assert 0 < total < TWO_MB, total

    # The page that holds the corridor's button is the one the pack stores first.
    listing = client.get(index).content.decode()
    assert 'data-offline-pack="/id/offline/pack/corridor.json"' in listing
    assert 'data-pack-id="corridor-id"' in listing


def test_the_button_is_hidden_until_the_script_finds_caches_and_speaks_the_pages_language(
    client, sample_site
):
    badut = place("candi-badut")
    html = client.get(badut.url).content.decode()
    box = re.search(r"<section class=\"save-offline[^>]*>", html).group(0)
    assert " hidden" in box
    assert f'data-offline-pack="/id/offline/pack/{badut.pk}.json"' in box
    assert 'data-text-saved="Tersimpan di perangkat ini pada {time}: {size}."' in box
    assert ">Simpan untuk dibaca tanpa sinyal</button>" in html
    assert re.search(r'<script src="/static/site/js/save-offline[^"]*\.js" defer></script>', html)
    english = client.get(place("candi-badut", "en").url).content.decode()
    assert ">Save for offline</button>" in english


@pytest.mark.parametrize("url", ["/en/offline/pack/999999.json", "/en/offline/pack/{home}.json"])
def test_a_pack_of_no_place_or_itinerary_is_a_clear_404(client, sample_site, url):
    from home.models import HomePage

    response = client.get(url.format(home=HomePage.objects.first().pk))
    assert response.status_code == 404
    assert "error" in json.loads(response.content)


def test_a_hostile_title_reaches_the_pack_as_a_json_string_and_the_button_as_escaped_text(
    client, sample_site
):
    bromo = place("kawah-bromo", "en")
    bromo.title = HOSTILE
    bromo.save_revision().publish()
    bromo.refresh_from_db()
    pack = pack_of(client, f"/en/offline/pack/{bromo.pk}.json")
    assert pack["title"] == HOSTILE
    html = client.get(bromo.url).content.decode()
    box = re.search(r"<section class=\"save-offline.*?</section>", html, re.DOTALL).group(0)
    assert "</script><script>alert(2)" not in box and "{{ 7*7 }}" not in box.replace("{time}", "")
    # Nothing of the title is in the button's markup: its texts are the interface's own.
    assert "alert" not in box
    # The pack's saved copy of the page holds the title only escaped.
    assert "</script><script>alert(2)</script>" not in html
