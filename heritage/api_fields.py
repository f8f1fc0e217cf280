"""What the content API (Wagtail's API v2 at /api/v2/, mounted by the site) shows of a page, shared by every
content area: its location, its image as renditions an app can display, its QR code and its sources."""

from rest_framework import serializers

from django.conf import settings

from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField


class QRCodeField(serializers.Field):
    """The page's QR short code (`short_code`, given by the plaques app) and the address its plaque prints."""

    def to_representation(self, short_code):
        return {"code": short_code.code, "url": f"{settings.QR_BASE_URL}/q/{short_code.code}"}


class PointField(serializers.Field):
    def to_representation(self, page):
        if page.latitude is None or page.longitude is None:
            return None
        return {"type": "Point", "coordinates": [float(page.longitude), float(page.latitude)]}


def image_fields(name: str = "image") -> list[APIField]:
    """The image's original (with its title and size, from Wagtail) and two renditions an app shows."""
    return [
        APIField(name),
        APIField(f"{name}_card", serializer=ImageRenditionField("fill-800x450|format-webp", source=name)),
        APIField(
            f"{name}_thumbnail", serializer=ImageRenditionField("fill-320x240|format-webp", source=name)
        ),
    ]


def location_fields() -> list[APIField]:
    return [
        APIField("location", serializer=PointField(source="*")),
        APIField("region"),
        APIField("district"),
        APIField("address"),
        APIField("coordinate_source"),
    ]


def common_fields() -> list[APIField]:
    """Summary, story (as structured blocks), sources and QR code: what every page type shows."""
    return [
        APIField("summary"),
        APIField("story"),
        APIField("sources"),
        APIField("qr_code", serializer=QRCodeField(source="short_code")),
    ]


SOURCE_FIELDS = [APIField("title"), APIField("url")]
