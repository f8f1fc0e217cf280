"""The product catalogue as data: records for the JSON API, CSV rows for data users, an XLSX sheet for
buyers, and GeoJSON features of the centres. The printable PDF lives in `catalogue_pdf`.

CSV and JSON speak codes (`sector: coffee`) so that programs can rely on them; the XLSX and the PDF speak the
reader's language (`Kopi`), because a buyer reads them. Every export has one row per product of the filter.
"""

import csv
import io
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from heritage.exports import absolute_url
from heritage.models import Region
from heritage.spreadsheets import append_xlsx_row, safe_cell
from products.models import ExportReadiness, Sector


def choice_label(choices, value) -> str:
    return str(choices(value).label) if value in choices.values else ""


def _source_list(page) -> list[dict]:
    return [{"title": s.title, "url": s.url or None} for s in page.sources.all()]


def product_record(page, request=None) -> dict:
    """Everything the open data says about a product, as plain JSON types."""
    centre, producer = page.centre if page.centre_id else None, page.producer if page.producer_id else None
    location = None
    if page.where is not None:
        location = {"lat": float(page.latitude), "lon": float(page.longitude)}
    return {
        "id": page.pk,
        "slug": page.slug,
        "title": page.title,
        "summary": page.summary,
        "url": absolute_url(page, request),
        "lang": page.locale.language_code,
        "sector": page.sector,
        "region": page.region or None,
        "centre": {"slug": centre.slug, "title": centre.title, "url": absolute_url(centre, request)}
        if centre
        else None,
        "producer": {
            "name": producer.name,
            "scale": producer.scale or None,
            "website": producer.website or None,
            "email": producer.email or None,
            "phone": producer.phone or None,
            "whatsapp": producer.whatsapp or None,
            "languages": producer.languages or None,
        }
        if producer
        else None,
        "export_readiness": page.export_readiness,
        "export_markets": page.export_markets or None,
        "featured": page.is_featured_now,
        "featured_order": page.featured_order if page.is_featured_now else None,
        "featured_until": page.featured_until.isoformat() if page.featured_until else None,
        "price": {
            "min_idr": page.price_min_idr,
            "max_idr": page.price_max_idr,
            "unit": page.price_unit or None,
            "checked": page.price_checked.isoformat() if page.price_checked else None,
            "source": page.price_source_url or None,
        },
        "min_order": {"quantity": page.min_order_quantity, "unit": page.min_order_unit or None},
        "monthly_capacity": {"quantity": page.monthly_capacity, "unit": page.capacity_unit or None},
        "capacity_note": page.capacity_note or None,
        "certifications": page.certification_kinds(),
        "location": location,
        "sources": _source_list(page),
    }


CSV_COLUMNS = [
    "id",
    "slug",
    "title",
    "sector",
    "centre",
    "producer",
    "region",
    "export_readiness",
    "export_markets",
    "price_min_idr",
    "price_max_idr",
    "price_unit",
    "price_checked",
    "min_order_quantity",
    "min_order_unit",
    "monthly_capacity",
    "capacity_unit",
    "certifications",
    "featured",
    "latitude",
    "longitude",
    "url",
    "lang",
    "sources",
]


def _flat_row(page, request=None) -> dict:
    record = product_record(page, request)
    location = record["location"] or {}
    return {
        "id": record["id"],
        "slug": record["slug"],
        "title": record["title"],
        "sector": record["sector"],
        "centre": record["centre"]["slug"] if record["centre"] else "",
        "producer": record["producer"]["name"] if record["producer"] else "",
        "region": record["region"] or "",
        "export_readiness": record["export_readiness"],
        "export_markets": record["export_markets"] or "",
        "price_min_idr": record["price"]["min_idr"],
        "price_max_idr": record["price"]["max_idr"],
        "price_unit": record["price"]["unit"] or "",
        "price_checked": record["price"]["checked"] or "",
        "min_order_quantity": record["min_order"]["quantity"],
        "min_order_unit": record["min_order"]["unit"] or "",
        "monthly_capacity": record["monthly_capacity"]["quantity"],
        "capacity_unit": record["monthly_capacity"]["unit"] or "",
        "certifications": ",".join(record["certifications"]),
        "featured": "yes" if record["featured"] else "no",
        "latitude": f"{location['lat']:.6f}" if location else "",
        "longitude": f"{location['lon']:.6f}" if location else "",
        "url": record["url"],
        "lang": record["lang"],
        "sources": " | ".join(s["url"] or s["title"] for s in record["sources"]),
    }


