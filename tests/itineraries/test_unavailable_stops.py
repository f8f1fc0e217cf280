"""Unpublished means gone: a place that is unpublished, made private or deleted disappears from every
itinerary that visits it (the page, its print view, its GPX, the open-data GeoJSON), the page says a stop
is unavailable without linking anywhere, no route line or clock time crosses the gap, and the editor is
told on the itinerary's edit page and when saving it."""

import re

import pytest

from django.utils import translation

from wagtail.models import PageViewRestriction

from tests.itineraries.conftest import admin_form_data

TEMPLE_TO_CRATER = [
    ("candi-badut", 1, 0, False, ""),
    ("candi-jago", 1, 60, False, ""),
    ("kawah-bromo", 1, 60, True, "jeep"),
]
UNAVAILABLE_ID = "Perhentian ini sedang tidak tersedia"
JAGO = "Candi-jago (id)"


def _place(slug):
    from heritage.models import PlacePage

    return PlacePage.objects.get(slug=slug, locale__language_code="id").specific


def _gpx(client, page):
    gpxpy = pytest.importorskip("gpxpy")
    response = client.get(page.url + "gpx/")
    assert response.status_code == 200
    return gpxpy.parse(response.content.decode())


def _route_points(gpx):
    return [(p.latitude, p.longitude) for r in gpx.routes for p in r.points]


def _feature(client, page):
    response = client.get("/api/itineraries.geojson")
    assert response.status_code == 200
    [feature] = [f for f in response.json()["features"] if f["id"] == page.pk]
    return feature


@pytest.fixture
def trip(sample_site, sample_network, make_itinerary):
    return make_itinerary(sample_site, TEMPLE_TO_CRATER)


