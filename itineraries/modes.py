"""Travel modes as the site names them: the one vocabulary is `geodata.modes` (speeds, the roads each may use,
its name in Indonesian and English); here it becomes form choices and labels in the active language."""

from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import get_language

from geodata.modes import MODES

# The order editors see in the admin.
MODE_ORDER = ("walk", "car", "motorbike", "jeep", "hike")


def mode_label(name: str) -> str:
    """ "mobil" / "car": the mode's name in the active language (Indonesian unless English is active)."""
    mode = MODES.get(name)
    if mode is None:
        return name
    return mode.label_en if (get_language() or "id").startswith("en") else mode.label_id


MODE_CHOICES = [(name, lazy(lambda n=name: capfirst(mode_label(n)), str)()) for name in MODE_ORDER]
