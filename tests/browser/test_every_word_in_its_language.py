"""Every word in its language (issue 17), read in a real browser: an English page holds no Indonesian word and
an Indonesian page no English one, in its text and in what a screen reader says (alt, aria-label, title,
placeholder), on a sample of the bundled pages of every kind; a browser set to neither language reads English;
switching language on a filtered places list keeps the filters.

What is allowed in the other language: proper names (an explicit list below, from the bundled data), text the
page itself marks with the other `lang` (road names from the map data, say), and the titles of cited works
(`<cite>`: a source keeps its own title). Legal categories of UU 11/2010 are glossed in Indonesian after their
English label, "building (bangunan)", as the register gives them.
"""

import io
import re

import pytest
from playwright.sync_api import expect

from django.core.management import call_command

pytestmark = pytest.mark.browser


def _words(text):
    return text.split()


# Indonesian words that have no business on an English page: the small words of a sentence, and the words of
# the facts, prices, trips and the interface.
INDONESIAN = [
    *_words("dan yang di ke dari untuk dengan atau tidak ini itu pada oleh juga sekitar sebelah dekat depan"),
    *_words("belakang sudut tepi antara sejak hingga sampai mulai setiap semua lihat cari beranda halaman"),
    *_words("alamat tempat perjalanan tahun abad menara dibangun diresmikan perkiraan bangunan sekarang"),
    *_words("sumber harga tiket gratis buka tutup menit jam hari mobil berkendara berhenti perhentian"),
    *_words("simpan unduh bahasa gambar sementara Januari Februari Maret Juni Juli Agustus Oktober Desember"),
    "Mei",
    "jalan kaki",
    "berjalan kaki",
    "jam buka",
    "Gambar sementara",
]
# English words that have no business on an Indonesian page.
ENGLISH = [
    *_words("the and of from with to by on in at for is are was this that until since about around near"),
    *_words("corner opening ticket tickets price free stop stops drive walk walking minutes hours daily"),
    *_words("placeholder artwork photograph built rebuilt century estimated tower towers station temple"),
    *_words("church village street road source sources search home page found open more read see save"),
    *_words("download share skip language content"),
    "not found",
]
# Names that carry one of those words and are names in both languages (from geodata/data/places.geojson,
# products/content/data and the register): removed from the text before it is read.
PROPER_NAMES = [
    "Katedral Santa Perawan Maria dari Gunung Karmel",
    "Jalan Raya Candi V D",
    "Jalan ke Candi Sumberawan",
    "Car Free Day",
    "Malang Heritage",
    "Situs Mbah Tugu dan Menhir",
    "Bromo Tengger Semeru",
    "Bromo-Tengger-Semeru",
    "GeoJSON",
    "OpenStreetMap",
]
GLOSSES = ["(benda)", "(bangunan)", "(struktur)", "(situs)", "(kawasan)"]

# Every piece of text the visitor reads or hears, with the language of the element it sits in (the nearest
# `lang`), leaving out cited titles and what the page marks as another language.
READ_PAGE = """
() => {
    const pageLang = document.documentElement.lang;
    const langOf = (el) => { const holder = el.closest('[lang]'); return holder ? holder.lang : pageLang; };
    const skipped = (el) => el.closest('script, style, noscript, template, cite');
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || skipped(el) || !node.textContent.trim()) continue;
        found.push({where: el.tagName.toLowerCase(), lang: langOf(el), text: node.textContent.trim()});
    }
    for (const el of document.querySelectorAll('[alt], [aria-label], [title], [placeholder]')) {
        for (const name of ['alt', 'aria-label', 'title', 'placeholder']) {
            const value = el.getAttribute(name);
            if (value && value.trim() && !el.closest('script, template')) {
                found.push({where: el.tagName.toLowerCase() + '@' + name, lang: langOf(el), text: value.trim()});
            }
        }
    }
    found.push({where: 'title', lang: pageLang, text: document.title});
    return {lang: pageLang, found: found};
}
"""


