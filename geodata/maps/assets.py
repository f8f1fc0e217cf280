"""Where a map's Leaflet, jQuery and MarkerCluster files come from: the XStatic wheels, served by Django's
staticfiles (``VENDOR_DIRS`` goes into ``STATICFILES_DIRS``) or embedded in the page for standalone files.

folium would link these from jsdelivr, cdnjs and code.jquery.com; a heritage site should not depend on
third-party CDNs at run time (see docs: ECOSYSTEM §6), and standalone maps must open offline.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import xstatic.pkg.jquery as _xs_jquery
import xstatic.pkg.leaflet as _xs_leaflet
import xstatic.pkg.leaflet_markercluster as _xs_markercluster

STATIC_DIR = Path(__file__).resolve().parents[1] / "static" / "geodata"

# (URL prefix under STATIC_URL, absolute directory), for STATICFILES_DIRS.
VENDOR_DIRS: list[tuple[str, str]] = [
    ("vendor/leaflet", str(Path(_xs_leaflet.BASE_DIR))),
    ("vendor/jquery", str(Path(_xs_jquery.BASE_DIR))),
    ("vendor/markercluster", str(Path(_xs_markercluster.BASE_DIR))),
    ("geodata", str(STATIC_DIR)),
]

# MapAssets field -> (prefix, file name). The names are the files inside the installed XStatic packages.
ASSET_FILES: dict[str, tuple[str, str]] = {
    "leaflet_css": ("vendor/leaflet", "leaflet.css"),
    "markercluster_css": ("vendor/markercluster", "MarkerCluster.css"),
    "markercluster_default_css": ("vendor/markercluster", "MarkerCluster.Default.css"),
    "geodata_css": ("geodata", "map.css"),
    "leaflet_js": ("vendor/leaflet", "leaflet.js"),
    "jquery_js": ("vendor/jquery", "jquery.min.js"),
    "markercluster_js": ("vendor/markercluster", "leaflet.markercluster.js"),
}
_DIRS = dict(VENDOR_DIRS)


def asset_path(field_name: str) -> Path:
    prefix, name = ASSET_FILES[field_name]
    return Path(_DIRS[prefix]) / name


@dataclass(frozen=True)
class MapAssets:
    """URLs of the files a map needs, or (``embedded=True``) the files' contents."""

    leaflet_css: str
    markercluster_css: str
    markercluster_default_css: str
    geodata_css: str
    leaflet_js: str
    jquery_js: str
    markercluster_js: str
    embedded: bool = False

    @classmethod
    def from_base_url(
        cls, base_url: str = "/static/", url_for: Callable[[str], str] | None = None
    ) -> MapAssets:
        """URLs under a static base URL, e.g. ``settings.STATIC_URL``. Pass ``url_for`` (Django's
        ``django.templatetags.static.static``) to get manifest-hashed names instead."""
        base = base_url if base_url.endswith("/") else base_url + "/"
        urls = {}
        for field_name, (prefix, name) in ASSET_FILES.items():
            rel = f"{prefix}/{name}"
            urls[field_name] = url_for(rel) if url_for else base + rel
        return cls(**urls)

    @classmethod
    def inline(cls) -> MapAssets:
        """The file contents, for one self-contained HTML file (the ``map`` command's output)."""
        return _inline_assets()

    def css(self) -> list[tuple[str, str]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self) if f.name.endswith("_css")]

    def js(self, *, jquery: bool = False) -> list[tuple[str, str]]:
        names = ["leaflet_js", *(["jquery_js"] if jquery else []), "markercluster_js"]
        return [(n, getattr(self, n)) for n in names]

    def head_html(self, *, jquery: bool = False) -> str:
        """``<link>``/``<script>`` tags (or inline ``<style>``/``<script>``) in load order."""
        out = []
        for _, value in self.css():
            out.append(
                f"<style>{value}</style>"
                if self.embedded
                else f'<link rel="stylesheet" href="{_attr(value)}">'
            )
        for _, value in self.js(jquery=jquery):
            out.append(
                f"<script>{value}</script>" if self.embedded else f'<script src="{_attr(value)}"></script>'
            )
        return "\n".join(out)


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", re.MULTILINE)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[^'\")]+)\1\)")


@lru_cache(maxsize=1)
def _inline_assets() -> MapAssets:
    contents = {}
    for field_name in ASSET_FILES:
        path = asset_path(field_name)
        text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
        if field_name.endswith("_css"):
            # Leaflet's CSS points at images/*.png next to it; embed them so nothing is fetched.
            def data_uri(match, folder=path.parent):
                image = folder / match.group(2)
                if not image.exists():
                    return match.group(0)
                return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode()})"

            text = _CSS_URL.sub(data_uri, _CSS_COMMENT.sub("", text)).replace("</style", "<\\/style")
        else:
            text = text.replace("</script", "<\\/script")
        contents[field_name] = text
    return MapAssets(**contents, embedded=True)
