"""What a discovery search asks and what it answers, shared by both engines and by the page and the API."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from heritage.filters import MultiChoiceField
from heritage.models import Era, Kind, Region

FACETS = ("kind", "region", "era")
FACET_CHOICES = {"kind": Kind.choices, "region": Region.choices, "era": Era.choices}
DEFAULT_RADIUS_KM = 10.0
MAX_RADIUS_KM = 300.0
PER_PAGE = 20
MAX_WORDS_LENGTH = 200


def search_words(text: str, limit: int = MAX_WORDS_LENGTH) -> str:
    """The words of what a visitor typed, as both engines are given them: letters, marks and digits of any
    script; everything else (quotes, ``*``, ``-``, ``(``, ``:``, ``^``, NUL and other control or format
    characters such as U+202E) a space between words; at most `limit` characters.

    Wagtail's database backend puts each term in double quotes for SQLite FTS5 without escaping a quote the
    visitor typed, so `candi "jago` answered 500 ("unterminated string"); PostgreSQL rejects NUL in any
    string. The engines' analysers drop punctuation anyway, so nothing searchable is lost. Operator words
    (``AND``, ``OR``, ``NEAR``) stay: each is searched as a plain word."""
    kept = "".join(char if unicodedata.category(char)[0] in "LMN" else " " for char in str(text)[: limit * 4])
    return " ".join(kept.split())[:limit].strip()


@dataclass(frozen=True)
class DiscoveryQuery:
    lang: str = "id"
    text: str = ""
    kind: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    era: tuple[str, ...] = ()
    near: tuple[float, float] | None = None  # (lat, lon)
    radius_km: float = DEFAULT_RADIUS_KM
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.kind or self.region or self.era or self.near)

    @property
    def words(self) -> str:
        """The text as the engines search it (see `search_words`); empty when it holds no word at all."""
        return search_words(self.text)

    def selected(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet)


@dataclass(frozen=True)
class Hit:
    page: object  # a specific PlacePage
    distance_m: float | None = None


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Results:
    query: DiscoveryQuery
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    engine: str = "database"

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.query.per_page))

    @property
    def has_next(self) -> bool:
        return self.query.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.query.page > 1


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    kind: str


def facet_values(facet: str, counts: dict[str, int], query: DiscoveryQuery) -> list[FacetValue]:
    """The values of one facet with their counts, in the order of the choices; values with no match are
    left out unless they are selected (so a visitor can always unselect them)."""
    chosen = set(query.selected(facet))
    return [
        FacetValue(value, str(label), counts.get(value, 0), value in chosen)
        for value, label in FACET_CHOICES[facet]
        if counts.get(value) or value in chosen
    ]


class NearField(forms.Field):
    """`near=lat,lon` in WGS84 degrees."""

    def to_python(self, value):
        if not value:
            return None
        parts = str(value).split(",")
        if len(parts) != 2:
            raise forms.ValidationError(_("near needs two numbers: latitude,longitude."))
        try:
            lat, lon = (float(part) for part in parts)
        except ValueError as error:
            raise forms.ValidationError(_("near values must be numbers: latitude,longitude.")) from error
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise forms.ValidationError(_("near must be a latitude (−90…90) and a longitude (−180…180)."))
        return (lat, lon)


class DiscoveryForm(forms.Form):
    q = forms.CharField(required=False, label=_("Words"))
    kind = MultiChoiceField(choices=Kind.choices, required=False, label=_("Kind"))
    region = MultiChoiceField(choices=Region.choices, required=False, label=_("Region"))
    era = MultiChoiceField(choices=Era.choices, required=False, label=_("Era"))
    near = NearField(required=False, label=_("Near"))
    radius = forms.FloatField(required=False, min_value=0.1, max_value=MAX_RADIUS_KM, label=_("Radius (km)"))
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000, label=_("Page"))

    def clean_q(self):
        return " ".join(self.cleaned_data.get("q", "").split())[:200]

    def to_query(self, lang: str) -> DiscoveryQuery:
        """The query of a bound form; fields that did not validate are left out (the page says which)."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return DiscoveryQuery(
            lang=lang,
            text=data.get("q") or "",
            kind=tuple(data.get("kind") or ()),
            region=tuple(data.get("region") or ()),
            era=tuple(data.get("era") or ()),
            near=data.get("near"),
            radius_km=data.get("radius") or DEFAULT_RADIUS_KM,
            page=data.get("page") or 1,
        )
