"""Filtering places, shared by the list page and the open-data API so both answer the same question."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .vocabulary import Era, Kind, Region

PAGE_TYPES = [("heritage", _("Heritage sites")), ("corridor", _("Bromo-Tengger-Semeru corridor"))]


class MultiChoiceField(forms.Field):
    """Comma-separated values from a fixed list: `kind=temple,gate`. Unknown values are an error."""

    def __init__(self, *, choices, **kwargs):
        self.valid = {value for value, _label in choices}
        self.choices = choices
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list) else str(value).split(",")
        return [v.strip() for v in values if v.strip()]

    def validate(self, value):
        super().validate(value)
        unknown = [v for v in value if v not in self.valid]
        if unknown:
            raise forms.ValidationError(
                _("Unknown value %(values)s. Use one of: %(valid)s."),
                params={"values": ", ".join(unknown[:5]), "valid": ", ".join(sorted(self.valid))},
            )


class BBoxField(forms.Field):
    """`bbox=west,south,east,north` in WGS84 degrees."""

    def to_python(self, value):
        if not value:
            return None
        parts = str(value).split(",")
        if len(parts) != 4:
            raise forms.ValidationError(_("bbox needs four numbers: west,south,east,north."))
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError as error:
            raise forms.ValidationError(_("bbox values must be numbers: west,south,east,north.")) from error
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90 and west <= east):
            raise forms.ValidationError(
                _("bbox must be west,south,east,north with west ≤ east, south ≤ north.")
            )
        return (west, south, east, north)


class PlaceFilterForm(forms.Form):
    type = forms.ChoiceField(choices=[("", _("All places")), *PAGE_TYPES], required=False, label=_("Type"))
    kind = MultiChoiceField(choices=Kind.choices, required=False, label=_("Kind"))
    region = MultiChoiceField(choices=Region.choices, required=False, label=_("Region"))
    era = MultiChoiceField(choices=Era.choices, required=False, label=_("Era"))
    bbox = BBoxField(required=False, label=_("Bounding box"))


def filtered_places(form: PlaceFilterForm, places, locale=None):
    """The `places` (a queryset of live places) matching a bound, valid form (an invalid or unbound form
    filters nothing)."""
    places = places.order_by("title")
    if locale is not None:
        places = places.filter(locale=locale)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if data.get("type") == "heritage":
        places = places.filter(heritagesitepage__isnull=False)
    elif data.get("type") == "corridor":
        places = places.filter(corridorplacepage__isnull=False)
    for field in ("kind", "region", "era"):
        if data.get(field):
            places = places.filter(**{f"{field}__in": data[field]})
    if data.get("bbox"):
        west, south, east, north = data["bbox"]
        places = places.filter(
            longitude__gte=west, longitude__lte=east, latitude__gte=south, latitude__lte=north
        )
    return list(places)
