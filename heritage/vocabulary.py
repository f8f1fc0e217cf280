"""The vocabularies a place is described with.

`Category` follows UU 11/2010 on cagar budaya (benda, bangunan, struktur, situs, kawasan); `Kind` is the
tourist's word for the place; `Region` matters because many temples and all of the Bromo-Tengger-Semeru park
lie outside Kota Malang, in the regencies around it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    BENDA = "benda", _("Object (benda)")
    BANGUNAN = "bangunan", _("Building (bangunan)")
    STRUKTUR = "struktur", _("Structure (struktur)")
    SITUS = "situs", _("Site (situs)")
    KAWASAN = "kawasan", _("Area (kawasan)")


class Kind(models.TextChoices):
    TEMPLE = "temple", _("Temple")
    ARCHAEOLOGICAL_SITE = "archaeological_site", _("Archaeological site")
    COLONIAL_BUILDING = "colonial_building", _("Colonial building")
    RELIGIOUS_BUILDING = "religious_building", _("Religious building")
    KAMPUNG = "kampung", _("Kampung")
    MUSEUM = "museum", _("Museum")
    MARKET = "market", _("Market")
    MONUMENT = "monument", _("Monument")
    STATION = "station", _("Railway station")
    SQUARE = "square", _("Square")
    BOULEVARD = "boulevard", _("Boulevard")
    BRIDGE = "bridge", _("Bridge")
    SCHOOL = "school", _("School")
    VIEWPOINT = "viewpoint", _("Viewpoint")
    GATE = "gate", _("Park gate")
    VILLAGE = "village", _("Village")
    LAKE = "lake", _("Lake")
    SUMMIT = "summit", _("Summit")
    CRATER = "crater", _("Crater")
    SAVANNA = "savanna", _("Savanna")
    SAND_SEA = "sand_sea", _("Sea of sand")


class Era(models.TextChoices):
    KANJURUHAN = "kanjuruhan", _("Kanjuruhan (8th century)")
    SINGHASARI = "singhasari", _("Singhasari (13th century)")
    MAJAPAHIT = "majapahit", _("Majapahit")
    COLONIAL = "colonial", _("Colonial (to 1942)")
    INDEPENDENCE = "independence", _("Independence (1945 on)")
    NATURAL = "natural", _("Natural landscape")


class LocationPrecision(models.TextChoices):
    """How closely the map point marks the place. Sources often give only a rounded point or a village's
    reference point; the page says so instead of pretending to a precision the data does not have."""

    SITE = "site", _("The place itself")
    APPROXIMATE = "approximate", _("Approximate: within about a kilometre")
    AREA = "area", _("The village area, not a single spot")


class Region(models.TextChoices):
    KOTA_MALANG = "kota-malang", "Kota Malang"
    KAB_MALANG = "kab-malang", "Kabupaten Malang"
    KOTA_BATU = "kota-batu", "Kota Batu"
    PASURUAN = "pasuruan", "Kabupaten Pasuruan"
    PROBOLINGGO = "probolinggo", "Kabupaten Probolinggo"
    LUMAJANG = "lumajang", "Kabupaten Lumajang"


# Marker colours on maps, one per kind family; the legend on the list page uses the same.
KIND_COLOURS = {
    Kind.TEMPLE: "#9c4a1a",
    Kind.ARCHAEOLOGICAL_SITE: "#78350f",
    Kind.COLONIAL_BUILDING: "#1f5f8b",
    Kind.RELIGIOUS_BUILDING: "#6b3fa0",
    Kind.KAMPUNG: "#c2410c",
    Kind.MUSEUM: "#0f766e",
    Kind.MARKET: "#b45309",
    Kind.MONUMENT: "#334155",
    Kind.STATION: "#1e40af",
    Kind.SQUARE: "#4d7c0f",
    Kind.BOULEVARD: "#15803d",
    Kind.BRIDGE: "#475569",
    Kind.SCHOOL: "#1d4ed8",
    Kind.VIEWPOINT: "#be123c",
    Kind.GATE: "#854d0e",
    Kind.VILLAGE: "#a16207",
    Kind.LAKE: "#0369a1",
    Kind.SUMMIT: "#7f1d1d",
    Kind.CRATER: "#991b1b",
    Kind.SAVANNA: "#65a30d",
    Kind.SAND_SEA: "#a8a29e",
}
