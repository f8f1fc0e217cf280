"""A row of an uploaded file, turned into the places schema of docs/places-data.md.

Two shapes of file arrive: the schema of `places.geojson` (`name`, `name_en`, `page_type`, `designation` as
an object, ...) and what the open-data exports write (`title`, `type`, `designation` and `sk_number` as text,
`summary`, `lang`, plus `id`, `url`, `qr_url` that an import ignores). GeoPackage and CSV hold no objects or
lists, so `geodata.io` writes them as JSON text, and a CSV export puts a `'` before text a spreadsheet would
take for a formula (heritage.spreadsheets); both are undone here.
"""

import json

from django.utils.translation import gettext_lazy as _

from geodata.validation import blank
from heritage.spreadsheets import FORMULA_STARTS

# Renamed to the places schema when the file has no column of the schema's name.
EXPORT_COLUMNS = {"title": "name", "type": "page_type"}
OBJECT_COLUMNS = ("designation", "opening_hours", "ticket", "access", "accessibility", "coordinate_source")
LIST_COLUMNS = ("links", "related", "sources")
WHOLE_NUMBERS = ("year_from", "year_to", "elevation_m")
TEXT_COLUMNS = (
    "slug",
    "name",
    "name_en",
    "page_type",
    "kind",
    "category",
    "era",
    "built",
    "architect",
    "region",
    "district",
    "village",
    "address",
    "location_precision",
    "summary",
    "lang",
    "sk_number",
)
TRUE = {"true", "1", "yes", "ya"}
FALSE = {"false", "0", "no", "tidak", ""}


class RowError(ValueError):
    """One value of a row is not what its column holds; `field` names the column."""

    def __init__(self, field, reason):
        super().__init__(str(reason))
        self.field = field
        self.reason = reason


def _text(value):
    if blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        text = text[1:]  # our CSV export's guard against spreadsheet formulas
    return text


def _is_text(value) -> bool:
    """One string, or a string in each language: {"id": ..., "en": ...}."""
    if isinstance(value, dict):
        return bool(value) and set(value) <= {"id", "en"} and all(isinstance(v, str) for v in value.values())
    return isinstance(value, str)


def _json(name, value, kind):
    if blank(value):
        return None
    if isinstance(value, dict | list):
        parsed = value
    else:
        text = _text(value)
        if kind is dict and not text.startswith("{"):
            return {"title": text} if name == "coordinate_source" else {"status": text}
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            raise RowError(name, _("not valid JSON")) from None
    if not isinstance(parsed, kind):
        expected = _("an object") if kind is dict else _("a list")
        raise RowError(name, _("should be %(expected)s") % {"expected": expected})
    return parsed


def _whole_number(name, value):
    if blank(value):
        return None
    if isinstance(value, bool):
        raise RowError(name, _("not a whole number"))
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        raise RowError(
            name, _("%(value)s is not a whole number") % {"value": repr(str(value)[:30])}
        ) from None
    if not number.is_integer():
        raise RowError(name, _("%(value)s is not a whole number") % {"value": repr(str(value)[:30])})
    return int(number)


def _flag(value):
    if isinstance(value, bool):
        return value
    if blank(value):
        return False
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise RowError("featured", _("should be true or false"))


def schema_columns(columns) -> dict:
    """{file column: schema name} for the columns the places schema knows."""
    present = set(columns)
    return {
        column: EXPORT_COLUMNS.get(column, column)
        for column in columns
        if column not in EXPORT_COLUMNS or EXPORT_COLUMNS[column] not in present
    }


def place_props(record: dict) -> tuple[dict, list[RowError]]:
    """The row as places-schema properties, and the values that could not be read."""
    props, errors = {}, []
    for name in TEXT_COLUMNS:
        value = record.get(name)
        # A GeoJSON file in the places schema (the bundled one included) may give a text in both languages,
        # {"id": ..., "en": ...}; the row's language picks one (place_fields).
        if isinstance(value, dict):
            props[name] = {lang: _text(value.get(lang)) for lang in ("id", "en")}
        else:
            props[name] = _text(value)
    for name, kind in [*((n, dict) for n in OBJECT_COLUMNS), *((n, list) for n in LIST_COLUMNS)]:
        try:
            props[name] = _json(name, record.get(name), kind)
        except RowError as error:
            errors.append(error)
            props[name] = None
    for name in WHOLE_NUMBERS:
        try:
            props[name] = _whole_number(name, record.get(name))
        except RowError as error:
            errors.append(error)
            props[name] = None
    try:
        props["featured"] = _flag(record.get("featured"))
    except RowError as error:
        errors.append(error)
    designation = props.get("designation")
    if props.get("sk_number") and isinstance(designation, dict) and not designation.get("sk_number"):
        props["designation"] = {**designation, "sk_number": props["sk_number"]}
    elif props.get("sk_number") and designation is None:
        props["designation"] = {"sk_number": props["sk_number"]}
    for name, keys in (("links", ("title", "url")), ("sources", ("title",))):
        for item in props.get(name) or []:
            if not isinstance(item, dict) or not all(_is_text(item.get(key)) for key in keys):
                errors.append(RowError(name, _("each entry needs a title and a url")))
                props[name] = None
                break
    return props, errors
