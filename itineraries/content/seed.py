"""Seeding the bundled itineraries (id and en) under each home page. Idempotent, like the place seed.

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
    index = ItineraryIndexPage.objects.filter(locale=locales["id"]).first()
    if index is None:
        title, slug, intro = INDEX_TEXT["id"]
        index = ItineraryIndexPage(title=title, slug=slug, intro=intro)
        homes["id"].add_child(instance=index)
        _publish(index)
        report.add("itinerary index (id)")
    en = index.get_translation_or_none(locales["en"])
    if en is None:
        title, slug, intro = INDEX_TEXT["en"]
        en = index.copy_for_translation(locales["en"])
        en.title, en.slug, en.intro = title, slug, intro
        _publish(en)
        report.add("itinerary index (en)")
    return index


def _stops(spec, locale):
    stops = []
    for row in spec["stops"]:
        place = PlacePage.objects.filter(slug=row["place"], locale=locale).first()
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


@transaction.atomic
def seed_itineraries(homes, locales, report):
    specs = json.loads((CONTENT / "itineraries.json").read_text(encoding="utf-8"))["itineraries"]
    index = ensure_index(homes, locales, report)
    for spec in specs:
        page = ItineraryPage.objects.filter(locale=locales["id"], slug=spec["slug"]).first()
        if page is None:
            stops, missing = _stops(spec, locales["id"])
            if stops is None:
                report.add(f"SKIPPED itinerary {spec['slug']}: no place {missing!r}")
                continue
            page = ItineraryPage(slug=spec["slug"])
            _fill(page, spec, load_story(spec["slug"], "id", CONTENT / "stories"), stops)
            index.add_child(instance=page)
            _publish(page)
            report.add(f"itinerary {spec['slug']} (id)")
        if page.get_translation_or_none(locales["en"]) is None:
            stops, missing = _stops(spec, locales["en"])
            if stops is None:
                report.add(f"SKIPPED itinerary {spec['slug']} (en): no place {missing!r}")
                continue
            en = page.copy_for_translation(locales["en"]).specific
            en.slug = spec["slug_en"]
            _fill(en, spec, load_story(spec["slug"], "en", CONTENT / "stories"), stops)
            _publish(en)
            report.add(f"itinerary {spec['slug']} (en)")