def _assert_jago_is_gone(client, page):
    for url in (page.url, page.url + "?print=1", page.url + "?print=1&date=2026-07-15"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert JAGO not in html
        assert UNAVAILABLE_ID in html
        assert "/candi-jago/" not in html  # no link to a page that is gone
        # The stop is gone from the middle: no clock time is computed across the gap.
        assert '<time class="arrive"' not in html and '<time class="depart"' not in html
        assert "data-distance-m" not in html  # no total that counts legs to a place that is gone
    gpx = _gpx(client, page)
    assert [w.name for w in gpx.waypoints] == ["Candi-badut (id)", "Kawah-bromo (id)"]
    assert _route_points(gpx) == []  # both legs touched Candi Jago: no line remains
    feature = _feature(client, page)
    props = feature["properties"]
    assert props["route_complete"] is False and props["unavailable_stops"] == 1
    assert [s["name"] for s in props["stops"]] == ["Candi-badut (id)", "Kawah-bromo (id)"]
    assert props["legs"] == [] and props["distance_m"] is None and feature["geometry"] is None
    assert JAGO not in str(feature)


def test_an_unpublished_place_leaves_the_page_print_view_gpx_and_geojson(client, trip):
    before = client.get(trip.url + "?date=2026-07-15").content.decode()
    assert JAGO in before and '<time class="depart"' in before
    _place("candi-jago").unpublish()
    _assert_jago_is_gone(client, trip)


def test_a_deleted_place_leaves_the_itinerary_which_still_serves(client, trip):
    from itineraries.models import ItineraryStop

    _place("candi-jago").delete()
    stop = ItineraryStop.objects.get(page=trip, sort_order=1)
    assert stop.place_id is None  # the stop stays, as "unavailable"
    _assert_jago_is_gone(client, trip)
    assert client.get(trip.url + "?date=2026-07-15").status_code == 200


def test_a_private_place_is_unavailable_too(client, trip):
    PageViewRestriction.objects.create(page=_place("candi-jago"), restriction_type="login")
    _assert_jago_is_gone(client, trip)


def test_republishing_the_place_brings_the_stop_back(client, trip):
    jago = _place("candi-jago")
    jago.unpublish()
    jago.save_revision().publish()
    html = client.get(trip.url + "?date=2026-07-15").content.decode()
    assert JAGO in html and UNAVAILABLE_ID not in html and '<time class="depart"' in html
    gpx = _gpx(client, trip)
    assert [w.name for w in gpx.waypoints] == ["Candi-badut (id)", JAGO, "Kawah-bromo (id)"]
    props = _feature(client, trip)["properties"]
    assert props["route_complete"] is True and props["unavailable_stops"] == 0
    assert props["distance_m"] == trip.route_data["distance_m"]


def test_when_the_last_stop_is_gone_the_rest_of_the_trip_is_whole_and_its_totals_honest(client, trip):
    _place("kawah-bromo").unpublish()
    first_leg = trip.route_data["legs"][0]
    html = client.get(trip.url + "?date=2026-07-15").content.decode()
    assert UNAVAILABLE_ID in html and "Kawah-bromo (id)" not in html
    assert f'data-distance-m="{first_leg["distance_m"]}"' in html
    assert '<time class="depart"' in html  # times between the stops that remain are still true
    gpx = _gpx(client, trip)
    assert [w.name for w in gpx.waypoints] == ["Candi-badut (id)", JAGO]
    assert _route_points(gpx)[-1] == pytest.approx(tuple(first_leg["geometry"]["coordinates"][-1][::-1]))
    props = _feature(client, trip)["properties"]
    assert props["route_complete"] is True and props["unavailable_stops"] == 1
    assert props["distance_m"] == first_leg["distance_m"]
    assert [leg["to"] for leg in props["legs"]] == [JAGO]


def test_cards_on_the_index_and_home_page_claim_no_total_through_a_place_that_is_gone(client, trip):
    from heritage.templatetags.heritage_tags import distance

    total = distance(trip.route_data["distance_m"])
    index_url = trip.get_parent().url
    assert total in client.get(index_url).content.decode()
    _place("candi-jago").unpublish()
    for url in (index_url, "/id/"):
        html = client.get(url).content.decode()
        assert trip.title in html and total not in html


def _admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ani", "", "pw-for-tests-only"))


def test_the_edit_page_lists_the_unavailable_stops(client, trip, django_user_model):
    _admin(client, django_user_model)
    _place("candi-jago").unpublish()
    _place("kawah-bromo").delete()
    response = client.get(f"/admin/pages/{trip.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    panel = re.search(r'<div class="unavailable-stops[^"]*".*?</div>', html, re.S)
    assert panel, "no unavailable-stops panel"
    assert JAGO in panel.group(0) and "tidak terbit" in panel.group(0)  # unpublished: the editor sees which
    assert "dihapus" in panel.group(0)  # the deleted place, by its position


def _edit_data(page, stops):
    return admin_form_data(stops, mode=page.mode, title=page.title, slug=page.slug)


def test_saving_an_itinerary_with_an_unpublished_stop_warns_the_editor(client, trip, django_user_model):
    _admin(client, django_user_model)
    jago = _place("candi-jago")
    jago.unpublish()
    stops = [(_place("candi-badut"), ""), (jago, ""), (_place("kawah-bromo"), "jeep")]
    response = client.post(f"/admin/pages/{trip.pk}/edit/", _edit_data(trip, stops), follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any(JAGO in m and "tidak tersedia" in m for m in messages), messages


def test_saving_an_itinerary_whose_stops_are_all_live_gives_no_warning(client, trip, django_user_model):
    _admin(client, django_user_model)
    stops = [(_place("candi-badut"), ""), (_place("candi-jago"), ""), (_place("kawah-bromo"), "jeep")]
    response = client.post(f"/admin/pages/{trip.pk}/edit/", _edit_data(trip, stops), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert not any("tidak tersedia" in m for m in messages), messages


def test_the_notice_is_said_in_english_on_an_english_page():
    from itineraries.trip import UNAVAILABLE_NOTICE

    with translation.override("en"):
        assert str(UNAVAILABLE_NOTICE) == "This stop is currently unavailable"
    with translation.override("id"):
        assert str(UNAVAILABLE_NOTICE) == UNAVAILABLE_ID


def test_publishing_a_revision_saved_before_its_place_was_deleted_keeps_the_stop_unavailable(client, trip):
    """A draft, a scheduled publish or an approved workflow publishes a revision as it was saved, whose stop
    may still name the deleted place: the stop comes out unavailable, not a broken foreign key."""
    from django.db import connection

    from itineraries.models import ItineraryStop

    revision = trip.get_latest_revision()
    _place("candi-jago").delete()
    revision.publish()
    connection.check_constraints()  # what the commit would check
    assert ItineraryStop.objects.get(page=trip, sort_order=1).place_id is None
    _assert_jago_is_gone(client, trip)
