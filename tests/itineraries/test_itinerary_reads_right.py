"""An itinerary as a traveller reads it: a night's wait said in words, one marker for a place visited twice,
a print view that is a sheet with its map, and a header that says where the car gives way to a jeep."""

import json
import re

import pytest
from lxml import html as lxml_html

from django.test import RequestFactory
from django.utils import translation

# Day 1 by car from Candi Badut to Candi Jago; day 2 by jeep to the crater rim for the sunrise: the night is
# spent at Candi Jago, and the jeep leaves it in the small hours.
OVERNIGHT_TO_THE_CRATER = [
    ("candi-badut", 1, 0, False, ""),
    ("candi-jago", 1, 60, False, ""),
    ("kawah-bromo", 2, 60, True, "jeep"),
]
THERE_AND_BACK = [
    ("candi-badut", 1, 0, False, ""),
    ("candi-jago", 1, 60, False, ""),
    ("candi-badut", 1, 30, False, ""),
]


def english(page, query=""):
    """The page as the English site renders it (the test itinerary has no English translation)."""
    from itineraries.views import itinerary_view

    with translation.override("en"):
        response = itinerary_view(page, RequestFactory().get(page.url + query))
        response.render()
    return response.content.decode()


def stop_when(html: str, number: int) -> str:
    tree = lxml_html.fromstring(html)
    return " ".join(tree.xpath(f"string(//li[@data-stop='{number}']/span[@class='timeline__when'])").split())


@pytest.fixture
def overnight(sample_site, sample_network, make_itinerary):
    return make_itinerary(sample_site, OVERNIGHT_TO_THE_CRATER, days=2)


def test_a_night_at_a_stop_reads_until_the_time_the_next_day_with_a_day_marker(client, overnight):
    indonesian = client.get(overnight.url + "?date=2026-07-15").content.decode()
    when = stop_when(indonesian, 2)
    arrive, depart = re.fullmatch(r"(\d\d:\d\d), sampai (\d\d:\d\d) keesokan harinya \+1", when).groups()
    assert arrive > depart  # arrived in the morning, leaves in the small hours of the next day
    assert f"{arrive}–{depart}" not in indonesian
    assert re.fullmatch(
        r"\d\d:\d\d, until \d\d:\d\d the next day \+1", stop_when(english(overnight, "?date=2026-07-15"), 2)
    )
    # The departure keeps its machine-readable date: the next calendar day.
    tree = lxml_html.fromstring(indonesian)
    assert tree.xpath("//li[@data-stop='2']//time[@class='depart']/@datetime")[0].startswith("2026-07-16T")


def test_a_stop_left_the_same_day_keeps_its_arrive_and_depart_times(
    client, sample_site, sample_network, make_itinerary
):
    page = make_itinerary(sample_site, THERE_AND_BACK)
    when = stop_when(client.get(page.url).content.decode(), 2)
    assert re.fullmatch(r"\d\d:\d\d–\d\d:\d\d", when)


def test_a_trip_that_changes_to_a_jeep_says_so_in_its_header(client, overnight):
    header = lxml_html.fromstring(client.get(overnight.url).content).xpath("string(//p[@class='trip-modes'])")
    assert header == "Berganti ke jip 4x4 di perhentian 2, Candi-jago (id)."
    english_header = lxml_html.fromstring(english(overnight)).xpath("string(//p[@class='trip-modes'])")
    assert english_header == "Changes to 4x4 jeep at stop 2, Candi-jago (id)."


def test_a_trip_in_one_mode_says_nothing_of_changes(client, sample_site, sample_network, make_itinerary):
    page = make_itinerary(sample_site, THERE_AND_BACK)
    assert 'class="trip-modes"' not in client.get(page.url).content.decode()


def test_a_place_visited_twice_is_one_marker_with_both_numbers(
    client, sample_site, sample_network, make_itinerary
):
    page = make_itinerary(sample_site, THERE_AND_BACK)
    html = client.get(page.url).content.decode()
    stops = json.loads(re.search(r"var stops = (\[.*?\]);", html).group(1))
    assert [(label, numbers) for _lat, _lon, label, numbers in stops] == [
        ("Candi-badut (id)", [1, 3]),
        ("Candi-jago (id)", [2]),
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_print_view_has_no_site_navigation_and_keeps_its_map(client, overnight, lang):
    html = (
        client.get(overnight.url + "?print=1").content.decode()
        if lang == "id"
        else english(overnight, "?print=1")
    )
    tree = lxml_html.fromstring(html)
    assert tree.xpath("//nav[contains(@class, 'site-nav')]") == []
    assert tree.xpath("//*[contains(@class, 'language-switcher')]") == []
    assert tree.xpath("//body[contains(@class, 'print-view')]")
    section = tree.xpath("//section[contains(@class, 'itinerary-map')]")[0]
    assert "no-print" not in section.get("class") and section.xpath(".//div[@class='map']")
    # The page itself keeps its navigation.
    page = lxml_html.fromstring(client.get(overnight.url).content)
    assert page.xpath("//nav[contains(@class, 'site-nav')]")
    assert "no-print" in page.xpath("//section[contains(@class, 'itinerary-map')]/@class")[0]
