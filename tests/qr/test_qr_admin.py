"""The tourism office's side of the plaques: the QR panel on an edit view, the "QR scans" report with its
CSV and XLSX exports, and the dashboard panel of the week's most-scanned places."""

import csv
import datetime as dt
import io
import re

import openpyxl
import pytest
from qr_decoding import BASE, decode_svg
from scan_helpers import flush_scans

REPORT = "/admin/reports/qr-scans/"


def qr_panel_html(html: str) -> str:
    match = re.search(r'<div class="mh-qr-panel">(.*?)</div>\s*</div>\s*</section>', html, re.S) or re.search(
        r'<div class="mh-qr-panel">(.*)', html, re.S
    )
    assert match, "the edit view has no QR panel"
    return match.group(1)


def add_scans(code: str, day: dt.date, scans: int) -> None:
    from plaques.counting import count_scan
    from plaques.models import ShortCode

    short_code_id = ShortCode.objects.get(code=code).pk
    for _ in range(scans):
        count_scan(short_code_id, day)


def exported(response) -> bytes:
    """The body of an export (Wagtail streams CSV and sends XLSX as a file)."""
    return b"".join(response.streaming_content)


# --- the QR panel on the edit view ----------------------------------------------------------------------------


def test_the_edit_view_of_a_published_place_shows_its_code_preview_downloads_and_print(
    admin_client_, client, place, badut_code
):
    response = admin_client_.get(f"/admin/pages/{place.pk}/edit/")
    assert response.status_code == 200
    panel = qr_panel_html(response.content.decode())
    assert badut_code in panel
    assert f"{BASE}/q/{badut_code}" in panel
    assert f'src="/q/{badut_code}.svg?size=160"' in panel
    assert f"/q/{badut_code}.svg?ec=H&amp;download=1" in panel
    assert f"/q/{badut_code}.png?size=1024&amp;ec=H&amp;download=1" in panel
    for paper in ("A5", "A6"):
        assert f"/q/{badut_code}/plaque.pdf?size={paper}&amp;download=1" in panel  # download
        assert f'/q/{badut_code}/plaque.pdf?size={paper}" target="_blank"' in panel  # print
    # The preview is a real QR code of the short link.
    preview = client.get(f"/q/{badut_code}.svg?size=160")
    assert decode_svg(preview.content) == [f"{BASE}/q/{badut_code}"]
    # And every plaque link of the panel answers a PDF to the editor.
    for href in re.findall(r'href="(/q/[^"]+/plaque\.pdf[^"]*)"', panel):
        pdf = admin_client_.get(href.replace("&amp;", "&"))
        assert pdf.status_code == 200, href
        assert pdf["Content-Type"] == "application/pdf"


def test_the_english_translation_shows_the_same_code_one_plaque_per_place(
    admin_client_, place_en, badut_code
):
    response = admin_client_.get(f"/admin/pages/{place_en.pk}/edit/")
    assert response.status_code == 200
    assert badut_code in qr_panel_html(response.content.decode())


def test_the_panel_counts_the_scans_of_the_place(admin_client_, client, place, badut_code):
    for visitor in range(3):
        client.get(f"/q/{badut_code}", headers={"user-agent": f"Mozilla/5.0 visitor-{visitor}"})
    flush_scans()
    html = admin_client_.get(f"/admin/pages/{place.pk}/edit/", headers={"accept-language": "en"})
    assert "Scanned 3 times so far." in qr_panel_html(html.content.decode())


def test_a_new_place_not_yet_saved_says_its_code_comes_when_it_is_published(admin_client_, place):
    index = place.get_parent()
    response = admin_client_.get(
        f"/admin/pages/add/heritage/heritagesitepage/{index.pk}/", headers={"accept-language": "en"}
    )
    assert response.status_code == 200
    panel = qr_panel_html(response.content.decode())
    assert "gets its QR short code when it is first published" in panel
    assert "/q/" not in panel


def test_a_draft_that_was_never_published_has_no_code_yet_in_its_panel(admin_client_, place):
    from heritage.models import HeritageSitePage

    draft = HeritageSitePage(
        title="Rumah draf",
        slug="rumah-draf",
        summary="Belum terbit.",
        kind=place.kind,
        region=place.region,
        latitude=place.latitude,
        longitude=place.longitude,
        live=False,
    )
    place.get_parent().add_child(instance=draft)
    draft.save_revision()
    response = admin_client_.get(f"/admin/pages/{draft.pk}/edit/", headers={"accept-language": "en"})
    assert response.status_code == 200
    assert "gets its QR short code when it is first published" in qr_panel_html(response.content.decode())


