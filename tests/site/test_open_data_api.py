import csv
import io

import pytest
from openpyxl import load_workbook


def test_sites_geojson_is_a_feature_collection_of_published_places(client, sample_site):
    response = client.get("/api/sites.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert {f["properties"]["slug"] for f in data["features"]} == {"candi-badut", "candi-jago", "kawah-bromo"}
    bromo = next(f for f in data["features"] if f["properties"]["slug"] == "kawah-bromo")
    assert bromo["geometry"] == {"type": "Point", "coordinates": [112.9531, -7.9425]}
    assert bromo["properties"]["elevation_m"] == 2329
    assert bromo["properties"]["type"] == "corridor"
    assert bromo["properties"]["url"] == "https://heritage.example.id/id/tempat/kawah-bromo/"
    # GIS users can tell a rounded point from one that marks the place itself
    assert bromo["properties"]["location_precision"] == "approximate"
    badut = next(f for f in data["features"] if f["properties"]["slug"] == "candi-badut")
    assert badut["properties"]["location_precision"] == "site"


def test_titles_and_urls_follow_the_requested_language(client, sample_site):
    data = client.get("/api/sites.geojson?lang=en&kind=crater").json()
    [feature] = data["features"]
    assert feature["properties"]["title"] == "Kawah-bromo (en)"
    assert feature["properties"]["url"] == "https://heritage.example.id/en/places/kawah-bromo/"


def test_filters_combine(client, sample_site):
    def slugs(query):
        return sorted(
            f["properties"]["slug"] for f in client.get(f"/api/sites.geojson?{query}").json()["features"]
        )

    assert slugs("kind=temple") == ["candi-badut", "candi-jago"]
    assert slugs("kind=temple,crater&region=kab-malang,probolinggo") == ["candi-jago", "kawah-bromo"]
    assert slugs("bbox=112.55,-8.0,112.65,-7.9") == ["candi-badut"]


def test_an_unpublished_place_leaves_the_open_data(client, place):
    place.unpublish()
    slugs = {f["properties"]["slug"] for f in client.get("/api/sites.geojson").json()["features"]}
    assert "candi-badut" not in slugs


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kind=castle", "kind"),
        ("region=jakarta", "region"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=10,10,0,0", "bbox"),
        ("lang=fr", "lang"),
        ("era=%00", "era"),
    ],
)
def test_a_malformed_parameter_answers_400_naming_it(client, sample_site, query, parameter):
    response = client.get(f"/api/sites.geojson?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert parameter in response.json()["error"]


def test_csv_has_a_row_per_place_with_coordinates(client, sample_site):
    response = client.get("/api/sites.csv?kind=temple")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["slug"] for row in rows] == ["candi-badut", "candi-jago"]
    assert rows[0]["latitude"] == "-7.957700" and rows[0]["longitude"] == "112.598100"
    assert rows[0]["location_precision"] == "site"


def test_geopackage_opens_in_gis_tooling(client, sample_site, tmp_path):
    import pyogrio

    response = client.get("/api/sites.gpkg")
    assert response.status_code == 200
    path = tmp_path / "places.gpkg"
    path.write_bytes(response.content)
    assert [name for name, _kind in pyogrio.list_layers(path)] == ["heritage_places"]
    frame = pyogrio.read_dataframe(path)
    assert len(frame) == 3
    assert frame.crs.to_epsg() == 4326
    badut = frame[frame["slug"] == "candi-badut"].iloc[0]
    assert (round(badut.geometry.x, 4), round(badut.geometry.y, 4)) == (112.5981, -7.9577)


def test_a_post_is_refused(client, sample_site):
    assert client.post("/api/sites.geojson").status_code == 405


def _cells(xlsx):
    book = load_workbook(io.BytesIO(xlsx), read_only=True)
    return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]


FEEDS = [
    "/api/sites.geojson",
    "/api/sites.csv",
    "/api/sites.gpkg",
    "/api/products.json",
    "/api/products.csv",
    "/api/products.xlsx",
    "/api/centres.geojson",
    "/api/search.json?q=candi",
    "/api/suggest.json?q=can",
    "/api/itineraries.geojson",
]


@pytest.mark.parametrize("feed", FEEDS)
def test_every_feed_reads_lang_the_same_way_and_may_be_cached(client, sample_site, feed):
    join = "&" if "?" in feed else "?"
    empty = client.get(f"{feed}{join}lang=")
    assert empty.status_code == 200, "an empty lang (a form's empty select) means Indonesian"
    same = client.get(f"{feed}{join}lang=id").content
    if feed.endswith(".xlsx"):  # the zip inside records the second it was written: compare the cells
        assert _cells(empty.content) == _cells(same)
    elif not feed.endswith(".gpkg"):  # a GeoPackage holds the time it was written
        assert empty.content == same
    assert "public" in empty["Cache-Control"] and "max-age=" in empty["Cache-Control"]
    assert empty["Access-Control-Allow-Origin"] == "*"
    unknown = client.get(f"{feed}{join}lang=fr")
    assert unknown.status_code == 400 and unknown.json()["parameter"] == "lang"
