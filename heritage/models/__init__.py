"""Heritage content: places (heritage sites and corridor places) and the list that holds them."""

from .choices import Category, Era, Kind, Region
from .index import PlaceIndexPage
from .place import CorridorPlacePage, HeritageSitePage, PlaceLink, PlacePage, PlaceSource, RelatedPlace

__all__ = [
    "Category",
    "CorridorPlacePage",
    "Era",
    "HeritageSitePage",
    "Kind",
    "PlaceIndexPage",
    "PlaceLink",
    "PlacePage",
    "PlaceSource",
    "Region",
    "RelatedPlace",
]