def products_csv(pages, request=None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for page in pages:
        writer.writerow(
            {
                key: "" if value is None else safe_cell(value)
                for key, value in _flat_row(page, request).items()
            }
        )
    return out.getvalue()


def _readable_columns():
    """(header, width, value-of-page) for the sheets people read, in the active language."""
    return [
        (_("Product"), 34, lambda p, r: p.title),
        (_("Sector"), 18, lambda p, r: choice_label(Sector, p.sector)),
        (_("Production centre"), 30, lambda p, r: p.centre.title if p.centre_id else ""),
        (_("Producer"), 26, lambda p, r: p.producer.name if p.producer_id else ""),
        (_("Region"), 18, lambda p, r: choice_label(Region, p.region)),
        (_("Export readiness"), 20, lambda p, r: choice_label(ExportReadiness, p.export_readiness)),
        (_("Markets"), 30, lambda p, r: p.export_markets),
        (_("Price from (Rp)"), 14, lambda p, r: p.price_min_idr),
        (_("Price up to (Rp)"), 14, lambda p, r: p.price_max_idr),
        (_("Price unit"), 16, lambda p, r: p.price_unit),
        (_("Price checked"), 13, lambda p, r: p.price_checked),
        (_("Minimum order"), 13, lambda p, r: p.min_order_quantity),
        (_("Minimum order unit"), 16, lambda p, r: p.min_order_unit),
        (_("Monthly capacity"), 14, lambda p, r: p.monthly_capacity),
        (_("Capacity unit"), 18, lambda p, r: p.capacity_unit),
        (_("Output as the sources state it"), 50, lambda p, r: p.capacity_note),
        (_("Certifications"), 16, lambda p, r: ", ".join(p.certification_labels())),
        (_("Contact"), 30, lambda p, r: _contact(p)),
        (_("Page"), 50, lambda p, r: absolute_url(p, r)),
        (_("Sources"), 60, lambda p, r: "\n".join(s.url or s.title for s in p.sources.all())),
    ]


def _contact(page) -> str:
    producer = page.producer if page.producer_id else None
    if producer is None:
        return ""
    return ", ".join(
        value for value in (producer.website, producer.email, producer.phone, producer.whatsapp) if value
    )


def products_xlsx(pages, request=None, filters=()) -> bytes:
    """One sheet "Products" with a header row and one row per product; a second sheet says what was asked."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    columns = _readable_columns()
    book = Workbook()
    sheet = book.active
    sheet.title = "Products"
    append_xlsx_row(sheet, [str(header) for header, _w, _v in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for page in pages:
        append_xlsx_row(sheet, [value(page, request) for _h, _w, value in columns])
        url_cell = sheet.cell(row=sheet.max_row, column=len(columns) - 1)
        url_cell.hyperlink = url_cell.value
    for index, (_header, width, _value) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions

    about = book.create_sheet("About")
    append_xlsx_row(about, [_("Malang Heritage: local products catalogue")])
    append_xlsx_row(about, [_("Generated"), timezone.localtime().strftime("%Y-%m-%d %H:%M WIB")])
    filters_text = "; ".join(f"{label}: {values}" for label, values in filters) or _("none")
    append_xlsx_row(about, [_("Filters"), filters_text])
    append_xlsx_row(about, [_("Products"), len(pages)])
    append_xlsx_row(
        about,
        [_("Figures are given only as public sources state them; each product page lists its sources.")],
    )
    about["A1"].font = Font(bold=True)
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 80

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def centre_feature(centre, request=None, products=None) -> dict:
    products = products if products is not None else list(centre.live_products())
    return {
        "type": "Feature",
        "id": centre.pk,
        "geometry": {"type": "Point", "coordinates": [float(centre.longitude), float(centre.latitude)]},
        "properties": {
            "id": centre.pk,
            "slug": centre.slug,
            "title": centre.title,
            "url": absolute_url(centre, request),
            "summary": centre.summary,
            "what_they_make": centre.what_they_make or None,
            "region": centre.region,
            "district": centre.district or None,
            "village": centre.village or None,
            "address": centre.address or None,
            "sectors": sorted({p.sector for p in products}),
            "product_count": len(products),
            "products": [
                {"slug": p.slug, "title": p.title, "url": absolute_url(p, request)} for p in products
            ],
            "figures": [
                {
                    "label": f.label,
                    "value": f.value,
                    "year": f.year,
                    "source_title": f.source_title,
                    "source_url": f.source_url or None,
                }
                for f in centre.figures.all()
            ],
            "coordinate_source": centre.coordinate_source or None,
            "coordinate_note": centre.coordinate_note or None,
            "lang": centre.locale.language_code,
        },
    }


def centres_feature_collection(centres, request=None) -> dict:
    return {"type": "FeatureCollection", "features": [centre_feature(c, request) for c in centres]}


def download_name(stem: str, active_filters: dict) -> str:
    """malang-products-coffee-ready: the filter codes in the file name, so two downloads don't collide."""
    words = [stem, *("-".join(values) for values in active_filters.values())]
    return re.sub(r"[^a-z0-9-]+", "-", "-".join(words).lower()).strip("-")[:120]
