"""The places from the bundled data: the place list and every place in Indonesian (the source locale) and
English, with placeholder artwork, under the homes the site-wide seed (`home.seed`) made.

Each page is an item of the seed's ledger (`heritage.content.ledger`): created once, then the office's.
"""

from heritage.models import CorridorPlacePage, HeritageSitePage, PlaceIndexPage, RelatedPlace

from .helpers import LANGS, publish
from .loader import PAGES_DIR, STORIES_DIR, load_places, load_story
from .place_fields import place_fields, set_place_children
from .placeholders import placeholder_image


def ensure_index(homes, locales, report):
    text = {lang: load_story("places", lang, PAGES_DIR) for lang in LANGS}

    def create():
        if homes.get("id") is None:
            return None
        index = PlaceIndexPage(title=text["id"].title, slug="tempat", intro=text["id"].summary)
        homes["id"].add_child(instance=index)
        publish(index)
        return index

    def translate(index):
        en = index.copy_for_translation(locales["en"])
        en.title, en.intro, en.slug = text["en"].title, text["en"].summary, "places"
        publish(en)
        return en

    return report.ensure_pair(
        "place-index",
        "place index",
        locales,
        lambda: PlaceIndexPage.objects.filter(locale=locales["id"]).first(),
        create,
        translate,
    )


def ensure_place(feature, indexes, locales, report, stories_dir):
    props = feature["properties"]
    slug = props["slug"]
    model = CorridorPlacePage if props.get("page_type") == "corridor" else HeritageSitePage

    def create():
        if indexes["id"] is None:
            return None
        story = load_story(slug, "id", stories_dir)
        page = model(
            title=story.title,
            slug=slug,
            summary=story.summary,
            story=story.blocks,
            **place_fields(props, feature, "id"),
        )
        page.image = placeholder_image(story.title, props["kind"])
        set_place_children(page, props)
        indexes["id"].add_child(instance=page)
        publish(page)
        return page

    def translate(page):
        story = load_story(slug, "en", stories_dir)
        en = page.copy_for_translation(locales["en"]).specific
        en.title, en.summary, en.story = story.title, story.summary, story.blocks
        for name, value in place_fields(props, feature, "en").items():
            setattr(en, name, value)
        set_place_children(en, props, "en")
        publish(en)
        return en

    return report.ensure_pair(
        f"place:{slug}",
        slug,
        locales,
        lambda: model.objects.filter(locale=locales["id"], slug=slug).first(),
        create,
        translate,
    )


def link_related(pages, features, report):
    """Related places point at the page in the same language; set once, when this run created the page."""
    for feature in features:
        props = feature["properties"]
        pair = pages.get(props["slug"])
        for lang in LANGS:
            page = pair[lang] if pair else None
            if page is None or not report.was_created(f"{props['slug']} ({lang})"):
                continue
            targets = [
                pages[slug][lang]
                for slug in props.get("related") or []
                if slug in pages and pages[slug][lang]
            ]
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
        pages[feature["properties"]["slug"]] = ensure_place(feature, indexes, locales, report, stories_dir)
    link_related(pages, features, report)
    return pages
