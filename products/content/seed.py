"""Building the product hub from the bundled data: the hub page, the production centres, the producers and
the products, in Indonesian (the source locale) and English. The data format is described in
`products/content/data/README.md`.

Every page and producer is an item of the seed's ledger (`heritage.content.ledger`), like the places: made
once, then the office's. Called at the end of `heritage.content.seed.seed()`, after the places, so that products can point at
their related heritage places.
"""

import json
from decimal import Decimal
from pathlib import Path

from wagtail.models import Locale, Site

from heritage.content.helpers import LANGS, iso_date, publish, text_in
from heritage.content.ledger import SeedReport
from heritage.content.loader import ContentError, load_story, where_fields
from heritage.content.placeholders import placeholder_image
from heritage.models import PlacePage
from products.models import (
    CentreFigure,
    CentrePage,
    CentreSource,
    Producer,
    ProducerCertification,
    ProducerSource,
    ProductCertification,
    ProductIndexPage,
    ProductPage,
    ProductRelatedPlace,
    ProductSource,
    Sector,
)

PRODUCTS_DIR = Path(__file__).resolve().parent / "data"
CENTRES_FILE = PRODUCTS_DIR / "centres.geojson"
CATALOGUE_FILE = PRODUCTS_DIR / "products.json"
STORIES_DIR = PRODUCTS_DIR / "stories"
HUB_DIR = PRODUCTS_DIR / "pages"
HUB_SLUGS = {"id": "produk", "en": "products"}


def load_catalogue(centres_path: Path = CENTRES_FILE, catalogue_path: Path = CATALOGUE_FILE):
    """(centre features, producers, products), checked for what the seed relies on."""
    try:
        centres = json.loads(Path(centres_path).read_text(encoding="utf-8"))["features"]
        catalogue = json.loads(Path(catalogue_path).read_text(encoding="utf-8"))
    except (OSError, KeyError, json.JSONDecodeError) as error:
        raise ContentError(f"cannot read the product data: {error}") from error
    producers, products = catalogue.get("producers") or [], catalogue.get("products") or []
    slugs = [f["properties"]["slug"] for f in centres] + [p["slug"] for p in products]
    repeated = {slug for slug in slugs if slugs.count(slug) > 1}
    if repeated:
        raise ContentError(f"{catalogue_path}: centre and product slugs repeat: {sorted(repeated)}")
    centre_slugs, producer_slugs = {f["properties"]["slug"] for f in centres}, {p["slug"] for p in producers}
    for product in products:
        if not product.get("centre") and not product.get("producer"):
            raise ContentError(f"{catalogue_path}: {product['slug']} has neither a centre nor a producer")
        if product.get("centre") and product["centre"] not in centre_slugs:
            raise ContentError(
                f"{catalogue_path}: {product['slug']} names an unknown centre {product['centre']!r}"
            )
        if product.get("producer") and product["producer"] not in producer_slugs:
            raise ContentError(
                f"{catalogue_path}: {product['slug']} names an unknown producer {product['producer']!r}"
            )
        if not product.get("sources"):
            raise ContentError(f"{catalogue_path}: {product['slug']} has no sources")
    return centres, producers, products


def ensure_hub(homes, locales, report):
    text = {lang: load_story("hub", lang, HUB_DIR) for lang in LANGS}

    def create():
        if homes.get("id") is None:
            return None
        hub = ProductIndexPage(title=text["id"].title, slug=HUB_SLUGS["id"], intro=text["id"].summary)
        homes["id"].add_child(instance=hub)
        publish(hub)
        return hub

    def translate(hub):
        en = hub.copy_for_translation(locales["en"])
        en.title, en.intro, en.slug = text["en"].title, text["en"].summary, HUB_SLUGS["en"]
        publish(en)
        return en

    return report.ensure_pair(
        "product-hub",
        "product hub",
        locales,
        lambda: ProductIndexPage.objects.filter(locale=locales["id"]).first(),
        create,
        translate,
    )