def _pattern(words):
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])({alternatives})(?![\w'’-])", re.IGNORECASE if words is ENGLISH else 0)


FOREIGN_WORDS = {"en": _pattern(INDONESIAN), "id": _pattern(ENGLISH)}


def _strip_names(text):
    for name in (*PROPER_NAMES, *GLOSSES):
        text = text.replace(name, " ")
    return text


def foreign_words(page, language):
    """(where, word, text) for every word of the other language on the open page."""
    read = page.evaluate(READ_PAGE)
    leaks = [] if read["lang"] == language else [("html@lang", read["lang"], "")]
    for item in read["found"]:
        if item["lang"].split("-")[0] != language:
            continue
        text = _strip_names(item["text"])
        words = FOREIGN_WORDS[language].findall(text)
        # The Indonesian word list is case-sensitive ("di", "Mei"), so that the English "Di" of a name stays.
        leaks += [(item["where"], word, item["text"][:160]) for word in dict.fromkeys(words)]
    return leaks


def test_the_word_lists_catch_a_leak_and_leave_names_alone():
    """The checker itself: it must be able to fail."""
    assert FOREIGN_WORDS["en"].findall(_strip_names("1905 (menara 1930)")) == ["menara"]
    assert FOREIGN_WORDS["en"].findall(_strip_names("Harkitnas, 20 Mei 2022")) == ["Mei"]
    assert FOREIGN_WORDS["en"].findall(_strip_names("Jalan Besar Ijen, Candi Jago, Alun-Alun Tugu")) == []
    assert FOREIGN_WORDS["id"].findall(_strip_names("Placeholder: Candi Badut")) == ["Placeholder"]
    assert FOREIGN_WORDS["id"].findall(_strip_names("Jalan Ijen, Candi Jago, Gunung Bromo")) == []


@pytest.fixture
def bundled_live_server(live_server, transactional_db, django_db_serialized_rollback):
    """The live server with the whole bundled Malang content (places, register, products, itineraries)."""
    call_command("seed_malang", "--skip-index", verbosity=0, stdout=io.StringIO())
    return live_server


def _sample(language):
    """The sampled addresses in `language`: one page of every kind, and the places the issue names."""
    from wagtail.models import Locale, Page

    from heritage.models import PlaceIndexPage, RegisterIndexPage
    from itineraries.models import ItineraryPage
    from products.models import CentrePage, ProductPage

    locale = Locale.objects.get(language_code=language)

    def url(model, **where):
        """The page in `language`, found by its Indonesian slug (the English slugs are English)."""
        indonesian = model.objects.live().get(locale__language_code="id", **where)
        return indonesian.get_translation(locale).url

    return [
        f"/{language}/",
        url(PlaceIndexPage),
        url(Page, slug="gereja-kayutangan"),  # facts panel with build notes (towers) and an architect's note
        url(Page, slug="candi-karang-besuki"),  # period estimate, address with a note
        url(Page, slug="candi-jago"),  # Kabupaten Malang
        url(Page, slug="desa-ngadas"),  # on the Bromo-Tengger-Semeru corridor
        url(Page, slug="kawah-bromo"),  # the corridor's crater: tickets in rupiah
        url(ItineraryPage, slug="candi-tumpang-dan-sunrise-bromo"),  # car and jeep legs
        url(ItineraryPage, slug="jalan-kaki-kayutangan-alun-alun"),  # a walk
        url(ProductPage, slug="kopi-robusta-dampit"),  # a price range
        url(CentrePage, slug="dinoyo"),  # a centre with its address
        url(RegisterIndexPage),
        f"/{language}/search/?q=candi",
        "/en/no-such-page/" if language == "en" else "/id/tidak-ada/",
    ]


def test_english_pages_hold_no_indonesian_word_and_indonesian_pages_no_english_one(
    page, offline, bundled_live_server
):
    leaks = []
    for language in ("en", "id"):
        for path in _sample(language):
            page.goto(bundled_live_server.url + path)
            leaks += [(path, *leak) for leak in dict.fromkeys(foreign_words(page, language))]
    assert leaks == [], "words of the other language:\n" + "\n".join(map(str, leaks))
    assert offline == [], f"requests tried to leave the machine: {offline}"


def test_the_missing_page_speaks_the_language_of_its_address(page, offline, seeded_live_server):
    page.goto(seeded_live_server.url + "/en/no-such-page/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Page not found")
    expect(page.locator(".site-header .site-nav")).to_contain_text("Places")
    page.locator("#main input[type=search]").fill("candi")
    page.locator("#main form[role=search] button").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?q=candi$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto(seeded_live_server.url + "/id/tidak-ada/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator("h1")).to_have_text("Halaman tidak ditemukan")
    expect(page.locator("#main form[role=search]")).to_have_attribute("action", "/id/search/")


@pytest.mark.parametrize(
    ("browser_locale", "landing"), [("fr-FR", "/en/"), ("de-DE", "/en/"), ("id-ID", "/id/")]
)
def test_a_browser_in_neither_language_lands_on_english(
    offline_context, seeded_live_server, browser_locale, landing
):
    context, aborted = offline_context(locale=browser_locale)
    tab = context.new_page()
    tab.goto(seeded_live_server.url + "/")
    expect(tab).to_have_url(seeded_live_server.url + landing)
    expect(tab.locator("html")).to_have_attribute("lang", landing.strip("/"))
    assert aborted == []


def test_switching_language_on_a_filtered_places_list_keeps_the_filters(page, offline, seeded_live_server):
    from heritage.models import PlacePage

    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="id")
    page.goto(seeded_live_server.url + "/en/places/")
    page.locator(".filters select[name=kind]").select_option("temple")
    page.locator(".filters select[name=region]").select_option("kab-malang")
    page.locator(".filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/en/places/\?.*kind=temple.*region=kab-malang"))
    cards = page.locator(".place-list .card__title")
    expect(cards).to_have_count(1)
    english_title = cards.first.inner_text()

    page.locator(".language-switcher a[data-lang=id]").click()
    expect(page).to_have_url(re.compile(r"/id/tempat/\?.*kind=temple.*region=kab-malang"))
    expect(page.locator(".filters select[name=kind]")).to_have_value("temple")
    expect(page.locator(".filters select[name=region]")).to_have_value("kab-malang")
    expect(cards).to_have_count(1)
    expect(cards.first).to_have_text(jago.title)

    page.locator(".language-switcher a[data-lang=en]").click()
    expect(page).to_have_url(re.compile(r"/en/places/\?.*kind=temple.*region=kab-malang"))
    expect(cards).to_have_text([english_title])
    assert offline == [], f"requests tried to leave the machine: {offline}"
