"""Travel modes have one vocabulary (geodata.modes): the admin's choices, the route table and the public
pages name them in the active language."""

from django.utils import translation

from itineraries.modes import MODE_CHOICES, mode_label


def test_travel_modes_are_named_in_indonesian_on_indonesian_pages_and_in_english_on_english_ones():
    with translation.override("id"):
        assert [mode_label(m) for m in ("car", "walk", "jeep")] == ["mobil", "jalan kaki", "jip 4x4"]
        assert dict(MODE_CHOICES)["car"] == "Mobil"
    with translation.override("en"):
        assert [mode_label(m) for m in ("car", "walk", "jeep")] == ["car", "walk", "4x4 jeep"]
        assert dict(MODE_CHOICES)["hike"] == "Hike"
