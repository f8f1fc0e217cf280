"""Heritage content: places (heritage sites and corridor places), the list that holds them, and the QR short
codes printed on their plaques."""

from .centre import CentreFigure, CentrePage, CentreSource
from .choices import Category, Era, Kind, LocationPrecision, Region
from .index import PlaceIndexPage
from .place import CorridorPlacePage, HeritageSitePage, PlaceLink, PlacePage, PlaceSource, RelatedPlace
from .producer import Producer, ProducerCertification, ProducerSource
from .product_choices import BusinessScale, Certification, ExportReadiness, Sector
from .products import (
    ProductCertification,
    ProductImage,
    ProductIndexPage,
    ProductPage,
    ProductRelatedPlace,
    ProductSource,
)
from .shortcode import ScanCount, ShortCode

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
    "ScanCount",
    "ShortCode",
    # Local products (issue 6)
    "BusinessScale",
    "CentreFigure",
    "CentrePage",
    "CentreSource",
    "Certification",
    "ExportReadiness",
    "Producer",
    "ProducerCertification",
    "ProducerSource",
    "ProductCertification",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ProductRelatedPlace",
    "ProductSource",
    "Sector",
]
