"""The scan dashboard and its JSON feed: the last 90 days per day and per week, the plaques scanned most, by
region of the place; the same figures as the scans CSV."""

import csv
import datetime as dt
import io
import json

import pytest

from tests.qr.test_qr_admin import add_scans

pytestmark = pytest.mark.django_db
FEED = "/api/qr-scans.json"


@pytest.fixture
def scans(codes):
    from plaques.counting import malang_today

    today = malang_today()
    add_scans(codes["candi-badut"], today - dt.timedelta(days=1), 4)
    add_scans(codes["candi-jago"], today - dt.timedelta(days=10), 9)
    add_scans(codes["candi-badut"], today - dt.timedelta(days=100), 5)  # outside the 90 days
    return today


def test_the_feed_gives_the_last_90_days_per_day_and_week_top_plaques_and_regions(
    client, codes, scans, place
):
    from heritage.models import PlacePage

    response = client.get(FEED)
    assert response.status_code == 200
    assert 'rel="license"' in response["Link"]
    data = json.loads(response.content)
    assert data["metadata"]["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert (data["days"], data["to"], data["total"]) == (90, scans.isoformat(), 13)
    assert len(data["per_day"]) == 90 and data["per_day"][-1]["date"] == scans.isoformat()
    by_day = {row["date"]: row["scans"] for row in data["per_day"]}
    assert by_day[(scans - dt.timedelta(days=1)).isoformat()] == 4
    assert by_day[(scans - dt.timedelta(days=10)).isoformat()] == 9
    assert sum(by_day.values()) == 13 == sum(row["scans"] for row in data["per_week"])
    assert [(row["code"], row["scans"]) for row in data["top"]] == [
        (codes["candi-jago"], 9),
        (codes["candi-badut"], 4),
    ]
    regions = {
        page.slug: page.region for page in PlacePage.objects.filter(slug__in=["candi-badut", "candi-jago"])
    }
    expected = {}
    for slug, scans_ in (("candi-jago", 9), ("candi-badut", 4)):
        expected[regions[slug]] = expected.get(regions[slug], 0) + scans_
    assert {row["region"]: row["scans"] for row in data["by_region"]} == expected

    longer = json.loads(client.get(FEED + "?days=200").content)
    assert longer["total"] == 18 and len(longer["per_day"]) == 200


def test_the_feed_adds_up_to_the_scans_csv(client, scans):
    data = json.loads(client.get(FEED).content)
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"/api/qr-scans.csv?from={data['from']}&to={data['to']}").content.decode())
        )
    )
    assert sum(int(row["scans"]) for row in rows) == data["total"]


@pytest.mark.parametrize("days", ["abc", "0", "367", "1.5", "-3"])
def test_a_wrong_number_of_days_answers_400_naming_it(client, sample_site, days):
    response = client.get(f"{FEED}?days={days}")
    assert response.status_code == 400
    assert json.loads(response.content)["parameter"] == "days"


def test_the_office_dashboard_draws_the_days_as_bars_and_lists_the_top_plaques(
    admin_client_, codes, scans, place
):
    response = admin_client_.get("/admin/reports/qr-scan-dashboard/", headers={"accept-language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "13 scans from" in html
    assert html.count("<rect ") == 90 + 2  # 90 days, and the two weeks that had scans
    assert html.index(codes["candi-jago"]) < html.index(codes["candi-badut"])
    assert "/api/qr-scans.json" in html
    assert "no figure by language" in html


def test_the_dashboard_is_in_the_reports_menu_and_closed_to_visitors(admin_client_, sample_site):
    from django.test import Client

    assert "/admin/reports/qr-scan-dashboard/" in admin_client_.get("/admin/").content.decode()
    assert Client().get("/admin/reports/qr-scan-dashboard/").status_code == 302


def test_a_hostile_title_is_text_on_the_dashboard_and_a_string_in_the_feed(
    admin_client_, codes, scans, place
):
    hostile = "`${alert(1)}`</script><svg onload=alert(2)>"
    place.title = hostile
    place.save_revision().publish()
    html = admin_client_.get("/admin/reports/qr-scan-dashboard/").content.decode()
    assert hostile not in html and "&lt;/script&gt;&lt;svg onload=alert(2)&gt;" in html
    top = json.loads(admin_client_.get(FEED).content)["top"]
    assert hostile in [row["title"] for row in top]
