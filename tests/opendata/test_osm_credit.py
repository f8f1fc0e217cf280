"""Issue 16: coordinates say where they come from honestly. A point taken from OpenStreetMap (an OSM element,
an Overpass extract or a Nominatim result kept in someone's repository) is credited to OpenStreetMap's
contributors under the ODbL on its page and in every export (GeoJSON, CSV, GeoPackage, the register's feeds),
with the OSM element where the source names it; a point from elsewhere is not."""

import csv
import io
import json
from pathlib import Path

import pytest

from heritage.osm_credit import osm_credit

PLACES = Path(__file__).resolve().parents[2] / "geodata" / "data" / "places.geojson"
COPYRIGHT = "https://www.openstreetmap.org/copyright"
OSM_TITLE = "OpenStreetMap (ODbL) node 12153243211 'Candi Badut', via an OSM extract in a GitHub repository"


def _bundled():
    return {
        feature["properties"]["slug"]: feature["properties"].get("coordinate_source") or {}
        for feature in json.loads(PLACES.read_text(encoding="utf-8"))["features"]
    }


def test_every_bundled_point_from_openstreetmap_is_credited_and_no_other():
    places = _bundled()
    osm = {
        slug for slug, source in places.items() if osm_credit(source.get("title", ""), source.get("url", ""))
    }
    # Overpass extracts, Nominatim results and OSM elements are OSM data ...
    assert {"alun-alun-merdeka", "balai-kota-malang", "candi-karang-besuki", "candi-singosari"} <= osm
    # ... a Wikipedia coordinate only cross-checked against Nominatim is not.
    assert not {"candi-badut", "candi-jago", "candi-kidal", "ranu-pani", "stasiun-kota-baru"} & osm
    for slug in osm:
        assert places[slug]["title"].startswith("OpenStreetMap"), slug


@pytest.mark.parametrize(
    ("slug", "element"),
    [
        ("candi-karang-besuki", "node/12153243211"),
        ("situs-watu-gong", "way/643639449"),
        ("stasiun-kotalama", "node/8072001320"),
        ("tugu-malang", None),  # an Overpass extract's centroid: the source names no element
    ],
)
def test_the_osm_element_is_named_where_the_source_names_it(slug, element):
    source = _bundled()[slug]
    credit = osm_credit(source["title"], source["url"])
    assert credit.element == element
    assert credit.element_url == (f"https://www.openstreetmap.org/{element}" if element else None)
    assert credit.copyright_url == COPYRIGHT


def test_an_address_on_openstreetmap_org_is_osm_data_with_its_element():
    credit = osm_credit("Peta", "https://www.openstreetmap.org/way/643639449")
    assert credit.element == "way/643639449"
    assert osm_credit("Wikipedia", "https://example.org/node/5") is None


@pytest.fixture
def osm_place(place, place_en):
    """Candi Badut, its point now recorded (in both languages) as taken from an OpenStreetMap node."""
    for page in (place, place_en):
        page.coordinate_source = OSM_TITLE
        page.coordinate_source_url = "https://github.com/example/extract/blob/abc/sites.geojson"
        page.save_revision().publish()
        page.refresh_from_db()
    return place


def _credit_in(html):
    return f'href="{COPYRIGHT}"' in html and 'href="https://www.openstreetmap.org/node/12153243211"' in html


def test_the_page_of_an_osm_point_credits_openstreetmap_in_its_facts(client, osm_place, place_en):
    html = client.get(osm_place.url).content.decode()
    facts = html[html.index('class="facts"') :]
    facts = facts[: facts.index("</aside>")]
    assert _credit_in(facts)
    assert "kontributor OpenStreetMap" in facts and "ODbL" in facts and "node/12153243211" in facts
    english = client.get(place_en.url).content.decode()
    assert "© OpenStreetMap contributors" in english and _credit_in(english)


def test_a_page_whose_point_is_not_from_openstreetmap_says_nothing_of_it(client, sample_site):
    from heritage.models import PlacePage

    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="id")
    html = client.get(jago.url).content.decode()
    assert "data-osm-credit" not in html and COPYRIGHT not in html


def test_the_geojson_credits_the_osm_point_and_the_collection(client, osm_place):
    response = client.get("/api/sites.geojson")
    data = response.json()
    props = {f["properties"]["slug"]: f["properties"] for f in data["features"]}
    assert props["candi-badut"]["coordinate_attribution"] == "© OpenStreetMap contributors, ODbL"
    assert props["candi-badut"]["coordinate_licence_url"] == COPYRIGHT
    assert props["candi-badut"]["osm_element"] == "node/12153243211"
    assert (
        props["candi-jago"]["coordinate_attribution"] is None and props["candi-jago"]["osm_element"] is None
    )
    assert "OpenStreetMap contributors" in data["metadata"]["attribution"]
    assert COPYRIGHT in data["metadata"]["attribution"]
    assert "https://opendatacommons.org/licenses/odbl/1-0/" in response["Link"]


def test_without_an_osm_point_the_geojson_claims_no_odbl(client, sample_site):
    response = client.get("/api/sites.geojson")
    assert "OpenStreetMap" not in response.json()["metadata"]["attribution"]
    assert "odbl" not in response["Link"]


def test_the_csv_has_the_credit_in_its_columns(client, osm_place):
    rows = {
        row["slug"]: row for row in csv.DictReader(io.StringIO(client.get("/api/sites.csv").content.decode()))
    }
    assert rows["candi-badut"]["coordinate_attribution"] == "© OpenStreetMap contributors, ODbL"
    assert rows["candi-badut"]["osm_element"] == "node/12153243211"
    assert rows["candi-jago"]["coordinate_attribution"] == ""


def test_the_geopackage_has_the_credit_in_its_attributes(client, osm_place, tmp_path):
    import pyogrio

    path = tmp_path / "places.gpkg"
    path.write_bytes(client.get("/api/sites.gpkg").content)
    frame = pyogrio.read_dataframe(path)
    badut = frame[frame["slug"] == "candi-badut"].iloc[0]
    assert badut["coordinate_attribution"] == "© OpenStreetMap contributors, ODbL"
    assert badut["coordinate_licence_url"] == COPYRIGHT
    assert badut["osm_element"] == "node/12153243211"


def test_the_register_credits_an_entry_whose_point_is_its_osm_tourist_page(client, osm_place):
    data = client.get("/api/heritage-register.geojson").json()
    badut = [f for f in data["features"] if f["properties"]["name"] == "Candi Badut"]
    assert badut and all(f["properties"]["osm_element"] == "node/12153243211" for f in badut)
    assert "OpenStreetMap contributors" in data["metadata"]["attribution"]
    without_point = [f for f in data["features"] if f["geometry"] is None]
    assert without_point and all(f["properties"]["coordinate_attribution"] is None for f in without_point)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/heritage-register.csv").content.decode())))
    assert {row["osm_element"] for row in rows if row["name"] == "Candi Badut"} == {"node/12153243211"}
    html = client.get("/en/heritage-register/").content.decode()
    assert _credit_in(html)
