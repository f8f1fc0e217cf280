"""The vocabularies local products are described with.

`BusinessScale` follows the Indonesian UMKM classes (mikro, kecil, menengah) as a business or a public source
states them; we never derive it from turnover figures. `ExportReadiness` is the investor's first question:
is someone already shipping this abroad, is it being prepared for export, or is it sold at home only.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    FOOD = "food", _("Food and drink")
    COFFEE = "coffee", _("Coffee")
    AGRICULTURE = "agriculture", _("Agriculture")
    CRAFT = "craft", _("Craft")
    BATIK = "batik", _("Fashion and batik")
    EXPERIENCE = "experience", _("Classes and visits")


class BusinessScale(models.TextChoices):
    MIKRO = "mikro", _("Micro (mikro)")
    KECIL = "kecil", _("Small (kecil)")
    MENENGAH = "menengah", _("Medium (menengah)")


class ExportReadiness(models.TextChoices):
    READY = "ready", _("Export-ready")
    DEVELOPING = "developing", _("Developing for export")
    LOCAL = "local", _("Local market only")


class Certification(models.TextChoices):
    HALAL = "halal", _("Halal")
    PIRT = "pirt", "P-IRT"
    BPOM = "bpom", "BPOM"
    SNI = "sni", "SNI"


# Production centres on maps and in legends.
CENTRE_COLOUR = "#7c2d12"

# Marker colours on maps, one per sector (the place maps colour by kind the same way).
SECTOR_COLOURS = {
    Sector.FOOD: "#b45309",
    Sector.COFFEE: "#5b3a1e",
    Sector.AGRICULTURE: "#4d7c0f",
    Sector.CRAFT: "#9c4a1a",
    Sector.BATIK: "#6b3fa0",
    Sector.EXPERIENCE: "#0f766e",
}
