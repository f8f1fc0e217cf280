"""The register of designated heritage (issue 16): every object of Kota Malang's 2018 and 2022 lists, its
page in both languages with filters and a map, its open data, and a tourist page's legal status."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

from heritage.models import RegisterEntry

FACTS = Path(__file__).resolve().parents[2].parent / "shared" / "facts" / "malang.md"

# The names as ../shared/facts/malang.md §3.1 gives them (one per object, as the register splits them).
LIST_2018 = [
    "Balai Kota Malang", "Gedung Bank Indonesia", "Kantor Pajak Pratama / KPPN", "Hotel Pelangi",
    "Gereja Immanuel", "Gereja Idjen", "Gereja Kayutangan (Hati Kudus)", "Sekolah Corjesu", "Sekolah Frateran",
    "SMA 1", "SMA 3", "SMA 4", "Brandweer (PMK)", "Bank Mandiri Merdeka", "Bank Commonwealth", "PLN Kayutangan",
    "Klenteng Eng An Kiong", "Stasiun Kota Baru", "Stasiun Kota Lama", "Gedung AIA", "Asrama Bali",
    "Makam Bupati Malang", "ex-Toko NIMEF", "Rumah Anjasmoro 25", "Rumah Dinas Walikota", "Rumah Makan OEN",
    "Tandon Air Tlogomas", "Tandon Air Dinoyo", "Jembatan Mojopahit", "Jembatan Kahuripan", "Buk Gludug",
]  # fmt: skip
LIST_2022 = [
    "Arca Agastya", "Arca Asokbhya", "Arca Brahma", "Arca Dhyani Buddha", "Arca Karanandin", "Arca Durga",
    "Arca Ganesha Musika", "Arca Megalitik Muda", "Arca Dwarapala", "Arca Durgamahisasuramardini",
    "Arca Dewa Siwa", "Prasasti Kanuruhan Bunul", "Prasasti Widodaren 1", "Prasasti Widodaren 2",
    "Candi Gasek (Karang Besuki)", "Pathirtan Bejisari", "Makara Dinoyo", "Jaladwara", "Salimar Hotel", "SMPN 1",
    "Stadsklok Wingkel Complex Lux", "Tugu Balai Kota", "Rumah Dinas DPRD", "ANIEM Jalan Ijen", "SDK Brawijaya",
    "Fendi's Homestay", "GKI Bromo", "Taman Makam TRIP", "Monumen Chairil Anwar", "Gerbang TPU Nasrani Sukun",
    "Situs Karuman", "Arca Nandi Karuman", "Yoni Karuman", "Ganesha Tlogomas", "Situs Watu Gong",
    "Jambang Air Watu Gong", "Watu Kenong", "Makam Mbah Honggo", "Situs Mbah Tugu dan Menhir",
    "Dwarapala Situs Mbah Sentono", "Ganesha Janti", "Yoni Mertojoyo", "Kostum Busana Dara Puspita",
    "Menara sirine SMAN 5", "Menara sirine Cukam",
]  # fmt: skip
STATUES = ("Arca ", "Ganesha ", "Dwarapala ")


def _entries_of(year):
    return set(RegisterEntry.objects.filter(live=True, year=year, rank="city").values_list("name", flat=True))


def test_the_register_holds_every_object_of_the_2018_and_2022_lists_with_its_year(sample_site):
    assert _entries_of(2018) == set(LIST_2018)
    assert _entries_of(2022) == set(LIST_2022)


@pytest.mark.skipif(not FACTS.exists(), reason="the shared facts are not beside this checkout")
def test_the_names_come_from_the_shared_facts(sample_site):
    facts = FACTS.read_text(encoding="utf-8")
    section = facts[facts.index("### 3.1") : facts.index("### 3.2")]
    for word in ("Buk Gludug", "Karanandin", "Dara Puspita", "Eng An Kiong", "Widodaren", "Cukam"):
        assert word in section


def test_every_entry_has_a_source_and_a_designation(sample_site):
    for entry in RegisterEntry.objects.all():
        assert entry.source_list, entry.name
        assert all(url.startswith("https://") for url in entry.source_list), entry.name
        assert entry.designation and entry.year


def test_the_register_page_says_where_a_list_and_its_count_disagree(client, sample_site):
    for path in ("/id/cagar-budaya/", "/en/heritage-register/"):
        response = client.get(path)
        assert response.status_code == 200
        note = response.content.decode()
        assert "32" in note and "31" in note and "47" in note and "45" in note


def _names(html):
    return re.findall(r'<li id="entry-\d+" class="register-entry"[^>]*>\s*<h2>(?:<a [^>]*>)?([^<]+)<', html)


def test_filtering_2022_benda_gives_only_the_statues(client, sample_site):
    html = client.get("/en/heritage-register/", {"year": "2022", "category": "benda"}).content.decode()
    names = [name.replace("&#x27;", "'") for name in _names(html)]
    assert names and all(name.startswith(STATUES) for name in names)
    assert "Arca Agastya" in names and "Situs Karuman" not in names and "Balai Kota Malang" not in names


def test_filters_by_rank_and_district(client, sample_site):
    national = _names(client.get("/en/heritage-register/", {"rank": "national"}).content.decode())
    assert national and all(name.startswith("Candi") for name in national)
    tumpang = _names(client.get("/en/heritage-register/", {"district": "Tumpang"}).content.decode())
    assert tumpang == ["Candi Jago (Jajaghu)"]


@pytest.mark.parametrize(
    "query",
    [{"year": "dua ribu"}, {"category": "kuil"}, {"rank": "<script>"}, {"year": "99999999999999999999"}],
)
def test_a_bad_filter_value_is_explained_not_a_500(client, sample_site, query):
    response = client.get("/en/heritage-register/", query)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    feed = client.get("/api/heritage-register.geojson", query)
    assert feed.status_code == 400
    assert feed.json()["parameter"] == next(iter(query))


def test_the_map_shows_only_the_entries_that_have_a_point(client, sample_site):
    from heritage.register import map_rows

    entries = list(RegisterEntry.objects.filter(live=True))
    rows = map_rows(entries)
    with_point = [entry for entry in entries if entry.has_point]
    assert with_point and len(with_point) < len(entries)
    assert sorted(row["name"] for row in rows) == sorted(entry.name for entry in with_point)
    html = client.get("/en/heritage-register/").content.decode()
    assert 'class="map"' in html
    # The map's script carries only the entries with a point.
    assert "Candi Jago (Jajaghu)" in html.split('class="map"', 1)[1].split("</script>", 1)[0]
    assert "Buk Gludug" not in html.split('class="map"', 1)[1].split("</script>", 1)[0]
    assert "location not published" in html


def test_the_geojson_has_every_entry_with_null_geometry_where_no_point(client, sample_site):
    response = client.get("/api/heritage-register.geojson")
    assert response.status_code == 200
    data = response.json()
    assert len(data["features"]) == RegisterEntry.objects.filter(live=True).count()
    by_name = {feature["properties"]["name"]: feature for feature in data["features"]}
    assert by_name["Buk Gludug"]["geometry"] is None
    assert by_name["Candi Jago (Jajaghu)"]["geometry"]["type"] == "Point"
    assert by_name["Candi Jago (Jajaghu)"]["properties"]["rank"] == "national"
    assert data["metadata"]["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert 'rel="license"' in response["Link"] and "#heritage-register" in response["Link"]


def test_the_csv_has_every_entry_and_its_licence(client, sample_site):
    response = client.get("/api/heritage-register.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == RegisterEntry.objects.filter(live=True).count()
    gludug = next(row for row in rows if row["name"] == "Buk Gludug")
    assert gludug["latitude"] == "" and gludug["year"] == "2018" and gludug["sources"].startswith("https://")
    assert '<https://creativecommons.org/licenses/by/4.0/>; rel="license"' in response["Link"]


def test_a_tourist_page_shows_its_register_entry(client, sample_site):
    for path in ("/id/tempat/candi-jago/", "/en/places/candi-jago/"):
        html = client.get(path).content.decode()
        facts = html.split('class="register-facts"', 1)[1].split("</dd>", 1)[0]
        assert "2016" in facts and "203/M/2016" in facts


HOSTILE = '`${alert(1)}` </script><script>alert(2)</script> =HYPERLINK("x")'


def test_a_hostile_name_is_escaped_on_the_page_and_in_the_feeds(client, sample_site):
    from heritage.models import PlacePage

    entry = RegisterEntry.objects.get(key="ranked-temples--candi-jago")
    entry.name = HOSTILE
    entry.save_revision().publish()
    assert PlacePage.objects.filter(slug="candi-jago").exists()
    html = client.get("/en/heritage-register/").content.decode()
    assert "<script>alert(2)</script>" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(2)" in html
    for script in re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S):
        assert "alert(2)" not in script.replace("\\u003c", "<") or "\\u003c" in script
    features = client.get("/api/heritage-register.geojson").json()["features"]
    assert HOSTILE in [feature["properties"]["name"] for feature in features]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/heritage-register.csv").content.decode())))
    hostile = next(row for row in rows if "alert(1)" in row["name"])
    assert hostile["name"] == HOSTILE  # starts with a backtick, not a formula sign: kept as it is
    json.dumps(features)


def test_an_entry_needs_a_source_and_a_point_in_indonesia():
    from django.core.exceptions import ValidationError

    entry = RegisterEntry(name="X", rank="city", year=2022, designation="Harkitnas, 20 May 2022", sources="")
    with pytest.raises(ValidationError):
        entry.full_clean()
    entry.sources = "https://example.org/source"
    entry.latitude, entry.longitude = 112.6, -7.98  # swapped
    with pytest.raises(ValidationError):
        entry.full_clean()


def test_the_register_page_runs_its_map_under_the_sites_policy(client, sample_site):
    from heritage.inline_scripts import script_hash
    from tests.site.test_content_security_policy import directives, inline_scripts

    for path in ("/id/cagar-budaya/", "/en/heritage-register/"):
        response = client.get(path)
        policy = directives(response)
        assert "'unsafe-inline'" not in policy["script-src"]
        scripts = inline_scripts(response)
        assert scripts  # the map
        assert sorted(script_hash(s) for s in scripts) == sorted(policy["script-src"][1:])
