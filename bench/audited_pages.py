"""The pages the accessibility and quality audits open (issue 17): one of every public page type, in
Indonesian and in English, on a site seeded with the bundled Malang content.

`PAGES_SCRIPT` runs in `manage.py shell -c` on that site and prints, as its last line, a JSON list of
`[name, path]` pairs. Both tests/browser/test_accessibility_axe.py (axe-core in chromium) and bench/audit.py
(`make audit`: Lighthouse and the Nu HTML Checker) read it, so they audit the same pages.
"""

PAGES_SCRIPT = """
import json
from wagtail.models import Locale
from heritage.models import CorridorPlacePage, PlaceIndexPage, RegisterEntry, RegisterIndexPage
from home.models import HomePage
from itineraries.models import ItineraryPage
from products.models import CentrePage, ProductIndexPage, ProductPage

pages = []
for language in ("id", "en"):
    locale = Locale.objects.get(language_code=language)

    def first(model, **where):
        return model.objects.live().filter(locale=locale, **where).order_by("path").first()

    trip = first(ItineraryPage)
    entry = (
        RegisterEntry.objects.filter(tourist_page__live=True, tourist_page__locale__language_code="id")
        .order_by("pk").first().tourist_page.get_translation(locale)
    )
    home = first(HomePage)
    pages += [(f"{name} ({language})", path) for name, path in [
        ("home", home.url),
        ("places list", first(PlaceIndexPage).url),
        ("place", first(CorridorPlacePage).url),
        ("itinerary", trip.url),
        ("itinerary print view", trip.url + "?print=1"),
        ("products hub", first(ProductIndexPage).url),
        ("product", first(ProductPage).url),
        ("centre", first(CentrePage).url),
        ("heritage register", first(RegisterIndexPage).url),
        ("register entry", entry.url),
        ("search", home.url + "search/?q=candi"),
        ("404", home.url + "tidak-ada-halaman-ini/"),
    ]]
print(json.dumps(pages))
"""
