"""Every place and trip page says, in its language, whom to call in an emergency, and a place the city looks
after says where to report a problem with it (heritage/emergency.py): 112 everywhere, Ngalam 112 only in Kota
Malang, SAMBAT only for places in Kota Malang, and nothing invented for the rest."""

import pytest
from lxml import html as lxml_html

from tests.itineraries.conftest import _make_itinerary, sample_network  # noqa: F401 - the fixture, by name

NGALAM = {"id": "Ngalam 112", "en": "Ngalam 112"}
HEADING = {"id": "Darurat dan bantuan", "en": "Emergency and help"}
NATIONAL = {"id": "nomor darurat nasional", "en": "the national emergency number"}
IN_THE_CITY = {
    "id": "Di Kota Malang, 112 tersambung ke Ngalam 112",
    "en": "In Kota Malang, 112 reaches Ngalam 112",
}
REPORT = {"id": "Laporkan masalah di tempat ini", "en": "Report a problem with this place"}
MENTION = {"id": "Sebutkan halaman ini dalam laporan Anda:", "en": "Mention this page in your report:"}
SAMBAT = "https://sambat.malangkota.go.id/"
THROUGH_THE_CITY = [("candi-badut", 1, 30, False, ""), ("candi-jago", 1, 30, False, "")]
TO_THE_CRATER = [("candi-jago", 1, 30, False, ""), ("kawah-bromo", 1, 60, True, "jeep")]


def place(slug, lang):
    from heritage.models import PlacePage

    return PlacePage.objects.get(slug=slug, locale__language_code=lang).specific


def help_panel(client, url):
    response = client.get(url)
    assert response.status_code == 200
    panels = lxml_html.fromstring(response.content).find_class("help")
    assert len(panels) == 1, "one emergency panel on the page"
    return panels[0]


def text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_place_in_kota_malang_names_112_ngalam_112_and_sambat_in_the_pages_language(
    client, sample_site, lang
):
    badut = place("candi-badut", lang)
    panel = help_panel(client, badut.url)
    words = text(panel)
    assert HEADING[lang] in words and NATIONAL[lang] in words and IN_THE_CITY[lang] in words
    assert panel.xpath(".//a[@href='tel:112']")
    assert REPORT[lang] in words and MENTION[lang] in words
    assert panel.xpath(f".//a[@href='{SAMBAT}']")
    assert panel.xpath(".//a[@href='sms:+6281333471111']")
    (mention,) = panel.xpath(".//input[@id='help-mention']")
    assert mention.get("readonly") is not None
    assert mention.get("value") == f"{badut.title} — https://heritage.example.id{badut.url}"
    other = {"id": "en", "en": "id"}[lang]
    assert REPORT[other] not in words and HEADING[other] not in words


@pytest.mark.parametrize("slug", ["candi-jago", "kawah-bromo"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_place_outside_the_city_names_only_the_national_112_and_no_city_channel(
    client, sample_site, slug, lang
):
    panel = help_panel(client, place(slug, lang).url)
    words = text(panel)
    assert panel.xpath(".//a[@href='tel:112']") and NATIONAL[lang] in words
    assert NGALAM[lang] not in words
    assert REPORT[lang] not in words and not panel.xpath(".//input")
    assert "sambat" not in lxml_html.tostring(panel, encoding="unicode").lower()
    # the only link is the call: no other number or address is made up for the region
    assert [a.get("href") for a in panel.iter("a")] == ["tel:112"]


def test_a_hostile_title_in_the_text_to_quote_is_escaped(client, sample_site):
    badut = place("candi-badut", "id")
    badut.title = "Candi `${alert(1)}` </script><script>alert(2)</script> <b>tebal</b> \"'&"
    badut.save_revision().publish()
    html = client.get(badut.url).content.decode()
    start = html.index('<input class="help__mention"')
    tag = html[start : html.index(">", start) + 1]
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in tag
    assert "&lt;b&gt;tebal&lt;/b&gt;" in tag and "&quot;&#x27;&amp;" in tag
    assert "`${alert(1)}`" in tag  # harmless inside a quoted attribute, kept as the editor wrote it
    assert "<b>tebal" not in html and "<script>alert(2)" not in html
    (mention,) = lxml_html.fromstring(html).xpath("//input[@id='help-mention']")
    assert mention.get("value").startswith(badut.title + " — https://heritage.example.id/")


def _trip_in_both_languages(stops):
    from wagtail.models import Locale

    trip = _make_itinerary(None, stops)
    trip_en = trip.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    trip_en.save_revision().publish()
    return {"id": trip, "en": type(trip).objects.get(pk=trip_en.pk)}


@pytest.mark.usefixtures("sample_network")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_trip_through_the_city_names_ngalam_112_and_its_print_view_keeps_the_panel(
    client, sample_site, lang
):
    trip = _trip_in_both_languages(THROUGH_THE_CITY)[lang]
    for url in (trip.url, trip.url + "?print=1"):
        panel = help_panel(client, url)
        words = text(panel)
        assert HEADING[lang] in words and IN_THE_CITY[lang] in words
        assert panel.xpath(".//a[@href='tel:112']")
        assert REPORT[lang] not in words, "a trip is not a place the city looks after"


@pytest.mark.usefixtures("sample_network")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_trip_that_never_enters_the_city_names_only_the_national_112(client, sample_site, lang):
    trip = _trip_in_both_languages(TO_THE_CRATER)[lang]
    panel = help_panel(client, trip.url)
    words = text(panel)
    assert HEADING[lang] in words and NATIONAL[lang] in words
    assert NGALAM[lang] not in words
    assert [a.get("href") for a in panel.iter("a")] == ["tel:112"]
