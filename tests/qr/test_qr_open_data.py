"""Open data for the city's portal: daily scan counts per code, aggregated, with nothing about who scanned."""

import csv
import datetime as dt
import io

import pytest
from scan_helpers import flush_scans

COLUMNS = ["code", "page_id", "title", "date", "scans"]


def read_csv(response) -> list[dict]:
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == COLUMNS
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]


def scan_on(client, monkeypatch, code: str, day: dt.date, times: int, **headers) -> None:
    """`times` visitors (each from an address of their own) scanning the plaque on `day` (noon in Malang),
    then the scan counter's flush. Days apart, a visitor of another day is long forgotten by the dedup window
    (its cache entries expire by the cache's own clock, which `timezone.now` does not move)."""
    from django.core.cache import caches
    from django.utils import timezone

    caches["scans"].clear()

    noon_in_malang = dt.datetime.combine(day, dt.time(5, 0), tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: noon_in_malang)
    for visitor in range(times):
        response = client.get(f"/q/{code}", headers=headers, REMOTE_ADDR=f"198.51.100.{visitor + 1}")
        assert response.status_code == 302
    flush_scans()
    monkeypatch.undo()


def test_the_city_downloads_daily_scan_counts_per_code(client, monkeypatch, codes, place):
    badut, jago = codes["candi-badut"], codes["candi-jago"]
    first, second = dt.date(2026, 5, 1), dt.date(2026, 5, 2)
    scan_on(client, monkeypatch, badut, first, 3, user_agent="Mozilla/5.0 (Android 14) visitor-one")
    scan_on(client, monkeypatch, badut, second, 2, user_agent="Mozilla/5.0 (iPhone) visitor-two")
    scan_on(client, monkeypatch, jago, second, 4)

    response = client.get("/api/qr-scans.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    rows = read_csv(response)
    # Aggregated: one row per code and day, however many visitors scanned.
    assert [(row["code"], row["date"], row["scans"]) for row in rows] == sorted(
        [(badut, "2026-05-01", "3"), (badut, "2026-05-02", "2"), (jago, "2026-05-02", "4")],
        key=lambda row: (row[1], row[0]),
    )
    badut_row = rows[0]
    assert badut_row["page_id"] == str(place.pk)
    assert badut_row["title"] == place.title


def test_the_scan_counts_say_nothing_about_the_visitors(client, monkeypatch, badut_code):
    scan_on(
        client,
        monkeypatch,
        badut_code,
        dt.date(2026, 5, 1),
        2,
        user_agent="Mozilla/5.0 secret-visitor-agent",
        x_forwarded_for="203.0.113.77",
        accept_language="en-GB",
    )
    body = client.get("/api/qr-scans.csv", REMOTE_ADDR="198.51.100.9").content.decode()
    assert "secret-visitor-agent" not in body
    assert "203.0.113.77" not in body
    assert "127.0.0.1" not in body
    assert "en-GB" not in body
    assert body.splitlines()[0] == ",".join(COLUMNS)


def test_days_without_scans_and_unscanned_codes_are_left_out(client, codes):
    rows = read_csv(client.get("/api/qr-scans.csv"))
    assert rows == []


def test_the_days_can_be_narrowed(client, monkeypatch, badut_code):
    for day in (dt.date(2026, 4, 30), dt.date(2026, 5, 1), dt.date(2026, 5, 2)):
        scan_on(client, monkeypatch, badut_code, day, 1)
    rows = read_csv(client.get("/api/qr-scans.csv?from=2026-05-01&to=2026-05-01"))
    assert [row["date"] for row in rows] == ["2026-05-01"]
    rows = read_csv(client.get("/api/qr-scans.csv?from=2026-05-01"))
    assert [row["date"] for row in rows] == ["2026-05-01", "2026-05-02"]


def test_a_deleted_places_scans_stay_in_the_counts_without_a_page(
    client, monkeypatch, place, place_en, badut_code
):
    scan_on(client, monkeypatch, badut_code, dt.date(2026, 5, 1), 2)
    place_en.delete()
    place.delete()
    rows = read_csv(client.get("/api/qr-scans.csv"))
    assert rows == [{"code": badut_code, "page_id": "", "title": "", "date": "2026-05-01", "scans": "2"}]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("from=yesterday", "from"), ("to=2026-13-01", "to"), ("from=2026-5-1", "from"), ("to=%00", "to")],
)
def test_a_malformed_date_answers_400_naming_the_parameter(client, sample_site, query, parameter):
    response = client.get(f"/api/qr-scans.csv?{query}")
    assert response.status_code == 400
    assert parameter.encode() in response.content


def test_each_place_in_the_geojson_carries_its_short_link_shared_by_its_translation(client, codes):
    from qr_decoding import BASE

    features = (
        client.get("/api/sites.geojson?lang=en").json()["features"]
        + client.get("/api/sites.geojson?lang=id").json()["features"]
    )
    assert {feature["properties"]["lang"] for feature in features} == {"id", "en"}
    for feature in features:
        properties = feature["properties"]
        assert properties["qr_url"] == f"{BASE}/q/{codes[properties['slug']]}"
