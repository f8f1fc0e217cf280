"""Issue 16, legal status on the tourist pages: every bundled place that is designated shows its rank and its
decree or designation event, with a source a reader can open; a place no source calls designated shows no
status at all (no bundled source says of a place that it is *not* designated, so no page says so)."""

import html
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLACES = ROOT / "geodata" / "data" / "places.geojson"
REGISTER = ROOT / "heritage" / "content" / "register"
RANKS = {"en": {"city": "City", "provincial": "Provincial", "national": "National"},
         "id": {"city": "Kota", "provincial": "Provinsi", "national": "Nasional"}}  # fmt: skip
NOT_DESIGNATED = re.compile(r"not designated|belum ditetapkan|bukan cagar budaya|tidak ditetapkan", re.I)


def _bundled_places():
    return {
        f["properties"]["slug"]: f["properties"] for f in json.loads(PLACES.read_text("utf-8"))["features"]
    }


def _register_by_place():
    linked = {}
    for path in sorted(REGISTER.glob("*.json")):
        listing = json.loads(path.read_text("utf-8"))
        for item in listing["entries"]:
            if item.get("place"):
                rank = item.get("rank") or listing["rank"]
                sources = [*item.get("sources", []), *listing.get("sources", [])]
                linked[item["place"]] = {
                    "rank": rank,
                    "decree": item.get("decree_number"),
                    "sources": sources,
                }
    return linked


def test_every_designation_in_the_bundled_data_names_its_source():
    for slug, props in _bundled_places().items():
        designation = props.get("designation")
        if designation:
            assert str(designation.get("source", "")).startswith("https://"), slug
    for slug, entry in _register_by_place().items():
        assert entry["sources"] and all(url.startswith("https://") for url in entry["sources"]), slug


def test_every_designated_place_links_its_register_entry():
    """A place the bundled data call designated is in the register, so its page gives the rank."""
    linked = _register_by_place()
    for slug, props in _bundled_places().items():
        if props.get("designation"):
            assert slug in linked, slug


@pytest.fixture(scope="module")
def bundled_site(django_db_setup, django_db_blocker):
    """The whole bundled seed, once for the module, in a transaction rolled back at its end (as
    tests/security/conftest.py does): a flush would also take the migrations' root page and site from every
    later test on the same worker."""
    from django.db import transaction

    from home.seed import seed

    with django_db_blocker.unblock(), transaction.atomic():
        seed()
        yield
        transaction.set_rollback(True)


def _facts(text):
    start = text.index('class="facts"')
    return text[start : text.index("</aside>", start)]


@pytest.mark.django_db
def test_each_bundled_page_shows_its_legal_status_only_where_a_source_gives_one(client, bundled_site):
    from heritage.models import PlacePage

    places, linked = _bundled_places(), _register_by_place()
    checked = 0
    for page in PlacePage.objects.live().specific():
        slug, lang = page.slug, page.locale.language_code
        if slug not in places:
            continue
        facts = _facts(client.get(page.url).content.decode())
        assert not NOT_DESIGNATED.search(facts), (slug, lang)
        entry = linked.get(slug)
        if entry is None:
            assert "register-facts" not in facts and "SK " not in facts, (slug, lang)
            continue
        status = facts[facts.index('class="register-facts"') :]
        status = status[: status.index("</dd>")]
        assert RANKS[lang][entry["rank"]] in status, (slug, lang, status)
        if entry["decree"]:
            assert f"SK {entry['decree']}" in status, (slug, lang)
        source = re.search(r'<a href="([^"]+)"[^>]*data-register-source', status)
        assert source and html.unescape(source.group(1)) in entry["sources"], (slug, lang)
        checked += 1
    assert checked == 2 * len(linked)