def _centre_fields(feature, lang):
    props = feature["properties"]
    coordinate_source = props.get("coordinate_source") or {}
    return {
        "what_they_make": text_in(props.get("what_they_make"), lang),
        **where_fields(feature, lang),
        "coordinate_note": text_in(coordinate_source.get("note"), lang),
    }


def _set_centre_children(page, props, lang):
    page.figures.set(
        [
            CentreFigure(
                label=text_in(fig["label"], lang)[:200],
                value=text_in(fig["value"], lang)[:200],
                year=fig.get("year"),
                source_title=fig["source"]["title"][:300],
                source_url=fig["source"].get("url") or "",
            )
            for fig in props.get("figures") or []
        ]
    )
    page.sources.set(
        [CentreSource(title=s["title"][:300], url=s.get("url") or "") for s in props.get("sources") or []]
    )


def ensure_centre(feature, hubs, locales, report):
    props = feature["properties"]
    slug = props["slug"]

    def create():
        if hubs["id"] is None:
            return None
        story = load_story(slug, "id", STORIES_DIR)
        page = CentrePage(
            title=story.title,
            slug=slug,
            summary=story.summary,
            story=story.blocks,
            **_centre_fields(feature, "id"),
        )
        page.image = placeholder_image(story.title, "kampung")
        _set_centre_children(page, props, "id")
        hubs["id"].add_child(instance=page)
        publish(page)
        return page

    def translate(page):
        story = load_story(slug, "en", STORIES_DIR)
        en = page.copy_for_translation(locales["en"]).specific
        en.title, en.summary, en.story = story.title, story.summary, story.blocks
        for name, value in _centre_fields(feature, "en").items():
            setattr(en, name, value)
        _set_centre_children(en, props, "en")
        publish(en)
        return en

    return report.ensure_pair(
        f"centre:{slug}",
        f"centre {slug}",
        locales,
        lambda: CentrePage.objects.filter(locale=locales["id"], slug=slug).first(),
        create,
        translate,
    )


def ensure_producer(record, centres, report):
    """A producer snippet, keyed by its slug in the data file (found by name on a site that kept no record)."""
    return report.ensure(
        f"producer:{record['slug']}",
        lambda: Producer.objects.filter(name=record["name"]).first(),
        lambda: _create_producer(record, centres),
        f"producer {record['name']}",
    )


def _create_producer(record, centres):
    location = record.get("location") or {}
    coordinate_source = record.get("coordinate_source") or {}
    centre = centres.get(record.get("centre") or "")
    producer = Producer(
        name=record["name"],
        sector=record["sector"],
        scale=record.get("scale") or "",
        founded=record.get("founded") or "",
        centre=centre["id"] if centre and centre["id"] else None,
        region=record["region"],
        district=record.get("district") or "",
        village=record.get("village") or "",
        address=record.get("address") or "",
        latitude=Decimal(f"{location['lat']:.6f}") if location else None,
        longitude=Decimal(f"{location['lon']:.6f}") if location else None,
        coordinate_source=(coordinate_source.get("title") or "")[:255],
        coordinate_source_url=coordinate_source.get("url") or "",
        coordinate_note=text_in(coordinate_source.get("note"), "en"),
        website=record.get("website") or "",
        email=record.get("email") or "",
        phone=record.get("phone") or "",
        whatsapp=record.get("whatsapp") or "",
        languages=record.get("languages") or "",
    )
    producer.sources.set(
        [ProducerSource(title=s["title"][:300], url=s.get("url") or "") for s in record.get("sources") or []]
    )
    producer.certifications.set(
        [
            ProducerCertification(
                kind=c["kind"], number=c.get("number") or "", source_url=c.get("source") or ""
            )
            for c in record.get("certifications") or []
        ]
    )
    producer.save()
    return producer


