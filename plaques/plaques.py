"""Printable plaques: one page per place, A5 or A6, and a ZIP of SVGs for print shops.

A plaque carries the city's heritage branding (text only: "Malang Heritage" / "Pusaka Kota Malang"), the
place's name (Indonesian, and the English name under it when it differs), the QR code, the short link in
text for a visitor without a scanner, and one line in each language inviting the scan.

The QR code is drawn as vector rectangles from segno's matrix, the same symbol as the SVG and PNG images,
at error correction H: plaques are outdoors and get dirty, scratched and partly covered. reportlab needs no
system library; `invariant=True` makes the PDF byte-for-byte reproducible (no timestamp, fixed document id).
It is imported when a plaque is printed, not by every app server that answers scans.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q

from wagtail.models import Page

from heritage.spreadsheets import safe_cell

from .codes import short_address, short_url
from .images import QUIET_ZONE, qr_for_code, svg_for_code

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4  # PDF points in a millimetre
A5, A6 = (148 * MM, 210 * MM), (105 * MM, 148 * MM)  # ISO 216, portrait
PAPERS = {"a5": A5, "a6": A6}
PLAQUE_ERROR = "H"
BRAND = "Malang Heritage"
BRAND_ID = "Pusaka Kota Malang"
INVITE_ID = "Pindai untuk kisah tempat ini"
INVITE_EN = "Scan for this place's story"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # drawn as nothing or as boxes
INK = (0.13, 0.16, 0.20)
ACCENT = (0.61, 0.29, 0.10)  # the temple-brick colour of the site's header


@dataclass(frozen=True)
class Plaque:
    code: str
    title: str
    subtitle: str = ""
    slug: str = ""


def plaques_for(short_codes) -> list[Plaque]:
    """Plaque texts for ShortCode rows (with `page` loaded): titles from the code's page and its English
    translation. One query for all of them."""
    short_codes = [short_code for short_code in short_codes if short_code.page_id]
    keys = {short_code.page.translation_key for short_code in short_codes}
    english = dict(
        Page.objects.filter(Q(translation_key__in=keys), locale__language_code="en").values_list(
            "translation_key", "title"
        )
    )
    plaques = []
    for short_code in short_codes:
        page = short_code.page
        subtitle = english.get(page.translation_key, "")
        plaques.append(
            Plaque(
                code=short_code.code,
                title=page.title,
                subtitle="" if subtitle == page.title else subtitle,
                slug=page.slug,
            )
        )
    return plaques


def printable(text: str) -> str:
    """The text in the standard PDF fonts' character set (Windows-1252): accents are kept where the set has
    them, stripped where it has not (ā → a); other scripts are dropped rather than printed as black boxes."""
    out = []
    for char in CONTROL_CHARACTERS.sub("", text):
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("cp1252", "ignore").decode("cp1252")
            out.append(base)
    cleaned = re.sub(r"\(\s*\)|\[\s*\]", "", "".join(out))
    return re.sub(r"\s{2,}", " ", cleaned).strip()


def _fit_title(text: str, width: float, largest: float, smallest: float, max_lines: int = 3):
    """The largest font size (and the lines) at which the title fits in `max_lines` lines."""
    from reportlab.lib.utils import simpleSplit

    size = largest
    while True:
        lines = simpleSplit(text, "Helvetica-Bold", size, width)
        if len(lines) <= max_lines or size <= smallest:
            return size, lines[:max_lines]
        size -= 1


def _draw_qr(canvas: Canvas, code: str, x: float, y: float, side: float) -> None:
    """The symbol, quiet zone included, as one filled path of horizontal runs of dark modules."""
    matrix = [list(row) for row in qr_for_code(code, PLAQUE_ERROR).matrix_iter(border=QUIET_ZONE)]
    module = side / len(matrix)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, side, side, stroke=0, fill=1)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + side - (row_index + 1) * module
        column = 0
        while column < len(row):
            if row[column]:
                start = column
                while column < len(row) and row[column]:
                    column += 1
                path.rect(x + start * module, top, (column - start) * module, module)
            else:
                column += 1
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_plaque(canvas: Canvas, plaque: Plaque, paper) -> None:
    width, height = paper
    k = width / A5[0]  # every measure scales with the paper: A6 is A5 at 0.71
    margin = 26 * k
    centre = width / 2
    inner = width - 2 * margin

    # A frame to cut along.
    canvas.setStrokeColorRGB(*ACCENT)
    canvas.setLineWidth(1.5 * k)
    canvas.roundRect(margin / 2, margin / 2, width - margin, height - margin, 10 * k, stroke=1, fill=0)

    # Branding, top.
    y = height - margin - 20 * k
    canvas.setFillColorRGB(*ACCENT)
    canvas.setFont("Helvetica-Bold", 20 * k)
    canvas.drawCentredString(centre, y, BRAND)
    y -= 16 * k
    canvas.setFont("Helvetica", 12 * k)
    canvas.drawCentredString(centre, y, BRAND_ID)
    y -= 12 * k
    canvas.setLineWidth(0.8 * k)
    canvas.line(margin + inner * 0.2, y, width - margin - inner * 0.2, y)

    # The place's name.
    size, lines = _fit_title(printable(plaque.title), inner, 26 * k, 13 * k)
    canvas.setFillColorRGB(*INK)
    canvas.setFont("Helvetica-Bold", size)
    y -= 10 * k
    for line in lines:
        y -= size * 1.15
        canvas.drawCentredString(centre, y, line)
    if plaque.subtitle:
        sub_size = 13 * k
        canvas.setFont("Helvetica-Oblique", sub_size)
        from reportlab.lib.utils import simpleSplit

        for line in simpleSplit(printable(plaque.subtitle), "Helvetica-Oblique", sub_size, inner)[:2]:
            y -= sub_size * 1.25
            canvas.drawCentredString(centre, y, line)
    title_bottom = y - 8 * k

    # The invitation and the short link, bottom.
    y = margin + 8 * k
    canvas.setFont("Helvetica-Oblique", 11 * k)
    canvas.drawCentredString(centre, y, INVITE_EN)
    y += 14 * k
    canvas.setFont("Helvetica", 11 * k)
    canvas.drawCentredString(centre, y, INVITE_ID)
    y += 22 * k
    canvas.setFont("Helvetica-Bold", 15 * k)
    address = short_address(plaque.code)
    canvas.drawCentredString(centre, y, address)
    qr_bottom = y + 18 * k

    # The QR code fills what is left between, up to 70% of the width.
    side = min(inner * 0.7, title_bottom - qr_bottom)
    _draw_qr(canvas, plaque.code, centre - side / 2, qr_bottom + (title_bottom - qr_bottom - side) / 2, side)
    canvas.linkURL(
        short_url(plaque.code),
        (centre - side / 2, qr_bottom, centre + side / 2, qr_bottom + side),
        relative=0,
    )


def plaques_pdf(plaques: list[Plaque], paper: str = "a5") -> bytes:
    """One PDF, one plaque per page."""
    from reportlab.pdfgen.canvas import Canvas

    size = PAPERS[paper]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=True, pageCompression=1)
    canvas.setTitle(
        "QR plaques · Malang Heritage"
        if len(plaques) != 1
        else f"{CONTROL_CHARACTERS.sub('', plaques[0].title)} · QR plaque"
    )
    canvas.setAuthor(BRAND)
    canvas.setCreator(BRAND)
    for plaque in plaques:
        _draw_plaque(canvas, plaque, size)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def svgs_zip(plaques: list[Plaque]) -> bytes:
    """A ZIP of one SVG per place (error correction H, as on the plaques) and an index CSV."""
    out = io.BytesIO()
    index = io.StringIO()
    writer = csv.writer(index, lineterminator="\n")
    writer.writerow(["file", "code", "short_url", "title", "title_en"])
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for plaque in plaques:
            name = f"{plaque.code}-{plaque.slug}.svg" if plaque.slug else f"{plaque.code}.svg"
            # A fixed timestamp: the same selection gives the same bytes.
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, svg_for_code(plaque.code, size=1024, error=PLAQUE_ERROR))
            row = [name, plaque.code, short_url(plaque.code), plaque.title, plaque.subtitle]
            writer.writerow([safe_cell(value) for value in row])
        info = zipfile.ZipInfo("codes.csv", date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, index.getvalue())
    return out.getvalue()
