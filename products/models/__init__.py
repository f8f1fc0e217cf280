"""Local products (UMKM), the producers who make them, the production centres they come from and the
investor hub that lists them."""

from .centre import CentreFigure, CentrePage, CentreSource
from .choices import BusinessScale, Certification, ExportReadiness, Sector
from .hub import ProductIndexPage
from .producer import Producer, ProducerCertification, ProducerSource
from .product import (
    ProductCertification,
    ProductImage,
    ProductPage,
    ProductRelatedPlace,
    ProductSource,
)

__all__ = [
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