def _product_fields(record, lang):
    price = record.get("price") or {}
    min_order = record.get("min_order") or {}
    capacity = record.get("monthly_capacity") or {}
    return {
        "sector": record["sector"],
        "price_min_idr": price.get("min_idr"),
        "price_max_idr": price.get("max_idr"),
        "price_unit": text_in(price.get("unit"), lang),
        "price_checked": iso_date(price.get("checked")),
        "price_source_url": price.get("source") or "",
        "min_order_quantity": min_order.get("quantity"),
        "min_order_unit": text_in(min_order.get("unit"), lang),
        "monthly_capacity": capacity.get("quantity"),
        "capacity_unit": text_in(capacity.get("unit"), lang),
        "capacity_note": text_in(record.get("capacity_note"), lang),
        "export_readiness": record.get("export_readiness") or "local",
        "export_markets": text_in(record.get("export_markets"), lang)[:255],
        "featured": bool(record.get("featured")),
        "featured_order": record.get("featured_order") or 0,
        "featured_until": iso_date(record.get("featured_until")),
    }


def _set_product_children(page, record, lang, locale, report):
    page.sources.set(
        [ProductSource(title=s["title"][:300], url=s.get("url") or "") for s in record.get("sources") or []]
    )
    page.certifications.set(
        [
            ProductCertification(
                kind=c["kind"], number=c.get("number") or "", source_url=c.get("source") or ""
            )
            for c in record.get("certifications") or []
        ]
    )
    # The place the seed made for a slug, even if the office renamed it since; by slug for places the
    # seed never made. Places not (yet) in the bundled places file are skipped, not an error: the two
    # files grow separately.
    related = [
        report.recorded(f"place:{slug}:{lang}") or PlacePage.objects.filter(locale=locale, slug=slug).first()
        for slug in record.get("related") or []
    ]
    page.related_places.set([ProductRelatedPlace(page=place) for place in related if place is not None])


def ensure_product(record, hubs, centres, producers, locales, report):
    slug = record["slug"]
    centre = centres.get(record.get("centre") or "") or {}
    producer = producers.get(record.get("producer") or "")

    def create():
        if hubs["id"] is None:
            return None
        story = load_story(slug, "id", STORIES_DIR)
        page = ProductPage(
            title=story.title,
            slug=slug,
            summary=story.summary,
            story=story.blocks,
            centre=centre.get("id"),
            producer=producer,
            **_product_fields(record, "id"),
        )
        sector = Sector(record["sector"])
        page.image = placeholder_image(story.title, f"{sector.label}")
        _set_product_children(page, record, "id", locales["id"], report)
        hubs["id"].add_child(instance=page)
        publish(page)
        return page

    def translate(page):
        story = load_story(slug, "en", STORIES_DIR)
        en = page.copy_for_translation(locales["en"]).specific
        en.title, en.summary, en.story = story.title, story.summary, story.blocks
        en.centre = centre.get("en")
        en.producer = producer
        for name, value in _product_fields(record, "en").items():
            setattr(en, name, value)
        _set_product_children(en, record, "en", locales["en"], report)
        publish(en)
        return en

    return report.ensure_pair(
        f"product:{slug}",
        f"product {slug}",
        locales,
        lambda: ProductPage.objects.filter(locale=locales["id"], slug=slug).first(),
        create,
        translate,
    )


def _site_homes_and_locales():
    """The Indonesian and English homes of a site the site-wide seed has built: the default site's root and
    its translation."""
    locales = {code: Locale.objects.get(language_code=code) for code in LANGS}
    root = Site.objects.get(is_default_site=True).root_page.specific
    homes = {code: root.get_translation(locales[code]).specific for code in LANGS}
    return homes, locales


def seed_products(
    homes=None, locales=None, report=None, centres_path=CENTRES_FILE, catalogue_path=CATALOGUE_FILE
):
    """Seed the hub, centres, producers and products onto the site's homes (found by locale when not given).
    Returns the report: what was created, in order."""
    features, producer_records, product_records = load_catalogue(centres_path, catalogue_path)
    if homes is None or locales is None:
        homes, locales = _site_homes_and_locales()
    report = report if report is not None else SeedReport()
    hubs = ensure_hub(homes, locales, report)
    centres = {f["properties"]["slug"]: ensure_centre(f, hubs, locales, report) for f in features}
    producers = {record["slug"]: ensure_producer(record, centres, report) for record in producer_records}
    for record in product_records:
        ensure_product(record, hubs, centres, producers, locales, report)
    return report
