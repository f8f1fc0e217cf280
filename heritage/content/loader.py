"""Reading the bundled Malang content: places from `geodata/data/places.geojson` (the one source of truth
the geo library reads too) and their stories from text files, one per place and language.

The story format is described in docs/places-data.md: front matter (title, summary), paragraphs, `## `
headings, `> ` quotes, and a `Linimasa`/`Timeline` heading followed by `- WHEN: text` lines.
"""

import html
import json
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from geodata.places import PLACES_PATH as PLACES_FILE
from heritage.vocabulary import LocationPrecision

from .helpers import text_in

STORIES_DIR = Path(__file__).resolve().parent / "stories"
PAGES_DIR = Path(__file__).resolve().parent / "pages"
TIMELINE_HEADINGS = {"linimasa", "timeline"}
_TIMELINE_LINE = re.compile(r"^-\s*(?P<when>[^:]{1,40}):\s*(?P<text>.+)$")


class ContentError(ValueError):
    """The bundled content is malformed: the message names the file and what is wrong."""


@dataclass
class Story:
    title: str
    summary: str
    blocks: list = field(default_factory=list)  # StreamField raw data
    meta: dict = field(default_factory=dict)  # any further front-matter keys


def _inline(text: str) -> str:
    """Escape HTML, then allow **strong** and *emphasis*."""
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", r"<i>\1</i>", text)


def _block(kind: str, value) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def parse_story(text: str, source: str = "story") -> Story:
    match = re.match(r"^---\n(?P<meta>.*?)\n---\n?(?P<body>.*)$", text.strip() + "\n", re.S)
    if not match:
        raise ContentError(f"{source}: missing the front matter (--- title/summary ---)")
    meta = {}
    for line in match["meta"].splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            meta[key.strip().lower()] = value.strip()
    if not meta.get("title") or not meta.get("summary"):
        raise ContentError(f"{source}: the front matter needs a title and a summary")

    blocks, in_timeline = [], False
    for chunk in re.split(r"\n\s*\n", match["body"].strip()):
        lines = [line.rstrip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("## "):
            heading = lines[0][3:].strip()
            in_timeline = heading.lower() in TIMELINE_HEADINGS
            blocks.append(_block("heading", heading))
            lines = lines[1:]
            if not lines:
                continue
        if in_timeline and all(_TIMELINE_LINE.match(line) for line in lines):
            entries = [_TIMELINE_LINE.match(line) for line in lines]
            items = [_block("item", {"when": m["when"].strip(), "text": m["text"].strip()}) for m in entries]
            if blocks and blocks[-1]["type"] == "timeline":
                blocks[-1]["value"].extend(items)
            else:
                blocks.append(_block("timeline", items))
            continue
        in_timeline = False
        if all(line.startswith(">") for line in lines):
            quote = " ".join(line.lstrip("> ").strip() for line in lines)
            text_part, _sep, who = quote.partition(" — ")
            blocks.append(_block("quote", {"text": text_part.strip(), "attribution": who.strip()}))
            continue
        blocks.append(_block("paragraph", f"<p>{_inline(' '.join(lines))}</p>"))
    return Story(title=meta["title"], summary=meta["summary"], blocks=blocks, meta=meta)


def load_story(slug: str, lang: str, folder: Path = STORIES_DIR) -> Story:
    path = folder / lang / f"{slug}.md"
    if not path.exists():
        raise ContentError(f"{path}: the {lang} story of {slug} is missing")
    return parse_story(path.read_text(encoding="utf-8"), source=str(path))


def where_fields(feature: dict, lang: str = "id") -> dict:
    """The model fields saying where a bundled place or centre is, from its GeoJSON feature; the address in
    `lang` (one string for both languages, or `{"id": ..., "en": ...}` when it has words beside the names)."""
    props = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"][:2]
    coordinate_source = props.get("coordinate_source") or {}
    return {
        "region": props["region"],
        "district": props.get("district") or "",
        "village": props.get("village") or "",
        "address": text_in(props.get("address"), lang),
        "latitude": Decimal(f"{lat:.6f}"),
        "longitude": Decimal(f"{lon:.6f}"),
        "coordinate_source": (coordinate_source.get("title") or "")[:255],
        "coordinate_source_url": coordinate_source.get("url") or "",
    }


def load_places(path: Path = PLACES_FILE) -> list[dict]:
    """The features of the bundled places file, checked for what the seed relies on."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ContentError(f"{path}: cannot read the places file: {error}") from error
    features = data.get("features") or []
    slugs = set()
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") or {}
        slug = props.get("slug")
        if not slug or slug in slugs:
            raise ContentError(f"{path}: feature {number} has a missing or repeated slug {slug!r}")
        slugs.add(slug)
        geometry = feature.get("geometry") or {}
        if geometry.get("type") != "Point" or len(geometry.get("coordinates") or []) < 2:
            raise ContentError(f"{path}: {slug} is not a Point")
        precision = props.get("location_precision")
        if precision is not None and precision not in LocationPrecision.values:
            raise ContentError(
                f"{path}: {slug} has location_precision {precision!r}; use one of "
                + ", ".join(LocationPrecision.values)
            )
    return features
