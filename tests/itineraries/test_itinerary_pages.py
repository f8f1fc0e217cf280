import json
import re
from pathlib import Path

import pytest
from lxml import etree

from django.utils import translation

from itineraries.routing import ItineraryRouteError

GPX_XSD = Path(__file__).resolve().parents[1] / "geodata" / "data" / "gpx11_subset.xsd"

TEMPLE_TO_CRATER = [
    ("candi-badut", 1, 0, False, ""),
    ("candi-jago", 1, 60, False, ""),
    ("kawah-bromo", 1, 60, True, "jeep"),
]


def test_saving_an_itinerary_stores_each_legs_distance_duration_and_roads(
    sample_site, sample_network, make_itinerary
):
    page = make_itinerary(sample_site, TEMPLE_TO_CRATER)
    first, second = page.route_data["legs"]
    assert first["from"] == "Candi-badut (id)" and first["to"] == "Candi-jago (id)"
    assert first["mode"] == "car" and second["mode"] == "jeep"
    assert first["road_names"] == ["Jalan Uji Badut–Jago"]
    assert 17_000 < first["distance_m"] < 19_000  # the fixture road, measured in UTM 49S
    assert first["duration_s"] == pytest.approx(first["distance_m"] / (40 / 3.6), rel=0.02)
    assert page.route_data["distance_m"] == pytest.approx(first["distance_m"] + second["distance_m"], abs=0.2)


def test_a_car_to_the_crater_is_refused_naming_the_leg_and_the_reason(
    sample_site, sample_network, make_itinerary
):
    with pytest.raises(ItineraryRouteError) as error, translation.override("en"):
        make_itinerary(sample_site, [("candi-jago", 1, 0, False, ""), ("kawah-bromo", 1, 30, False, "")])
    message = str(error.value)
    assert "leg 1" in message and "Kawah-bromo (id)" in message and "car" in message


def test_a_stop_on_an_earlier_day_than_the_one_before_is_refused(sample_site, sample_network, make_itinerary):
    with pytest.raises(ItineraryRouteError, match="day"), translation.override("en"):
        make_itinerary(
            sample_site, [("candi-badut", 2, 0, False, ""), ("candi-jago", 1, 30, False, "")], days=2
        )


def test_viewing_an_itinerary_never_runs_the_router(
    client, sample_site, sample_network, monkeypatch, make_itinerary
):
    page = make_itinerary(sample_site, TEMPLE_TO_CRATER)
    import geodata.routing

    calls = []

    def counting_route(*args, **kwargs):
        calls.append(args)
        raise AssertionError("the router ran during a visit")

    # itineraries.routing takes `route` from geodata.routing when it routes (the geo stack loads lazily).
    monkeypatch.setattr(geodata.routing, "route", counting_route)
    for url in (page.url, page.url + "?date=2026-07-15", page.url + "gpx/", "/api/itineraries.geojson"):
        assert client.get(url).status_code == 200
    assert calls == []


def test_the_page_shows_a_timed_schedule_for_the_chosen_date(
    client, sample_site, sample_network, make_itinerary
):
    page = make_itinerary(sample_site, TEMPLE_TO_CRATER)
    july = client.get(page.url + "?date=2026-07-15").content.decode()
    december = client.get(page.url + "?date=2026-12-15").content.decode()
    assert 'data-date="2026-07-15"' in july
    departure = re.compile(r'<time class="depart" datetime="([^"]+)"')
    assert departure.search(july).group(1) != departure.search(december).group(1)
    assert "sunrise" in july or "matahari" in july


@pytest.mark.parametrize("bad", ["2026-13-45", "tomorrow", "1800-01-01", "%00"])
def test_a_bad_date_is_explained_with_a_400_not_a_500(
    client, sample_site, sample_network, bad, make_itinerary
):
    page = make_itinerary(sample_site, TEMPLE_TO_CRATER)
    response = client.get(page.url + "?date=" + bad)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_gpx_reads_back_with_every_waypoint_in_order(client, sample_site, sample_network, make_itinerary):
    gpxpy = pytest.importorskip("gpxpy")
    page = make_itinerary(sample_site, TEMPLE_TO_CRATER)
    response = client.get(page.url + "gpx/")
    assert response["Content-Type"] == "application/gpx+xml"
    schema = etree.XMLSchema(etree.parse(str(GPX_XSD)))
    schema.assertValid(etree.fromstring(response.content))
    gpx = gpxpy.parse(response.content.decode())
    assert [w.name for w in gpx.waypoints] == ["Candi-badut (id)", "Candi-jago (id)", "Kawah-bromo (id)"]
    points = [p for r in gpx.routes for p in r.points] + [
        p for t in gpx.tracks for s in t.segments for p in s.points
    ]
    assert len(points) >= 5
    assert points[0].latitude == pytest.approx(-7.9577, abs=1e-3)
    assert points[-1].longitude == pytest.approx(112.9531, abs=1e-3)


def test_json_ld_is_a_tourist_trip_with_the_stops_as_an_item_list(
    client, sample_site, sample_network, make_itinerary
):
    extruct = pytest.importorskip("extruct")
    page = make_itinerary(sample_site, TEMPLE_TO_CRATER)
    html = client.get(page.url).content.decode()
    [trip] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert trip["@type"] == "TouristTrip"
    items = trip["itinerary"]["itemListElement"]
    assert [item["item"]["name"] for item in items] == [
        "Candi-badut (id)",
        "Candi-jago (id)",
        "Kawah-bromo (id)",
    ]
    assert [item["position"] for item in items] == [1, 2, 3]


def test_itineraries_geojson_has_the_route_as_geometry_and_legs_in_properties(
    client, sample_site, sample_network, make_itinerary
):
    page = make_itinerary(sample_site, TEMPLE_TO_CRATER)
    data = client.get("/api/itineraries.geojson").json()
    [feature] = data["features"]
    assert feature["geometry"]["type"] == "LineString"
    props = feature["properties"]
    assert props["url"].endswith(page.url) and props["gpx"].endswith(page.url + "gpx/")
    assert props["distance_m"] == page.route_data["distance_m"]
    assert [leg["mode"] for leg in props["legs"]] == ["car", "jeep"]
    assert client.get("/api/itineraries.geojson?lang=xx").status_code == 400


def test_a_draft_itinerary_is_not_in_the_open_data(client, sample_site, sample_network, make_itinerary):
    make_itinerary(sample_site, TEMPLE_TO_CRATER, publish=False)
    assert json.loads(client.get("/api/itineraries.geojson").content)["features"] == []
