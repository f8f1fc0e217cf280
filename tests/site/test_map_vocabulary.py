"""Maps speak the page's language and the site's vocabulary: one definition of each kind's label and colour
(heritage.vocabulary), read by popups and legends alike."""

import json
import re

from heritage.vocabulary import KIND_COLOURS, Kind


def map_styles(response) -> dict[str, str]:
    """label -> colour of the map's marker kinds, as the browser receives them."""
    data = json.loads(re.search(r"var data = (\{\"p\".*?\});", response.content.decode()).group(1))
    return dict(zip(data["k"], data["c"], strict=True))


def test_an_indonesian_page_labels_its_map_markers_in_indonesian_and_an_english_page_in_english(
    client, sample_site
):
    indonesian = map_styles(client.get("/id/tempat/"))
    english = map_styles(client.get("/en/places/"))
    assert indonesian["Candi"] == KIND_COLOURS[Kind.TEMPLE]
    assert english["Temple"] == KIND_COLOURS[Kind.TEMPLE]
    assert "temple" not in indonesian and "Temple" not in indonesian
    assert "crater" not in english  # a label, never a slug


def test_every_kind_has_a_colour_of_its_own_on_the_map():
    assert set(KIND_COLOURS) == set(Kind)
    assert "#777777" not in KIND_COLOURS.values()  # geodata's colour for a kind it was not told about
