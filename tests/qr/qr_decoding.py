"""Decoders: what a phone does with a QR image or a plaque, done with zxing-cpp.

SVGs are rasterised here from segno's path (`M`/`m` moves and `h` runs of dark modules, stroke width 1)
rather than with cairosvg, which needs a system library; PDFs are rasterised with pypdfium2.
"""

import io
import re

import zxingcpp
from PIL import Image, ImageDraw

BASE = "https://heritage.example.id"  # QR_BASE_URL in config.settings.test


def decode_image(image) -> list[str]:
    """What a phone's QR scanner reads. Only QR symbols are looked for: with every format on, zxing-cpp
    once read a line of the plaque's printed text as an EAN-13 (a one-pixel-high "barcode" under the A6
    code), which no camera app in QR mode would report."""
    formats = zxingcpp.BarcodeFormat.QRCode
    return [result.text for result in zxingcpp.read_barcodes(image.convert("L"), formats=formats)]


def decode_png(data: bytes) -> list[str]:
    return decode_image(Image.open(io.BytesIO(data)))


def rasterise_svg(svg: bytes, scale: int = 8) -> Image.Image:
    text = svg.decode()
    width, height = (float(n) for n in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', text).group(1, 2))
    path = re.search(r'<path[^>]*class="qrline"[^>]*d="([^"]+)"', text) or re.search(
        r'<path[^>]*d="([^"]+)"[^>]*class="qrline"', text
    )
    image = Image.new("L", (int(width * scale), int(height * scale)), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    tokens = re.findall(r"[MmHhVvZz]|-?\d*\.?\d+", path.group(1))
    command, i = None, 0
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command, i = token, i + 1
            continue
        if command in "Mm":
            dx, dy = float(tokens[i]), float(tokens[i + 1])
            x, y = (x + dx, y + dy) if command == "m" else (dx, dy)
            i += 2
        elif command in "Hh":
            end = x + float(token) if command == "h" else float(token)
            # A horizontal stroke of width 1 centred on y covers the module row y - 0.5 .. y + 0.5.
            draw.rectangle(
                [min(x, end) * scale, (y - 0.5) * scale, max(x, end) * scale - 1, (y + 0.5) * scale - 1],
                fill=0,
            )
            x = end
            i += 1
        else:
            raise AssertionError(f"unexpected SVG path command {command}")
    return image


def decode_svg(svg: bytes) -> list[str]:
    return decode_image(rasterise_svg(svg))


def pdf_pages(pdf: bytes, scale: float = 2.0) -> list[Image.Image]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=scale).to_pil() for page in document]
    finally:
        document.close()


def pdf_texts(pdf: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def pdf_page_sizes_mm(pdf: bytes) -> list[tuple[int, int]]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [tuple(round(points / 72 * 25.4) for points in page.get_size()) for page in document]
    finally:
        document.close()
