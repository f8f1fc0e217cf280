"""The places from the bundled data: the place list and every place in Indonesian (the source locale) and
English, with placeholder artwork, under the homes the site-wide seed (`home.seed`) made.

Idempotent: what exists is left alone (editors may have changed it), what is missing is created. Running it
twice creates nothing the second time.
"""

from heritage.models import (
    CorridorPlacePage,
    HeritageSitePage,
    LocationPrecision,
    PlaceIndexPage,
    PlaceLink,
    PlaceSource,
    RelatedPlace,
)

from .helpers import LANGS, iso_date, publish, text_in
from .loader import PAGES_DIR, STORIES_DIR, load_places, load_story, where_fields
from .placeholders import placeholder_image


def ensure_index(homes, locales, report):
    text = {lang: load_story("places", lang, PAGES_DIR) for lang in LANGS}
    index = PlaceIndexPage.objects.filter(locale=locales["id"]).first()
    if index is None:
        index = PlaceIndexPage(title=text["id"].title, slug="tempat", intro=text["id"].summary)
        homes["id"].add_child(instance=index)
        publish(index)
        report.add("place index (id)")
    en = index.get_translation_or_none(locales["en"])
    if en is None:
        en = index.copy_for_translation(locales["en"])
        en.title, en.intro, en.slug = text["en"].title, text["en"].summary, "places"
        publish(en)
        report.add("place index (en)")
    return {"id": index, "en": en.specific}


def _place_fields(props, feature, lang):
    designation = props.get("designation") or {}
    ticket = props.get("ticket") or {}
    return {
        "kind": props["kind"],
        "category": props.get("category") or "",
        "era": props.get("era") or "",
        "built": props.get("built") or "",
        "year_from": props.get("year_from"),
        "year_to": props.get("year_to"),
        "architect": props.get("architect") or "",
        "designation_status": designation.get("status") or "",
        "sk_number": designation.get("sk_number") or "",
        "sk_date": iso_date(designation.get("sk_date")),
        **where_fields(feature),
        "location_precision": props.get("location_precision") or LocationPrecision.SITE,
        "elevation_m": props.get("elevation_m"),
        "opening_hours": text_in(props.get("opening_hours"), lang),
        "ticket_domestic_idr": ticket.get("domestic_idr"),
        "ticket_foreign_idr": ticket.get("foreign_idr"),
        "ticket_checked": iso_date(ticket.get("checked")),
        "ticket_note": (ticket.get(f"note_{lang}") or "").strip(),
        "ticket_source_url": ticket.get("source") or "",
        "access": text_in(props.get("access"), lang),
        "accessibility": text_in(props.get("accessibility"), lang),
        "featured": bool(props.get("featured")),
    }


def _set_children(page, props):
    page.links.set(
        [PlaceLink(title=link["title"][:200], url=link["url"]) for link in props.get("links") or []]
    )
    page.sources.set(
        [
            PlaceSource(title=src["title"][:300], url=src.get("url") or "")
            for src in props.get("sources") or []
        ]
    )


def ensure_place(feature, indexes, locales, report, stories_dir):
    props = feature["properties"]
    model = CorridorPlacePage if props.get("page_type") == "corridor" else HeritageSitePage
    page = model.objects.filter(locale=locales["id"], slug=props["slug"]).first()
    created = False
    if page is None:
        story = load_story(props["slug"], "id", stories_dir)
        page = model(
            title=story.title,
            slug=props["slug"],
            summary=story.summary,
            story=story.blocks,
            **_place_fields(props, feature, "id"),
        )
        page.image = placeholder_image(story.title, props["kind"])
        _set_children(page, props)
        indexes["id"].add_child(instance=page)
        publish(page)
        report.add(f"{props['slug']} (id)")
        created = True
    en = page.get_translation_or_none(locales["en"])
    if en is None:
        story = load_story(props["slug"], "en", stories_dir)
        en = page.copy_for_translation(locales["en"]).specific
        en.title, en.summary, en.story = story.title, story.summary, story.blocks
        for name, value in _place_fields(props, feature, "en").items():
            setattr(en, name, value)
        _set_children(en, props)
        publish(en)
        report.add(f"{props['slug']} (en)")
        created = True
    return page, en.specific, created


def link_related(pages, features, locales):
    """Related places point at the page in the same language; set once, when the place is created."""
    for feature in features:
        props = feature["properties"]
        pair = pages.get(props["slug"])
        if not pair or not pair["created"]:
            continue
        for lang in LANGS:
            page = pair[lang]
            targets = [pages[slug][lang] for slug in props.get("related") or [] if slug in pages]
            page.related_places.set([RelatedPlace(page=target) for target in targets])
            revision = page.save_revision()
            revision.publish()


def seed_places(homes, locales, report, places_path=None, stories_dir=None):
    """The place list and the places (the bundled ones, or those of `places_path`) under `homes`."""
    indexes = ensure_index(homes, locales, report)
    features = load_places(places_path) if places_path else load_places()
    stories_dir = stories_dir or STORIES_DIR
    pages = {}
    for feature in features:
        page, en, created = ensure_place(feature, indexes, locales, report, stories_dir)
        pages[feature["properties"]["slug"]] = {"id": page, "en": en, "created": created}
    link_related(pages, features, locales)
    return pages
