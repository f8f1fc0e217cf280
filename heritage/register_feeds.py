"""The register of designated heritage as open data: GeoJSON (a `null` geometry where no point is sourced)
and CSV, every published entry, under the licence and headers every feed of the site carries."""

import csv
import io

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from .models import RegisterEntry, RegisterFilterForm, filtered_entries
from .open_data import bad_parameter, cacheable, canonical_url, feed_metadata, licensed
from .osm_credit import EXPORT_COLUMNS, entry_osm_credit, export_fields
from .spreadsheets import safe_cell

DATASET = "heritage-register"
COLUMNS = [
    "id",
    "name",
    "category",
    "rank",
    "year",
    "designation",
    "decree_number",
    "decree_date",
    "district",
    "current_use",
    "location_note",
    "tourist_page",
    "sources",
    *EXPORT_COLUMNS,
]


def entry_properties(entry: RegisterEntry) -> dict:
    page = entry.tourist_page
    return {
        "id": entry.pk,
        "name": entry.name,
        "category": entry.category or None,
        "rank": entry.rank,
        "year": entry.year,
        "designation": entry.designation,
        "decree_number": entry.decree_number or None,
        "decree_date": entry.decree_date.isoformat() if entry.decree_date else None,
        "district": entry.district or None,
        "current_use": entry.current_use or None,
        "location_note": entry.location_note or None,
        "tourist_page": canonical_url(page.url) if page is not None and page.live and page.url else None,
        "sources": entry.source_list,
        **export_fields(entry_osm_credit(entry)),
    }


def entry_feature(entry: RegisterEntry) -> dict:
    geometry = None
    if entry.has_point:
        geometry = {"type": "Point", "coordinates": [float(entry.longitude), float(entry.latitude)]}
    return {"type": "Feature", "id": entry.pk, "geometry": geometry, "properties": entry_properties(entry)}


def _entries(request):
    form = RegisterFilterForm(request.GET)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        return None, bad_parameter(name, " ".join(errors))
    return filtered_entries(form), None


@require_GET
def register_geojson(request):
    entries, error = _entries(request)
    if error:
        return error
    features = [entry_feature(entry) for entry in entries]
    osm = any(feature["properties"]["coordinate_attribution"] for feature in features)
    data = {
        "type": "FeatureCollection",
        "features": features,
        "metadata": feed_metadata(DATASET, osm_points=osm),
    }
    return licensed(
        cacheable(JsonResponse(data, content_type="application/geo+json")), DATASET, osm_derived=osm
    )


def register_csv_text(entries) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*COLUMNS, "latitude", "longitude"], lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        row = entry_properties(entry)
        row["sources"] = " ".join(row["sources"])
        row.update(
            latitude=f"{entry.latitude:.6f}" if entry.has_point else None,
            longitude=f"{entry.longitude:.6f}" if entry.has_point else None,
        )
        writer.writerow({key: "" if value is None else safe_cell(value) for key, value in row.items()})
    return out.getvalue()


@require_GET
def register_csv(request):
    entries, error = _entries(request)
    if error:
        return error
    response = HttpResponse(register_csv_text(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="malang-heritage-register.csv"'
    return licensed(cacheable(response), DATASET)
