"""Every word in its language (issue 17), the parts cheaper to check without a browser: money in the reader's
format, the language a foreign browser gets, the language switch keeping a list's filters, placeholder alt text,
Leaflet's own words, and the bundled facts, addresses, links and register events stored per language.
(tests/browser/test_every_word_in_its_language.py reads whole pages in both languages.)"""

import re

import pytest

from django.utils import translation

from heritage.content.loader import load_places
from heritage.content.place_fields import place_fields, place_links
from heritage.templatetags.heritage_tags import rupiah


def test_rupiah_has_the_readers_thousands_separator():
    with translation.override("en"):
        assert rupiah(10000) == "Rp10,000"
        assert rupiah(1250000) == "Rp1,250,000"
    with translation.override("id"):
        assert rupiah(10000) == "Rp10.000"
        assert rupiah(1250000) == "Rp1.250.000"
    assert rupiah(None) == ""


def test_a_product_price_reads_in_the_pages_language(client, sample_site):
    from products.content.seed import seed_products
    from products.models import ProductPage

    seed_products()
    coffee = ProductPage.objects.get(slug="kopi-robusta-dampit", locale__language_code="id")
    english = coffee.get_translation(_locale("en"))
    assert "Rp20.000–Rp26.000" in client.get(coffee.url).content.decode()
    assert "Rp20,000–Rp26,000" in client.get(english.url).content.decode()


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


