"""An investor narrows the catalogue: sector, region, centre, export readiness, certification, and sorts.

The hub page and `/api/products.json` share one filter, so each story is checked on both where it matters."""

import datetime as dt

import pytest

from django.utils import timezone

DINOYO = {"keramik-hias-dinoyo", "suvenir-keramik-dinoyo", "kelas-keramik-dinoyo"}


def test_the_whole_catalogue_lists_every_seeded_product_once(api):
    slugs = api("lang=en")
    assert len(slugs) == len(set(slugs)) == 18


def test_an_investor_filters_to_export_ready_coffee_and_finds_dampit_robusta(api, hub):
    assert api("lang=en&sector=coffee&export=ready") == ["kopi-robusta-dampit"]
    response, slugs = hub("sector=coffee&export=ready")
    assert response.status_code == 200
    assert slugs == ["kopi-robusta-dampit"]


def test_values_within_one_filter_are_alternatives(api):
    slugs = set(api("sector=coffee,agriculture"))
    assert {"kopi-robusta-dampit", "kopi-robusta-organik-dampit", "apel-manalagi-batu"} <= slugs
    assert "keripik-tempe-sanan" not in slugs


def test_filters_combine_sector_and_region(api):
    assert set(api("sector=craft&region=kota-malang")) == {
        "keramik-hias-dinoyo",
        "suvenir-keramik-dinoyo",
        "topeng-malangan-polowijen",
        "topeng-mini-polowijen",
    }


def test_a_product_without_a_centre_is_in_its_producers_region(api):
    # Batik Druju belongs to the Andis Batik boutique in Kabupaten Malang, not to a centre.
    assert "batik-druju" in api("region=kab-malang")
    assert "batik-druju" not in api("region=kota-malang")


def test_the_centre_filter_lists_the_centres_products(api, hub):
    assert set(api("centre=dinoyo")) == DINOYO
    assert api("centre=dinoyo&sector=experience") == ["kelas-keramik-dinoyo"]
    _response, slugs = hub("centre=dinoyo&sector=experience", lang="id")
    assert slugs == ["kelas-keramik-dinoyo"]


def test_the_centre_filter_finds_products_made_by_the_centres_producers(products_site, product, api):
    """A product may name only a producer; the producer belongs to the centre, so the centre lists it."""
    topeng = product("topeng-malangan-kedungmonggo")
    type(topeng).objects.filter(pk=topeng.pk).update(centre=None)
    assert "topeng-malangan-kedungmonggo" in api("centre=kedungmonggo")


def test_export_readiness_developing_or_local(api):
    developing = set(api("export=developing"))
    assert {"batik-druju", "batik-tulis-celaket", "keripik-tempe-sanan"} <= developing
    assert "kopi-robusta-dampit" not in developing
    assert set(api("export=developing,ready")) == developing | {"kopi-robusta-dampit"}


def test_certification_counts_the_products_and_its_producers_certificates(products_site, product, api):
    from products.models import ProducerCertification, ProductCertification

    assert api("certification=halal") == []  # no certificate is publicly sourced in the bundled data
    keripik = product("keripik-tempe-sanan")
    ProductCertification.objects.create(page=keripik, kind="pirt")
    bakso = product("bakso-president").producer
    ProducerCertification.objects.create(producer=bakso, kind="halal")

    assert api("certification=halal") == ["bakso-president"]
    assert api("certification=pirt") == ["keripik-tempe-sanan"]
    assert set(api("certification=halal,pirt")) == {"bakso-president", "keripik-tempe-sanan"}
    assert api("certification=halal&sector=craft") == []


def test_an_empty_filter_value_filters_nothing(api):
    assert len(api("sector=&region=")) == 18


