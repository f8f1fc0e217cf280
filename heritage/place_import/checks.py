"""The report an editor reads before an import: every row checked, every problem named by row, field and
reason, and the rows ready to become pages when there is none.

What is checked, on top of `geodata.validation` (geometry readable, inside Indonesia, a name, no slug twice):
a place is one point; latitude and longitude that look swapped are said so; the kind and the region are
ones the place pages accept, and the point lies in the region the row states (`region_warning`, the admin's
own check); the row is not a place the site already has (the same slug in the chosen list, or the same name
in either language within DUPLICATE_DISTANCE_M of a place in any language, drafts included); every value fits
its page field.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from geodata.errors import UnreadableFile
from geodata.io import read_geofile
from geodata.places import normalize
from geodata.validation import SWAPPED, validate_frame
from heritage.content.place_fields import place_fields, place_links, place_sources
from heritage.models import CorridorPlacePage, HeritageSitePage, Kind, PlacePage, Region
from heritage.models.location import region_warning
from heritage.nearby import distance_m

from . import DUPLICATE_DISTANCE_M, MAX_ROWS
from .rows import place_props, schema_columns

PAGE_TYPES = {"heritage": HeritageSitePage, "corridor": CorridorPlacePage}
# A row that names no page type is a corridor place when its kind is a landform, a gate or a village.
CORRIDOR_KINDS = {"viewpoint", "gate", "village", "lake", "summit", "crater", "savanna", "sand_sea"}
# Fields given a message of their own before the model's fields are asked.
OWN_CHECKS = {"kind", "region", "latitude", "longitude"}


@dataclass(frozen=True)
class RowProblem:
    row: int  # from 1 in file order (0: the file as a whole)
    name: str
    field: str
    reason: str

    def __str__(self) -> str:
        where = _("row %(row)s") % {"row": self.row} if self.row else _("the file")
        name = f" ({self.name})" if self.name else ""
        return f"{where}{name}, {self.field}: {self.reason}"


@dataclass
class PlaceRow:
    """A good row, ready to become a draft page."""

    row: int
    model: type
    title: str
    slug: str
    summary: str
    fields: dict
    props: dict


@dataclass
class ImportReport:
    source: str
    index: object
    count: int = 0
    rows: list[PlaceRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    def summary(self) -> str:
        if self.ok:
            return _("%(source)s: %(count)s places ready to import") % {
                "source": self.source,
                "count": self.count,
            }
        return _("%(source)s: %(bad)s of %(count)s rows have problems; nothing can be imported") % {
            "source": self.source,
            "bad": len({p.row for p in self.problems if p.row}) or len(self.problems),
            "count": self.count,
        }

    def to_text(self) -> str:
        return "\n".join([self.summary(), *(f"  {problem}" for problem in self.problems)])


def _point_reason(lat: float, lon: float, swapped: bool) -> str:
    if swapped:
        return _(
            "latitude and longitude look swapped: %(lat)s, %(lon)s is outside Indonesia, "
            "%(lon)s, %(lat)s would be inside"
        ) % {"lat": f"{lat:.6g}", "lon": f"{lon:.6g}"}
    return _("outside Indonesia: %(lat)s, %(lon)s") % {"lat": f"{lat:.6g}", "lon": f"{lon:.6g}"}


_SAME_SLUG = re.compile(r"^duplicate of row (\d+) \(slug ")
_SAME_POINT = re.compile(r"^duplicate of row (\d+) \(same name and position\)$")


def _geodata_reason(problem, geom) -> str:
    """geodata speaks English (it imports no Django): its usual reasons are said again in the admin's
    language; a rarer one is shown as geodata wrote it."""
    reason = problem.reason
    known = {
        "missing name": _("missing name"),
        "no geometry": _("no point: the row has no coordinates"),
        "empty geometry": _("no point: the geometry is empty"),
        "latitude is missing": _("latitude is missing"),
        "longitude is missing": _("longitude is missing"),
        "latitude and longitude are missing": _("latitude and longitude are missing"),
    }
    if reason in known:
        return known[reason]
    if "outside" in reason and geom is not None and geom.geom_type == "Point":
        return _point_reason(geom.y, geom.x, reason.endswith(f"({SWAPPED})"))
    if match := _SAME_SLUG.match(reason):
        return _("the same slug as row %(other)s") % {"other": match.group(1)}
    if match := _SAME_POINT.match(reason):
        return _("the same name and position as row %(other)s") % {"other": match.group(1)}
    return reason


def _existing_places():
    """(title, lat, lon) of every place the site has, in every language, drafts included."""
    return [
        (title, float(lat), float(lon))
        for title, lat, lon in PlacePage.objects.values_list("title", "latitude", "longitude")
    ]


def _duplicate_of(names, lat, lon, places):
    for title, other_lat, other_lon in places:
        if normalize(title) in names:
            metres = distance_m(lat, lon, other_lat, other_lon)
            if metres <= DUPLICATE_DISTANCE_M:
                return title, metres
    return None


def _date_problems(props):
    for name, key in (("designation", "sk_date"), ("ticket", "checked")):
        value = (props.get(name) or {}).get(key)
        if value:
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                yield (
                    name,
                    _("%(key)s %(value)s is not a date (YYYY-MM-DD)")
                    % {
                        "key": key,
                        "value": repr(str(value)[:30]),
                    },
                )


def _field_problems(model, values):
    for name, value in values.items():
        if name in OWN_CHECKS or (name == "summary" and not value):
            continue  # a summary may be written in the draft
        try:
            model._meta.get_field(name).clean(value, None)
        except ValidationError as error:
            yield name, " ".join(error.messages)


def _children_problems(props):
    for name, rows in (("links", place_links(props)), ("sources", place_sources(props))):
        for child in rows:
            for attr in ("title", "url"):
                if attr == "url" and name == "sources" and not child.url:
                    continue
                try:
                    child._meta.get_field(attr).clean(getattr(child, attr), None)
                except ValidationError as error:
                    yield name, " ".join(error.messages)


def check_file(path, index, *, source=None) -> ImportReport:
    """Read and check a file of places for `index` (a PlaceIndexPage). Raises geodata's UnreadableFile when
    the file cannot be read at all."""
    source = source or Path(path).name
    frame = read_geofile(path, to_wgs84=False)
    report = ImportReport(source=source, index=index, count=len(frame))
    if not len(frame):
        report.problems.append(RowProblem(0, "", _("file"), _("the file holds no places")))
        return report
    if len(frame) > MAX_ROWS:
        report.problems.append(
            RowProblem(0, "", _("file"), _("more than %(max)s places: split the file") % {"max": MAX_ROWS})
        )
        return report
    frame = frame.rename(columns=schema_columns(frame.columns))
    if "name" not in frame.columns:
        frame["name"] = None
    checked, frame = validate_frame(frame, source=source, name_field="name")
    records = frame.drop(columns=frame.geometry.name).to_dict("records")
    geometries = list(frame.geometry)
    problems = report.problems

    def add(row, name, field_name, reason):
        problems.append(RowProblem(row, name or "", field_name, str(reason)))

    by_row = {}
    for problem in checked.problems:
        by_row.setdefault(problem.row, []).append(problem)
    lang = index.locale.language_code
    existing = _existing_places()
    taken = dict(index.get_children().values_list("slug", "title"))
    seen = []  # (row, names, lat, lon) of the rows before: the same place twice in one file
    today = timezone.localdate().isoformat()

    for number, (record, geom) in enumerate(zip(records, geometries, strict=True), start=1):
        before = len(problems)
        props, errors = place_props(record)
        name = props.get("name") or ""
        for problem in by_row.get(number, []):
            add(number, name, problem.field, _geodata_reason(problem, geom))
        for error in errors:
            add(number, name, error.field, error.reason)
        point = geom is not None and not geom.is_empty and geom.geom_type == "Point"
        if geom is not None and not geom.is_empty and not point:
            add(
                number, name, "geometry", _("a place is one point, not a %(type)s") % {"type": geom.geom_type}
            )
        lat, lon = (geom.y, geom.x) if point else (None, None)
        located = point and not any(p.field == "geometry" for p in by_row.get(number, []))

        kind = props.get("kind")
        if not kind:
            add(number, name, "kind", _("missing kind"))
        elif kind not in Kind.values:
            add(
                number,
                name,
                "kind",
                _("unknown kind %(kind)s; use one of: %(kinds)s")
                % {"kind": repr(kind), "kinds": ", ".join(Kind.values)},
            )
        region = props.get("region")
        if not region:
            add(number, name, "region", _("missing region"))
        elif region not in Region.values:
            add(
                number,
                name,
                "region",
                _("unknown region %(region)s; use one of: %(regions)s")
                % {"region": repr(region), "regions": ", ".join(Region.values)},
            )
        elif located and (warning := region_warning(region, f"{lat:.6f}", f"{lon:.6f}")):
            add(number, name, "region", _("outside the stated region: %(warning)s") % {"warning": warning})

        page_type = props.get("page_type") or ("corridor" if kind in CORRIDOR_KINDS else "heritage")
        model = PAGE_TYPES.get(page_type)
        if model is None:
            add(
                number,
                name,
                "page_type",
                _("unknown page type %(type)s; use heritage or corridor") % {"type": repr(page_type)},
            )
            model = HeritageSitePage
        if props.get("lang") and props["lang"] != lang:
            add(
                number,
                name,
                "lang",
                _("the row is in %(lang)s, the list you chose is in %(target)s")
                % {"lang": repr(props["lang"]), "target": repr(lang)},
            )
        slug = props.get("slug") or slugify(name)
        if not slug:
            add(number, name, "slug", _("no slug, and none can be made from the name"))
        elif slug in taken:
            add(
                number,
                name,
                "slug",
                _("duplicate: the list already has a place with the slug %(slug)s (%(title)s)")
                % {"slug": repr(slug), "title": taken[slug]},
            )
        for field_name, reason in _date_problems(props):
            add(number, name, field_name, reason)

        if located and name:
            names = {normalize(n) for n in (name, props.get("name_en")) if n}
            found = _duplicate_of(names, lat, lon, existing)
            if found:
                add(
                    number,
                    name,
                    "name",
                    _("duplicate of %(title)s, a place of the same name %(metres)s m away")
                    % {"title": found[0], "metres": round(found[1])},
                )
            for other_row, other_names, other_lat, other_lon in seen:
                if names & other_names and distance_m(lat, lon, other_lat, other_lon) <= DUPLICATE_DISTANCE_M:
                    if not any(p.row == number and p.field == "name" for p in problems[before:]):
                        add(number, name, "name", _("the same place as row %(other)s") % {"other": other_row})
                    break
            seen.append((number, names, lat, lon))

        if len(problems) > before or not located or not name:
            continue
        feature = {"properties": props, "geometry": {"coordinates": [lon, lat]}}
        fields = place_fields(props, feature, lang)
        if not fields["coordinate_source"]:
            # Stored data, not interface text: the same words whatever language the editor reads.
            fields["coordinate_source"] = f"import: {source}, {today}"[:255]
        summary = props.get("summary") or ""
        values = {"title": name, "slug": slug, "summary": summary, **fields}
        for field_name, reason in [*_field_problems(model, values), *_children_problems(props)]:
            add(number, name, field_name, reason)
        if len(problems) == before:
            report.rows.append(
                PlaceRow(
                    row=number,
                    model=model,
                    title=name,
                    slug=slug,
                    summary=summary,
                    fields=fields,
                    props=props,
                )
            )
    return report


__all__ = ["ImportReport", "PlaceRow", "RowProblem", "UnreadableFile", "check_file"]
