"""Small helpers every content area's seed shares: the site's languages, text and dates from the bundled
files, and publishing a page as an editor would."""

import datetime as dt

LANGS = ("id", "en")


def iso_date(value):
    return dt.date.fromisoformat(value) if value else None


def text_in(value, lang):
    """A bundled text in `lang`: either one string for both languages or a `{"id": ..., "en": ...}` dict."""
    if isinstance(value, dict):
        return (value.get(lang) or "").strip()
    return (value or "").strip()


def publish(page):
    page.save_revision().publish()
