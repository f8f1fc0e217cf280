"""The printable catalogue: the products of the current filter as an A4 landscape PDF for buyers, in the
reader's language, with every product's sources at the end, because an investor prints and forwards it."""

import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from heritage.exports import absolute_url
from heritage.models import Region
from products.models import ExportReadiness, Sector

from .exports import choice_label


def _pdf_fonts():
    """Bitstream Vera, bundled with reportlab, covers the dashes and accents in our text; Helvetica does not."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    try:
        if "Vera" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("Vera", str(folder / "Vera.ttf")))
            pdfmetrics.registerFont(TTFont("Vera-Bold", str(folder / "VeraBd.ttf")))
        return "Vera", "Vera-Bold"
    except OSError:  # a trimmed reportlab install: fall back to the standard fonts
        return "Helvetica", "Helvetica-Bold"


def _number(value: int) -> str:
    """2.000 in Indonesian, 2,000 in English (prices keep the house style, Rp2.000, in both)."""
    text = f"{value:,}"
    return text.replace(",", ".") if get_language() == "id" else text


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _escape(text) -> str:
    """Text for reportlab's Paragraph, which parses a mini-markup (`<font>`, `<link href>`, `&amp;`): an
    editor's `<`, `>`, `&` and quotes are shown as written, never read as markup or as the end of an
    attribute; control characters (which print nothing, or a box) are dropped."""
    text = CONTROL_CHARACTERS.sub("", "" if text is None else str(text))
    return escape(text, {'"': "&quot;", "'": "&#39;"})


def _price_text(page) -> str:
    def rp(value):
        return "Rp" + f"{value:,}".replace(",", ".")

    if page.price_min_idr is None and page.price_max_idr is None:
        return ""
    if not page.price_min_idr and not page.price_max_idr:
        return _("free")
    if page.price_max_idr is None or page.price_max_idr == page.price_min_idr:
        text = (
            (_("from %(price)s") % {"price": rp(page.price_min_idr)})
            if page.price_max_idr is None
            else rp(page.price_min_idr)
        )
    elif page.price_min_idr is None:
        text = _("up to %(price)s") % {"price": rp(page.price_max_idr)}
    else:
        text = f"{rp(page.price_min_idr)}–{rp(page.price_max_idr)}"
    return f"{text} {page.price_unit}".strip()


def products_pdf(pages, request=None, filters=(), title=None) -> bytes:
    """A printable catalogue: A4 landscape, a title, the filters, a table of products, and their sources."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = _pdf_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=8, leading=10)
    head = ParagraphStyle("head", parent=body, fontName=bold)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=16, leading=20, spaceAfter=4)
    small = ParagraphStyle("small", parent=body, fontSize=7, leading=9, textColor=colors.HexColor("#5f6b76"))

    title = title or _("Local products of Malang")
    story = [
        Paragraph(_escape(title), heading),
        Paragraph(
            _escape(
                _("Malang Heritage catalogue, %(date)s. Filters: %(filters)s. %(count)s products.")
                % {
                    "date": timezone.localdate().isoformat(),
                    "filters": "; ".join(f"{label}: {values}" for label, values in filters) or _("none"),
                    "count": len(pages),
                }
            ),
            small,
        ),
        Spacer(1, 4 * mm),
    ]
    headers = [
        _("Product"),
        _("Sector"),
        _("Centre / producer"),
        _("Region"),
        _("Export"),
        _("Price"),
        _("Output"),
    ]
    rows = [[Paragraph(_escape(h), head) for h in headers]]
    for page in pages:
        made_by = " / ".join(
            name
            for name in (
                page.centre.title if page.centre_id else "",
                page.producer.name if page.producer_id else "",
            )
            if name
        )
        capacity = ""
        if page.monthly_capacity is not None:
            capacity = f"{_number(page.monthly_capacity)} {page.capacity_unit} / " + _("month")
        elif page.capacity_note:
            capacity = page.capacity_note
        markets = choice_label(ExportReadiness, page.export_readiness)
        if page.export_markets:
            markets += f" ({page.export_markets})"
        link = f'<link href="{_escape(absolute_url(page, request))}" color="#8a3b12">{_escape(page.title)}</link>'
        rows.append(
            [
                Paragraph(link, body),
                Paragraph(_escape(choice_label(Sector, page.sector)), body),
                Paragraph(_escape(made_by), body),
                Paragraph(_escape(choice_label(Region, page.region)), body),
                Paragraph(_escape(markets), body),
                Paragraph(_escape(_price_text(page)), body),
                Paragraph(_escape(capacity), body),
            ]
        )
    table = Table(
        rows, colWidths=[45 * mm, 24 * mm, 45 * mm, 28 * mm, 45 * mm, 38 * mm, 52 * mm], repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f1ece4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#e4e0d8")),
            ]
        )
    )
    story += [table, Spacer(1, 6 * mm), Paragraph(_escape(_("Sources")), head)]
    for page in pages:
        sources = "; ".join(_escape(s.url or s.title) for s in page.sources.all())
        story.append(Paragraph(f"<b>{_escape(page.title)}</b>: {sources}", small))
    story.append(Spacer(1, 3 * mm))
    story.append(
        Paragraph(
            _escape(
                _("Figures are given only as public sources state them; each product page lists its sources.")
            ),
            small,
        )
    )

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=CONTROL_CHARACTERS.sub("", str(title)),
        author="Malang Heritage",
    )
    doc.build(story)
    return out.getvalue()
