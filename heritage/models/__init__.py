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
    "RelatedPlace",
    "SeedRecord",
    "places_near",
]
