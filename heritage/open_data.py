"""What every open-data feed of every content area shares: the `lang` parameter, the 400 answer that names a
bad parameter, and the headers that let caches and other sites' scripts use a feed."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import patch_cache_control

LANGS = ("id", "en")


def bad_parameter(name: str, message: str) -> JsonResponse:
    return JsonResponse({"error": f"{name}: {message}", "parameter": name}, status=400)


def request_lang(request):
    """(lang, None) for a known `lang` parameter, (None, response) otherwise. A missing or empty `lang`
    (as a form with an empty select sends it) means the default, Indonesian."""
    lang = request.GET.get("lang") or "id"
    if lang not in LANGS:
        return None, bad_parameter("lang", f"unknown language {lang[:20]!r}; use 'id' or 'en'.")
    return lang, None


def cacheable(response):
    patch_cache_control(response, public=True, max_age=settings.CACHE_MAX_AGE)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def canonical_url(path: str) -> str:
    """`path` (a site-relative URL such as a page's `url`) under the canonical address; an address that is
    already absolute (media on object storage, a page of another Site) is returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.CANONICAL_URL + path


# --- licence and catalogue -----------------------------------------------------------------------------------
# Our text and data are open under CC BY 4.0; route geometry computed on the bundled road network carries
# OpenStreetMap's ODbL as well (geodata/data/corridor_network.md names the OSM elements it came from).
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
ODBL = {"name": "ODbL 1.0", "url": "https://opendatacommons.org/licenses/odbl/1-0/"}
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
CATALOG_PATH = "/data/catalog.jsonld"


def dataset_iri(dataset: str) -> str:
    """The dataset's identifier in the DCAT catalogue (opendata.catalog), under the canonical address."""
    return f"{settings.CANONICAL_URL}{CATALOG_PATH}#{dataset}"


def licences(osm_derived: bool = False) -> list[dict]:
    return [LICENCE, ODBL] if osm_derived else [LICENCE]


OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"


def feed_metadata(dataset: str, osm_derived: bool = False, osm_points: bool = False) -> dict:
    """The `metadata` member of a GeoJSON feed: its licence, attribution and where its description is.
    `osm_derived`: its routes are computed on OpenStreetMap data; `osm_points`: some of its points are
    OpenStreetMap data (each such feature says so in `coordinate_attribution` and `osm_element`)."""
    metadata = {
        "dataset": dataset_iri(dataset),
        "catalog": f"{settings.CANONICAL_URL}{CATALOG_PATH}",
        "license": LICENCE["url"],
        "licenses": licences(osm_derived or osm_points),
        "attribution": settings.OPEN_DATA_PUBLISHER["name"],
    }
    if osm_derived:
        metadata["attribution"] += f"; routes {OSM_ATTRIBUTION} (ODbL)"
    if osm_points:
        metadata["attribution"] += (
            f"; points with a coordinate_attribution {OSM_ATTRIBUTION} (ODbL, {OSM_COPYRIGHT})"
        )
    return metadata


def licensed(response, dataset: str, osm_derived: bool = False):
    """A feed's `Link` header: its description in the catalogue and its licence(s) (RFC 8288)."""
    links = [
        f'<{dataset_iri(dataset)}>; rel="describedby"; type="application/ld+json"',
        *(f'<{licence["url"]}>; rel="license"' for licence in licences(osm_derived)),
    ]
    response["Link"] = ", ".join(links)
    return response
