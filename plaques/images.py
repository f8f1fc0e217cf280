"""QR images of a short link, as SVG (print shops, plaques) and PNG (screens, office documents).

segno makes the symbol: no Pillow, deterministic output (same code, same bytes), so images are cached
for long and carry an ETag. The error-correction level is exactly the one asked for (`boost_error=False`):
M by default, H for plaques that will weather outdoors. A white quiet zone of 4 modules, as the standard asks.
"""

import functools
import io
import re

import segno

from .codes import short_url

ERROR_LEVELS = ("L", "M", "Q", "H")
DEFAULT_ERROR = "M"
QUIET_ZONE = 4
SIZE_DEFAULT = 512
SIZE_MIN, SIZE_MAX = 64, 2048


class BadParameter(ValueError):
    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def parse_size(raw: str | None) -> int:
    """Pixels in ASCII digits only: `str.isdigit()` also passes "²" (which `int()` then refuses: a 500)
    and other scripts' digits ("٣٠٠", which `int()` reads)."""
    if raw in (None, ""):
        return SIZE_DEFAULT
    if not re.fullmatch(r"[0-9]{1,5}", raw):
        raise BadParameter("size", f"a whole number of pixels from {SIZE_MIN} to {SIZE_MAX}")
    size = int(raw)
    if not SIZE_MIN <= size <= SIZE_MAX:
        raise BadParameter("size", f"a whole number of pixels from {SIZE_MIN} to {SIZE_MAX}")
    return size


def parse_error_level(raw: str | None) -> str:
    if raw in (None, ""):
        return DEFAULT_ERROR
    level = raw.upper()
    if level not in ERROR_LEVELS:
        raise BadParameter("ec", "one of L, M, Q, H")
    return level


@functools.lru_cache(maxsize=256)
def qr_symbol(payload: str, error: str = DEFAULT_ERROR) -> segno.QRCode:
    return segno.make_qr(payload, error=error.lower(), boost_error=False)


def qr_for_code(code: str, error: str = DEFAULT_ERROR) -> segno.QRCode:
    return qr_symbol(short_url(code), error)


@functools.lru_cache(maxsize=512)
def _svg(payload: str, error: str, size: int) -> bytes:
    out = io.BytesIO()
    qr_symbol(payload, error).save(
        out,
        kind="svg",
        border=QUIET_ZONE,
        dark="#000",
        light="#fff",
        xmldecl=False,
        omitsize=True,  # a viewBox in modules; width and height are set below
        title=payload,
        nl=False,
    )
    svg = out.getvalue().decode()
    return svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1).encode()


@functools.lru_cache(maxsize=512)
def _png(payload: str, error: str, size: int) -> bytes:
    qr = qr_symbol(payload, error)
    width, _height = qr.symbol_size(border=QUIET_ZONE)
    out = io.BytesIO()
    # Whole pixels per module keep the edges crisp: the image is the largest multiple not above `size`.
    qr.save(out, kind="png", scale=max(1, size // width), border=QUIET_ZONE, dark="#000", light="#fff")
    return out.getvalue()


def svg_for_code(code: str, size: int = SIZE_DEFAULT, error: str = DEFAULT_ERROR) -> bytes:
    return _svg(short_url(code), error, size)


def png_for_code(code: str, size: int = SIZE_DEFAULT, error: str = DEFAULT_ERROR) -> bytes:
    return _png(short_url(code), error, size)