@pytest.mark.parametrize(
    ("accept_language", "landing"),
    [
        ("fr-FR,fr;q=0.9", "/en/"),
        ("de-DE,de;q=0.9,ja;q=0.5", "/en/"),
        ("fr-FR,fr;q=0.9,id;q=0.5", "/id/"),  # Indonesian is among the browser's languages
        ("en-GB,en;q=0.9", "/en/"),
        ("id-ID", "/id/"),
        (None, "/id/"),  # no language asked (a crawler): the site's default
    ],
)
def test_a_browser_in_neither_language_lands_on_english(client, sample_site, accept_language, landing):
    headers = {"accept-language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response["Location"] == landing


def test_a_chosen_language_wins_over_a_foreign_browser(client, sample_site):
    client.cookies["django_language"] = "id"
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/id/"


def test_a_plaque_scanned_by_a_foreign_phone_opens_the_english_page(client, place):
    from plaques.models import ShortCode

    code = ShortCode.objects.get(page=place).code
    response = client.get(f"/q/{code}", headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/")


def test_the_language_switch_of_a_filtered_list_keeps_the_filters(client, sample_site):
    html = client.get("/en/places/?kind=temple&region=kab-malang").content.decode()
    switch = re.search(r'<ul class="language-switcher".*?</ul>', html, re.S).group(0)
    assert 'href="/id/tempat/?kind=temple&amp;region=kab-malang"' in switch
    # hreflang names the list itself, never a filtered copy of it.
    assert re.search(r'<link rel="alternate" hreflang="id" href="[^"?]*/id/tempat/">', html)


def test_the_language_switch_of_an_unfiltered_page_has_no_query(client, sample_site):
    html = client.get("/en/places/").content.decode()
    assert 'href="/id/tempat/"' in re.search(r'<ul class="language-switcher".*?</ul>', html, re.S).group(0)


def test_placeholder_artwork_is_described_in_the_pages_language(client, place, place_en):
    indonesian = client.get(place.url).content.decode()
    english = client.get(place_en.url).content.decode()
    assert f'alt="Gambar sementara: {place.title}"' in indonesian
    assert f'alt="Placeholder artwork: {place_en.title}"' in english
    assert "Placeholder:" not in indonesian + english


def test_leaflets_own_words_are_in_the_pages_language(client, sample_site):
    indonesian = client.get("/id/tempat/").content.decode()
    english = client.get("/en/places/").content.decode()
    assert '"zoom_in":"Perbesar"' in indonesian and '"zoom_out":"Perkecil"' in indonesian
    assert '"zoom_in":"Zoom in"' in english


def _bundled(slug):
    return next(f for f in load_places() if f["properties"]["slug"] == slug)


@pytest.mark.parametrize(
    ("slug", "field", "indonesian", "english"),
    [
        ("gereja-kayutangan", "built", "1905 (menara 1930)", "1905 (towers 1930)"),
        (
            "gereja-kayutangan",
            "architect",
            "Marius J. Hulswit; menara: Albert Grunberg",
            "Marius J. Hulswit; towers: Albert Grunberg",
        ),
        ("candi-karang-besuki", "built", "abad ke-8 (perkiraan)", "8th century (estimated)"),
        ("candi-sumberawan", "built", "abad ke-14–15 (perkiraan)", "14th–15th century (estimated)"),
        (
            "candi-badut",
            "address",
            "Jalan Raya Candi V D, di batas barat Kota Malang (dekat Universitas Ma Chung)",
            "Jalan Raya Candi V D, on the western edge of Kota Malang (near Ma Chung University)",
        ),
        (
            "balai-kota-malang",
            "designation_status",
            "Cagar budaya Kota Malang",
            "Designated heritage of Kota Malang",
        ),
        (
            "candi-jago",
            "address",
            "Jl. Wisnuwardhana, Desa Tumpang, Kec. Tumpang, Kabupaten Malang",
            "Jl. Wisnuwardhana, Desa Tumpang, Kec. Tumpang, Kabupaten Malang",
        ),  # names only: one text for both
    ],
)
def test_the_bundled_facts_are_stored_in_each_language(slug, field, indonesian, english):
    feature = _bundled(slug)
    assert place_fields(feature["properties"], feature, "id")[field] == indonesian
    assert place_fields(feature["properties"], feature, "en")[field] == english


def test_the_bundled_official_links_are_titled_in_each_language():
    props = _bundled("desa-ngadas")["properties"]
    assert [link.title for link in place_links(props, "en")][
        0
    ] == "Booking Bromo — TNBTS (online entry tickets)"
    assert [link.title for link in place_links(props, "id")][
        0
    ] == "Booking Bromo — TNBTS (tiket masuk online)"


def test_a_centres_address_is_stored_in_each_language():
    import json

    from products.content.seed import CENTRES_FILE, _centre_fields

    centres = json.loads(CENTRES_FILE.read_text(encoding="utf-8"))["features"]
    dinoyo = next(f for f in centres if f["properties"]["slug"] == "dinoyo")
    assert _centre_fields(dinoyo, "id")["address"] == "Jl. MT Haryono (masuk lewat Gang IX, XI dan XIII)"
    assert _centre_fields(dinoyo, "en")["address"] == "Jl. MT Haryono (entered by Gang IX, XI and XIII)"


def test_a_register_entry_shows_its_designation_event_in_the_readers_language():
    from heritage.models import RegisterEntry

    entry = RegisterEntry(
        designation="SK 12 dan 31 Desember 2018, diserahkan 14 Januari 2019",
        designation_en="SK of 12 and 31 Dec 2018, handed over 14 Jan 2019",
    )
    with translation.override("en"):
        assert entry.designation_shown == "SK of 12 and 31 Dec 2018, handed over 14 Jan 2019"
    with translation.override("id"):
        assert entry.designation_shown == "SK 12 dan 31 Desember 2018, diserahkan 14 Januari 2019"
    entry.designation_en = ""
    with translation.override("en"):  # an editor's entry with no English: the event as it is
        assert entry.designation_shown == "SK 12 dan 31 Desember 2018, diserahkan 14 Januari 2019"


def test_the_register_seed_keeps_the_bundled_events_english(db):
    import json

    from heritage.content.register_seed import REGISTER_DIR, entry_fields

    listing = json.loads((REGISTER_DIR / "kota-malang-2022.json").read_text(encoding="utf-8"))
    fields = entry_fields(listing["entries"][0], listing, {"id": None})
    assert fields["designation"] == "Harkitnas, 20 Mei 2022"
    assert fields["designation_en"] == "Harkitnas, 20 May 2022"