def test_an_itinerary_gets_a_code_when_published_and_its_edit_view_shows_it(admin_client_, sample_site):
    from wagtail.models import Locale

    from home.models import HomePage
    from itineraries.models import ItineraryIndexPage, ItineraryPage
    from plaques.codes import code_for_page

    home = HomePage.objects.get(locale=Locale.objects.get(language_code="id"))
    index = ItineraryIndexPage(title="Perjalanan", slug="perjalanan-qr")
    home.add_child(instance=index)
    index.save_revision().publish()
    trip = ItineraryPage(title="Jalan kaki Ijen", slug="jalan-ijen", summary="Ringkasan.", theme="colonial")
    trip.mode, trip.live = "walk", False
    index.add_child(instance=trip)
    assert code_for_page(trip) is None
    trip.save_revision().publish()

    short_code = code_for_page(trip)
    assert short_code is not None
    response = admin_client_.get(f"/admin/pages/{trip.pk}/edit/")
    assert response.status_code == 200
    assert short_code.code in qr_panel_html(response.content.decode())


# --- the QR scans report --------------------------------------------------------------------------------------


@pytest.fixture
def scans_in_march(codes):
    """Scans on two days of one week and one day of the next, for two places. Returns the Monday."""
    monday = dt.date(2026, 3, 2)
    assert monday.weekday() == 0
    badut, jago = codes["candi-badut"], codes["candi-jago"]
    add_scans(badut, monday, 4)
    add_scans(badut, monday + dt.timedelta(days=2), 3)
    add_scans(jago, monday + dt.timedelta(days=2), 9)
    add_scans(badut, monday + dt.timedelta(days=7), 2)
    return monday


def report_rows(html: str) -> list[list[str]]:
    """The report's table as text cells, header row excluded."""
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        rows.append([" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells])
    return rows


def test_the_report_shows_scans_per_place_per_day(admin_client_, scans_in_march, codes):
    response = admin_client_.get(REPORT)
    assert response.status_code == 200
    rows = report_rows(response.content.decode())
    by_code_and_scans = sorted((row[2], int(row[3])) for row in rows)
    badut, jago = codes["candi-badut"], codes["candi-jago"]
    assert by_code_and_scans == sorted([(badut, 4), (badut, 3), (jago, 9), (badut, 2)])
    assert all(row[1] for row in rows)  # every row names its place


def dedup_note(html: str) -> str:
    match = re.search(r'<p class="help-block help-info mh-qr-dedup-note">(.*?)</p>', html, re.S)
    assert match, "the report does not say how repeated scans are counted"
    return " ".join(match.group(1).split())


def test_the_report_says_repeats_within_the_window_count_once_and_why(admin_client_, sample_site):
    from django.contrib.auth import get_user_model

    from wagtail.users.models import UserProfile

    note = dedup_note(admin_client_.get(REPORT, headers={"accept-language": "en"}).content.decode())
    assert note.startswith("A phone that scans the same plaque again within 30 minutes is counted once:")
    assert "still one visitor" in note and "nothing about the visitor is stored" in note

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="ani"))
    profile.preferred_language = "id"
    profile.save()
    # The editor's own language setting wins over the browser's.
    note = dedup_note(admin_client_.get(REPORT, headers={"accept-language": "en"}).content.decode())
    assert note.startswith("Ponsel yang memindai plakat yang sama lagi dalam 30 menit dihitung satu kali:")
    assert "tidak ada data tentang pengunjung yang disimpan" in note


def test_the_report_states_the_window_the_site_is_configured_with(admin_client_, sample_site, settings):
    settings.SCAN_DEDUP_WINDOW = 90
    english = {"accept-language": "en"}
    assert "within 90 seconds" in dedup_note(admin_client_.get(REPORT, headers=english).content.decode())
    settings.SCAN_DEDUP_WINDOW = 3600
    assert "within 60 minutes" in dedup_note(admin_client_.get(REPORT, headers=english).content.decode())
    settings.SCAN_DEDUP_WINDOW = 0
    assert dedup_note(admin_client_.get(REPORT, headers=english).content.decode()) == (
        "Every scan is counted, repeats from the same phone included."
    )