def test_sort_by_price_puts_the_cheapest_first_and_the_unpriced_last(products_site, client):
    data = client.get("/api/products.json?lang=en&sort=price").json()["products"]
    slugs = [item["slug"] for item in data]
    assert slugs[:2] == [
        "kelas-tari-topeng-kedungmonggo",
        "suvenir-keramik-dinoyo",
    ]  # free, then from Rp8.000
    lowest = [item["price"]["min_idr"] or item["price"]["max_idr"] for item in data]
    priced = [value for value in lowest if value is not None]
    assert priced == sorted(priced)
    assert all(value is None for value in lowest[len(priced) :])  # no price stated: at the end
    # Organic Dampit robusta has only an upper price (Rp50.000); it sorts among the priced products.
    assert slugs.index("kopi-robusta-organik-dampit") < len(priced)


def test_sort_by_price_highest_first(api):
    slugs = api("sort=-price")
    assert slugs[0] == "topeng-malangan-polowijen"  # from Rp500.000
    assert slugs.index("keramik-hias-dinoyo") < slugs.index("suvenir-keramik-dinoyo")


def test_sort_by_name_and_by_centre(products_site, client):
    data = client.get("/api/products.json?lang=en&sort=name").json()["products"]
    titles = [item["title"] for item in data]
    assert titles == sorted(titles)
    data = client.get("/api/products.json?lang=en&sort=centre").json()["products"]
    centres = [item["centre"]["title"] for item in data if item["centre"]]
    assert centres == sorted(centres)
    assert data[-1]["centre"] is None  # products without a centre come last


def test_featured_products_lead_in_their_order(api, hub):
    slugs = api()
    assert slugs[:4] == [
        "keripik-tempe-sanan",
        "keramik-hias-dinoyo",
        "kopi-robusta-dampit",
        "topeng-malangan-kedungmonggo",
    ]
    response, _slugs = hub()
    featured = [p.slug for p in response.context["featured"]]
    assert featured == slugs[:4]


def test_the_office_reorders_the_featured_products(products_site, product, api):
    from products.models import ProductPage

    ProductPage.objects.filter(slug="topeng-malangan-kedungmonggo").update(featured_order=0)
    assert api()[0] == "topeng-malangan-kedungmonggo"


@pytest.mark.parametrize("days, still_featured", [(-1, False), (0, True), (7, True)])
def test_a_featured_product_drops_back_after_its_end_date(products_site, api, client, days, still_featured):
    """The end date is the last day it is featured, in Jakarta time."""
    from products.models import ProductPage

    until = timezone.localdate() + dt.timedelta(days=days)
    ProductPage.objects.filter(slug="keripik-tempe-sanan").update(featured_until=until)

    slugs = api("lang=en")
    assert (slugs[0] == "keripik-tempe-sanan") is still_featured
    record = next(
        p for p in client.get("/api/products.json").json()["products"] if p["slug"] == "keripik-tempe-sanan"
    )
    assert record["featured"] is still_featured
    hub_page = client.get("/en/products/")
    assert ("keripik-tempe-sanan" in [p.slug for p in hub_page.context["featured"]]) is still_featured


def test_the_featured_block_gives_way_when_the_investor_filters(hub):
    response, _slugs = hub()
    assert b'id="featured-heading"' in response.content
    response, _slugs = hub("sector=coffee")
    assert b'id="featured-heading"' not in response.content


def test_an_unpublished_product_is_in_no_list(products_site, product, api):
    product("kopi-robusta-dampit", "en").unpublish()
    assert "kopi-robusta-dampit" not in api("lang=en&sector=coffee")
    assert "kopi-robusta-dampit" in api("lang=id&sector=coffee")


def test_sort_by_monthly_capacity_puts_the_largest_first_and_the_unstated_last(products_site, api):
    from products.models import ProductPage

    ProductPage.objects.filter(slug="topeng-mini-polowijen").update(monthly_capacity=300)
    ProductPage.objects.filter(slug="batik-druju").update(monthly_capacity=1200)
    slugs = api("sort=capacity")
    assert slugs[:2] == ["batik-druju", "topeng-mini-polowijen"]
    assert len(slugs) == 18
