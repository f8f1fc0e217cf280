"""A place's own map shows it among its neighbours: its marker is the highlighted one, drawn outside any
cluster and labelled; maps of many places (the list, the home page) highlight none."""

import json
import re

import pytest


def map_data(html: str) -> dict:
    return json.loads(re.search(r'var data = (\{"p".*?\});', html).group(1))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_place_is_the_highlighted_marker_on_its_own_map(client, sample_site, lang):
    from heritage.models import PlacePage

    page = PlacePage.objects.get(slug="candi-badut", locale__language_code=lang)
    html = client.get(page.url).content.decode()
    data = map_data(html)
    assert [data["p"][i][2] for i in data["h"]] == [page.title]
    assert "gd-marker--current" in html and "permanent: true" in html


def test_each_place_highlights_itself_not_the_place_whose_map_was_drawn_first(client, sample_site):
    """Two places on each other's map: the cached maps differ by the highlighted place."""
    from heritage.models import PlacePage

    for slug in ("candi-badut", "candi-jago", "candi-badut"):
        page = PlacePage.objects.get(slug=slug, locale__language_code="en")
        data = map_data(client.get(page.url).content.decode())
        assert [data["p"][i][2] for i in data["h"]] == [page.title]


def test_the_list_of_places_highlights_none(client, sample_site):
    html = client.get("/en/places/").content.decode()
    assert map_data(html)["h"] == []
