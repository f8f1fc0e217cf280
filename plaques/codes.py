"""Short codes: which pages get one, how a code is made, and the short link it stands for.

A code is 5 characters (6 once the 5-character space gets crowded) from an alphabet without the look-alikes
0/O and 1/I/L, so a code read aloud or typed from a weathered plaque survives. It is assigned when a page is
first published, kept for life, and never reused: the `code` column is unique and rows are never deleted.

One code serves a place in every language: the Indonesian page and its English translation are one physical
place with one plaque, so a page whose translation already has a code does not get a second one. The scan
view picks the translation in the visitor's language.
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction

from wagtail.models import Page

from .models import ShortCode

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTHS = (5, 6)
# Random draws at 5 characters before moving to 6: with 31^5 ≈ 28.6 million codes, eight collisions in a
# row only happen once the space is well over half full.
ATTEMPTS_PER_LENGTH = 8

# Page types that get a code when published. This app knows pages only through this small interface: a page
# class says `qr_enabled = True` (places and itineraries do), or another app registers one
# (`register_qr_page_type`).
QR_PAGE_TYPES: list[type[Page]] = []


def register_qr_page_type(model: type[Page]) -> type[Page]:
    """Give pages of `model` a short code on publish. Usable as a class decorator."""
    if model not in QR_PAGE_TYPES:
        QR_PAGE_TYPES.append(model)
    return model


def is_qr_page(page_or_class) -> bool:
    cls = page_or_class if isinstance(page_or_class, type) else page_or_class.specific_class
    if cls is None:  # the page's model no longer exists in the code
        return False
    return bool(getattr(cls, "qr_enabled", False)) or issubclass(cls, tuple(QR_PAGE_TYPES))


def generate_code(length: int = LENGTHS[0]) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalize_code(raw: str) -> str | None:
    """The canonical (upper-case) code for what a visitor typed or scanned, or None if it cannot be one.

    Checked before any query: junk from the URL (NUL bytes, dots, a 5,000-character string) never reaches
    the database."""
    if not raw or len(raw) > max(LENGTHS):
        return None
    code = raw.upper()
    if len(code) not in LENGTHS or any(char not in ALPHABET for char in code):
        return None
    return code


def code_for_page(page) -> ShortCode | None:
    """The code of the page, or of its translation group (one plaque per place)."""
    return (
        ShortCode.objects.filter(page__translation_key=page.translation_key)
        .select_related("page")
        .order_by("pk")
        .first()
    )


def assign_code(page) -> ShortCode:
    """The page's code, creating one if neither the page nor a translation of it has one."""
    existing = code_for_page(page)
    if existing is not None:
        return existing
    for length in LENGTHS:
        for _attempt in range(ATTEMPTS_PER_LENGTH):
            try:
                with transaction.atomic():
                    return ShortCode.objects.create(code=generate_code(length), page=page)
            except IntegrityError:
                # Either the code is taken (draw again) or the page got one meanwhile (use it).
                existing = ShortCode.objects.filter(page=page).first()
                if existing is not None:
                    return existing
    raise RuntimeError(f"No free short code after {ATTEMPTS_PER_LENGTH * len(LENGTHS)} attempts")


def assign_missing_codes() -> list[ShortCode]:
    """Codes for every live QR page that has none (pages published before codes existed)."""
    created = []
    pages = Page.objects.live().filter(short_code__isnull=True).order_by("path")
    for page in pages.iterator():
        if is_qr_page(page) and code_for_page(page) is None:
            created.append(assign_code(page))
    return created


def short_url(code: str) -> str:
    """What the plaque encodes: `https://heritage.example.id/q/AB3CD`."""
    return f"{settings.QR_BASE_URL}/q/{code}"


def short_address(code: str) -> str:
    """The short link as printed under the QR code, without the scheme: `heritage.example.id/q/AB3CD`."""
    return short_url(code).split("://", 1)[-1]


_UNSET = object()


def attach_short_codes(pages) -> list:
    """The pages, each with `_short_code` set (a code or None), found in one query for the whole list."""
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    codes = {}
    for key, code in (
        ShortCode.objects.filter(page__translation_key__in=keys)
        .order_by("-pk")
        .values_list("page__translation_key", "code")
    ):
        codes[key] = code  # ordered by -pk: the oldest code of a group wins
    for page in pages:
        page._short_code = codes.get(page.translation_key)
    return pages


def qr_url(page) -> str | None:
    """The short link of a page for open data, or None before its first publication."""
    code = getattr(page, "_short_code", _UNSET)
    if code is _UNSET:
        found = code_for_page(page)
        code = found.code if found else None
    return short_url(code) if code else None