def test_the_report_sums_the_scans_per_week(admin_client_, scans_in_march, codes, place):
    response = admin_client_.get(REPORT + "?period=week")
    assert response.status_code == 200
    rows = report_rows(response.content.decode())
    badut, jago = codes["candi-badut"], codes["candi-jago"]
    assert sorted((row[2], int(row[3])) for row in rows) == sorted([(badut, 7), (jago, 9), (badut, 2)])
    assert any(row[1] == place.title and row[3] == "7" for row in rows)


@pytest.mark.parametrize(("ordering", "expected"), [("-scans", [9, 4, 3, 2]), ("scans", [2, 3, 4, 9])])
def test_the_report_sorts_by_scans(admin_client_, scans_in_march, ordering, expected):
    rows = report_rows(admin_client_.get(f"{REPORT}?ordering={ordering}").content.decode())
    assert [int(row[3]) for row in rows] == expected


def test_the_report_narrows_to_a_date_range(admin_client_, scans_in_march):
    monday = scans_in_march
    query = f"?date_from={monday}&date_to={monday + dt.timedelta(days=6)}&period=week"
    rows = report_rows(admin_client_.get(REPORT + query).content.decode())
    assert sorted(int(row[3]) for row in rows) == [7, 9]


@pytest.mark.parametrize(
    "query", ["?period=month", "?ordering=password", "?date_from=yesterday", "?date_to=%00", "?page=999"]
)
def test_odd_report_parameters_never_break_the_report(admin_client_, scans_in_march, query):
    assert admin_client_.get(REPORT + query).status_code in (200, 404)


def test_the_report_exports_to_csv(admin_client_, scans_in_march, codes, place):
    response = admin_client_.get(REPORT + "?export=csv&period=day", headers={"accept-language": "en"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported(response).decode())))
    header, data = rows[0], rows[1:]
    assert len(header) == 5
    assert sorted((row[1], int(row[4])) for row in data) == sorted(
        [
            (codes["candi-badut"], 4),
            (codes["candi-badut"], 3),
            (codes["candi-jago"], 9),
            (codes["candi-badut"], 2),
        ]
    )
    monday = scans_in_march
    assert [monday.isoformat(), codes["candi-badut"], str(place.pk), place.title, "4"] in data


def test_the_report_exports_weeks_to_xlsx(admin_client_, scans_in_march, codes, place):
    response = admin_client_.get(REPORT + "?export=xlsx&period=week")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    sheet = openpyxl.load_workbook(io.BytesIO(exported(response))).active
    header, *data = list(sheet.iter_rows(values_only=True))
    assert len(header) == 5
    assert sorted((row[1], row[4]) for row in data) == sorted(
        [(codes["candi-badut"], 7), (codes["candi-jago"], 9), (codes["candi-badut"], 2)]
    )
    monday = scans_in_march
    first_week = [row for row in data if row[1] == codes["candi-badut"] and row[4] == 7]
    assert len(first_week) == 1
    day = first_week[0][0]
    assert (day.date() if isinstance(day, dt.datetime) else day) == monday
    assert first_week[0][2:4] == (place.pk, place.title)


def test_the_report_is_in_the_reports_menu(admin_client_, sample_site):
    html = admin_client_.get("/admin/").content.decode()
    assert REPORT in html


# --- the dashboard ---------------------------------------------------------------------------------------------


def test_the_dashboard_shows_the_weeks_most_scanned_places(admin_client_, codes, place):
    from heritage.models import PlacePage
    from plaques.counting import malang_today

    today = malang_today()
    add_scans(codes["candi-jago"], today, 5)
    add_scans(codes["candi-badut"], today - dt.timedelta(days=6), 2)
    add_scans(codes["kawah-bromo"], today - dt.timedelta(days=7), 50)  # last week's: not on the panel
    response = admin_client_.get("/admin/", headers={"accept-language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    panel = html[html.index('id="qr-most-scanned-section"') :]
    rows = report_rows(panel)
    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="id")
    assert rows == [[jago.title, codes["candi-jago"], "5"], [place.title, codes["candi-badut"], "2"]]
    assert f"{REPORT}?period=week" in panel


def test_the_dashboard_panel_says_so_when_nothing_was_scanned(admin_client_, sample_site):
    html = admin_client_.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert 'id="qr-most-scanned-section"' in html
    assert "No plaque has been scanned since" in html
