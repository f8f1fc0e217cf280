"""Places: heritage sites and corridor places, the list that holds them, and the vocabularies every content
area describes places with."""

from heritage.vocabulary import Category, Era, Kind, LocationPrecision, Region

from .index import PlaceIndexPage
from .place import (
    CorridorPlacePage,
    HeritageSitePage,
    PlaceLink,
    PlacePage,
    PlaceSource,
    RelatedPlace,
    places_near,
)
from .register import RegisterCategory, RegisterEntry, RegisterFilterForm, RegisterRank, filtered_entries
from .register_index import RegisterIndexPage
from .seed_record import SeedRecord

__all__ = [
    "Category",
    "CorridorPlacePage",
    "Era",
    "HeritageSitePage",
    "Kind",
    "LocationPrecision",
    "PlaceIndexPage",
    "PlaceLink",
    "PlacePage",
    "PlaceSource",
    "Region",
    "RegisterCategory",
    "RegisterEntry",
    "RegisterFilterForm",
    "RegisterIndexPage",
    "RegisterRank",
    "RelatedPlace",
    "SeedRecord",
    "filtered_entries",
    "places_near",
]
