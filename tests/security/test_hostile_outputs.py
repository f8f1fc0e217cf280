"""Editor text leaves the site as the letters it is made of, escaped for each place it lands in: a
spreadsheet cell (no formula runs, no character XLSX cannot hold), a PDF (no reportlab markup), GPX (valid
XML 1.0), and JSON-LD inside a <script> element (nothing closes it). The hostile title is in conftest."""

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from openpyxl import load_workbook

from tests.security.conftest import HOSTILE, HOSTILE_PRINTABLE

AS_TEXT = "'" + HOSTILE_PRINTABLE  # starts with "=": a spreadsheet must read it as text


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def pdf_text(content: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(content)
    return "\n".join(pdf[index].get_textpage().get_text_range() for index in range(len(pdf)))


# --- spreadsheets -----------------------------------------------------------------------------------------------


def test_the_helper_quotes_formulas_keeps_numbers_and_drops_control_characters():
    from heritage.spreadsheets import safe_cell

    for start in "=+-@\t\r":
        assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell("-7.982600") == "-7.982600"
    assert safe_cell(-7.98) == -7.98 and safe_cell(12) == 12 and safe_cell(None) is None
    assert safe_cell("Candi\x00 Badut\x1f") == "Candi Badut"
    assert safe_cell("Candi Badut") == "Candi Badut"


def test_the_places_csv_carries_a_hostile_title_as_text(client, hostile_world):
    rows = csv_rows(client.get("/api/sites.csv?lang=id"))
    [badut] = [row for row in rows if row["slug"] == "candi-badut"]
    assert badut["title"] == AS_TEXT
    assert badut["latitude"].startswith("-7.")  # a negative number stays a number


def test_the_products_csv_carries_a_hostile_title_as_text(client, hostile_world):
    rows = csv_rows(client.get("/api/products.csv?lang=id"))
    [row] = [row for row in rows if row["slug"] == hostile_world["product"].slug]
    assert row["title"] == AS_TEXT
    assert row["price_unit"] == "'@SUM(1)"


def test_the_products_xlsx_is_written_and_holds_the_title_as_text(client, hostile_world):
    client.raise_request_exception = False
    response = client.get("/api/products.xlsx?lang=id")
    assert response.status_code == 200  # openpyxl refused the NUL: a 500
    sheet = load_workbook(io.BytesIO(response.content))["Products"]
    titles = [cell.value for cell in sheet["A"]]
    assert AS_TEXT in titles
    cell = sheet.cell(row=titles.index(AS_TEXT) + 1, column=1)
    assert cell.data_type == "s"
    assert any(isinstance(cell.value, int) for cell in sheet["H"][1:])  # prices stay numbers


def test_the_qr_scan_csv_and_the_plaques_index_carry_titles_as_text():
    from plaques.api import scans_csv_text
    from plaques.plaques import Plaque, svgs_zip

    rows = list(csv.DictReader(io.StringIO(scans_csv_text([("ABCDE", 1, HOSTILE, dt.date(2026, 1, 2), 3)]))))
    assert rows[0]["title"] == AS_TEXT and rows[0]["scans"] == "3"
    archive = zipfile.ZipFile(io.BytesIO(svgs_zip([Plaque("ABCDE", HOSTILE, "@SUM(1)", "x")])))
    [row] = csv.DictReader(io.StringIO(archive.read("codes.csv").decode()))
    assert row["title"] == AS_TEXT and row["title_en"] == "'@SUM(1)"


def test_the_scans_report_exports_titles_as_text():
    from plaques.reports import QRScansReportView

    view = QRScansReportView()
    for export_format in ("csv", "xlsx"):
        assert view.preprocess_field_value("title", HOSTILE, export_format) == AS_TEXT


# --- PDF --------------------------------------------------------------------------------------------------------


def test_the_products_catalogue_pdf_shows_a_hostile_title_as_written(client, hostile_world):
    client.raise_request_exception = False
    response = client.get("/api/products.pdf?lang=id")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "</script><script>alert(2)</script><img src=x onerror=alert(3)>" in text
    assert "\"'&amp;" in text  # an "&amp;" the editor typed is printed, not read as markup


def test_a_plaque_of_a_hostile_title_is_a_valid_pdf_with_the_title():
    from plaques.plaques import Plaque, plaques_pdf

    content = plaques_pdf([Plaque("ABCDE", HOSTILE)])
    text = pdf_text(content)
    assert "alert(2)" in text.replace("\r", "").replace("\n", "")
    assert "\x00" not in text and "\x01" not in text


# --- GPX --------------------------------------------------------------------------------------------------------


def test_the_gpx_of_a_trip_with_a_hostile_title_parses_and_holds_it(client, hostile_world):
    client.raise_request_exception = False
    response = client.get(hostile_world["itinerary"].url + "gpx/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output, parsed to check it
    ns = {"gpx": "http://www.topografix.com/GPX/1/1"}
    assert root.find("gpx:metadata/gpx:name", ns).text == HOSTILE_PRINTABLE
    assert root.find("gpx:metadata/gpx:desc", ns).text == HOSTILE_PRINTABLE
    names = [el.text for el in root.findall("gpx:wpt/gpx:name", ns)]
    assert HOSTILE_PRINTABLE in names  # Candi Badut, a stop


# --- JSON-LD ----------------------------------------------------------------------------------------------------

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.mark.parametrize("name", ["place", "product", "centre", "itinerary"])
def test_json_ld_of_a_hostile_title_reads_back_as_it_and_closes_no_script(client, hostile_world, name):
    response = client.get(hostile_world[name].url)
    assert response.status_code == 200
    html = response.content.decode()
    blocks = LD_JSON.findall(html)
    assert blocks, "the page has its JSON-LD"
    assert all("</script" not in block.lower() and "<" not in block for block in blocks)
    items = [json.loads(block) for block in blocks]
    names = [item.get("name") for data in items for item in data.get("@graph", [data])]
    assert HOSTILE in names
    assert "<script>alert(2)" not in html
