"""The bundled itineraries, seeded from itineraries/content with the real corridor network."""

import datetime as dt
import json
from pathlib import Path

import pytest

from django.core.management import call_command

CONTENT = Path(__file__).resolve().parents[2] / "itineraries" / "content" / "itineraries.json"


@pytest.fixture(scope="module")
def bundled(django_db_setup, django_db_blocker):
    """The whole bundled content, seeded once for this module in a transaction rolled back after it."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_malang", "--skip-index", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(bundled, db):
    """Each test in its own savepoint within the module's seed."""


def test_every_bundled_itinerary_is_published_in_both_languages_and_routed_by_its_modes(seeded):
    from itineraries.models import ItineraryPage

    bundled = json.loads(CONTENT.read_text())["itineraries"]
    for entry in bundled:
        page = ItineraryPage.objects.live().get(slug=entry["slug"]).specific
        english = ItineraryPage.objects.live().get(slug=entry["slug_en"]).specific
        assert english.translation_key == page.translation_key
        assert len(page.legs) == len(entry["stops"]) - 1, entry["slug"]
        assert all(leg["distance_m"] > 0 and leg["duration_s"] > 0 for leg in page.legs), entry["slug"]
        assert page.route_data["distance_m"] == pytest.approx(sum(leg["distance_m"] for leg in page.legs))

    walk = ItineraryPage.objects.get(slug="jalan-kaki-kayutangan-alun-alun").specific
    assert {leg["mode"] for leg in walk.legs} == {"walk"}
    assert walk.route_data["distance_m"] < 5_000
    drive = ItineraryPage.objects.get(slug="jejak-singhasari").specific
    assert {leg["mode"] for leg in drive.legs} == {"car"}
    assert "Jalan Raya Pandaan - Prigen" in drive.legs[-1]["road_names"]


def test_the_bromo_sunrise_trip_reaches_the_crater_before_sunrise_in_july_and_december(seeded):
    from itineraries.models import ItineraryPage

    page = ItineraryPage.objects.live().get(slug="candi-tumpang-dan-sunrise-bromo").specific
    departures = {}
    for day in (dt.date(2026, 7, 15), dt.date(2026, 12, 15)):
        schedule = page.schedule(day)
        crater = next(row for row in schedule.rows if row.stop.place.slug == "kawah-bromo")
        # The trip starts on the chosen date; the sunrise is on its second day.
        assert crater.sunrise.date() == day + dt.timedelta(days=1)
        assert crater.arrive <= crater.sunrise - dt.timedelta(minutes=page.sunrise_margin_min)
        night_start = next(row for row in schedule.rows if row.day == 2)
        assert night_start.arrive.date() == crater.sunrise.date() and night_start.arrive.hour < 5
        departures[day] = night_start.arrive.time()
    # Sunrise in East Java is about half an hour later in July than in December, and so is the start.
    assert departures[dt.date(2026, 7, 15)] > departures[dt.date(2026, 12, 15)]


def test_the_semeru_approach_drives_to_ranu_pani_and_hikes_to_ranu_kumbolo_over_two_days(seeded):
    from itineraries.models import ItineraryPage

    page = ItineraryPage.objects.live().get(slug="pendakian-semeru-ranu-kumbolo").specific
    assert page.days == 2 and page.mode == "hike"
    assert [leg["mode"] for leg in page.legs] == ["car", "hike", "hike", "car"]
    to_lake = page.legs[1]
    assert to_lake["distance_m"] == pytest.approx(10_000, rel=0.01)  # the published walked length
    assert 4 * 3600 <= to_lake["duration_s"] <= 5 * 3600
    assert "bookingsemeru.bromotenggersemeru.org" in " ".join(link.url for link in page.links.all())
    assert "H-3" in page.booking_rules and "PPGST" in page.booking_rules

    schedule = page.schedule(dt.date(2026, 8, 1))
    lake = next(row for row in schedule.rows if row.stop.place.slug == "ranu-kumbolo")
    back = schedule.rows[3]
    assert lake.day == 1 and back.day == 2
    # The night is spent at the lake: the walk back leaves on the second day.
    assert lake.depart.date() == dt.date(2026, 8, 2) and back.arrive > lake.depart
