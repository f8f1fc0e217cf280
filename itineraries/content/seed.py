"""Seeding the bundled itineraries (id and en) under each home page: items of the seed's ledger, like the places.

Legs are routed here exactly as when an editor saves in the admin; an itinerary whose places are not in the
bundled data is skipped and reported, never half-created.
"""

import datetime as dt
import json
from pathlib import Path

from django.db import transaction

from heritage.content.loader import load_story
from heritage.models import PlacePage

from ..models import ItineraryIndexPage, ItineraryLink, ItineraryPage, ItineraryStop

CONTENT = Path(__file__).resolve().parent
INDEX_TEXT = {
    "id": (
        "Rencana Perjalanan",
        "perjalanan",
        "Rute jalan kaki, berkendara dan pendakian dari warisan kota Malang sampai matahari terbit Bromo, dengan jarak dan waktu yang dihitung.",
    ),
    "en": (
        "Itineraries",
        "itineraries",
        "Walks, drives and hikes from Malang's heritage to a Bromo sunrise, with computed distances and times.",
    ),
}


def _publish(page):
    page.save_revision().publish()


def ensure_index(homes, locales, report):
    def create():
        if homes.get("id") is None:
            return None
        title, slug, intro = INDEX_TEXT["id"]
        index = ItineraryIndexPage(title=title, slug=slug, intro=intro)
        homes["id"].add_child(instance=index)
        _publish(index)
        return index

    def translate(index):
        title, slug, intro = INDEX_TEXT["en"]
        en = index.copy_for_translation(locales["en"])
        en.title, en.slug, en.intro = title, slug, intro
        _publish(en)
        return en

    pair = report.ensure_pair(
        "itinerary-index",
        "itinerary index",
        locales,
        lambda: ItineraryIndexPage.objects.filter(locale=locales["id"]).first(),
        create,
        translate,
    )
    return pair["id"]


def _stops(spec, lang, locale, report):
    stops = []
    for row in spec["stops"]:
        # The page the seed made for the place (the office may have renamed it), else by slug.
        place = (
            report.recorded(f"place:{row['place']}:{lang}")
            or PlacePage.objects.filter(slug=row["place"], locale=locale).first()
        )
        if place is None:
            return None, row["place"]
        stops.append(
            ItineraryStop(
                place=place.specific,
                day=row.get("day", 1),
                stay_minutes=row.get("stay", 30),
                arrive_before_sunrise=row.get("sunrise", False),
                leg_mode=row.get("mode", ""),
                sort_order=len(stops),
            )
        )
    return stops, None


def _fill(page, spec, story, stops):
    page.title, page.summary, page.story = story.title, story.summary, story.blocks
    page.booking_rules = story.meta.get("booking", "")
    page.theme, page.mode, page.days = spec["theme"], spec["mode"], spec["days"]
    page.difficulty = spec["difficulty"]
    page.start_time = dt.time.fromisoformat(spec["start_time"])
    page.sunrise_margin_min = spec.get("sunrise_margin", 30)
    page.stops = stops
    page.links = [ItineraryLink(title=link["title"], url=link["url"]) for link in spec.get("links", [])]
    page.compute_route(stops)


def ensure_itinerary(spec, index, locales, report):
    slug, stories = spec["slug"], CONTENT / "stories"

    def create():
        if index is None:
            return None
        stops, missing = _stops(spec, "id", locales["id"], report)
        if stops is None:
            report.add(f"SKIPPED itinerary {slug}: no place {missing!r}")
            return None
        page = ItineraryPage(slug=slug)
        _fill(page, spec, load_story(slug, "id", stories), stops)
        index.add_child(instance=page)
        _publish(page)
        return page

    def translate(page):
        stops, missing = _stops(spec, "en", locales["en"], report)
        if stops is None:
            report.add(f"SKIPPED itinerary {slug} (en): no place {missing!r}")
            return None
        en = page.copy_for_translation(locales["en"]).specific
        en.slug = spec["slug_en"]
        _fill(en, spec, load_story(slug, "en", stories), stops)
        _publish(en)
        return en

    report.ensure_pair(
        f"itinerary:{slug}",
        f"itinerary {slug}",
        locales,
        lambda: ItineraryPage.objects.filter(locale=locales["id"], slug=slug).first(),
        create,
        translate,
    )


@transaction.atomic
def seed_itineraries(homes, locales, report):
    specs = json.loads((CONTENT / "itineraries.json").read_text(encoding="utf-8"))["itineraries"]
    index = ensure_index(homes, locales, report)
    for spec in specs:
        ensure_itinerary(spec, index, locales, report)
