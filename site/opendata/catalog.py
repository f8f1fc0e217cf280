"""The DCAT catalogue of our open data (DCAT-AP 3), as JSON-LD and, through rdflib, as Turtle.

One dataset per content area (places, production centres, products, itineraries, QR scans), each with its
distributions (the `/api/` feeds and, where there is one, the OGC API collection), licence, publisher,
spatial coverage (the bounding box of what is published) and the time of the last publication. The dataset
IRIs are the ones every feed names in its `Link` header (heritage.open_data.dataset_iri).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Min

from wagtail.models import Page

from heritage.models import PlacePage, RegisterEntry
from heritage.open_data import CATALOG_PATH, LICENCE, ODBL, dataset_iri
from itineraries.models import ItineraryPage
from plaques.models import ScanCount
from products.models import CentrePage, ProductPage

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "locn": "http://www.w3.org/ns/locn#",
}
IRREGULAR = "http://publications.europa.eu/resource/authority/frequency/IRREG"
DAILY = "http://publications.europa.eu/resource/authority/frequency/DAILY"
IANA = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class Distribution:
    path: str
    media_type: str
    title: str


@dataclass(frozen=True)
class Dataset:
    name: str
    title: dict
    description: dict
    keywords: tuple
    distributions: tuple
    pages: object = None  # a live queryset whose points and publication dates the dataset covers
    osm_derived: bool = False
    frequency: str = IRREGULAR

    @property
    def licences(self) -> list[dict]:
        return [LICENCE, ODBL] if self.osm_derived else [LICENCE]


def datasets() -> list[Dataset]:
    return [
        Dataset(
            "places",
            {"id": "Tempat warisan Malang", "en": "Heritage places of Malang"},
            {
                "id": "Situs warisan dan tempat di koridor Bromo-Tengger-Semeru yang diterbitkan, dengan titik, jenis, masa dan status cagar budaya.",
                "en": "Published heritage sites and Bromo-Tengger-Semeru corridor places, with their point, kind, era and designation.",
            },
            ("cagar budaya", "heritage", "Malang", "Bromo-Tengger-Semeru"),
            (
                Distribution("/api/sites.geojson", "application/geo+json", "GeoJSON"),
                Distribution("/api/sites.csv", "text/csv", "CSV"),
                Distribution("/api/sites.gpkg", "application/geopackage+sqlite3", "GeoPackage"),
                Distribution("/ogc/collections/places", "application/geo+json", "OGC API – Features"),
            ),
            PlacePage.objects.live().public(),
        ),
        Dataset(
            "centres",
            {"id": "Sentra produk lokal", "en": "Local production centres"},
            {
                "id": "Sentra UMKM di wilayah Malang yang diterbitkan, dengan titik dan angka bersumber.",
                "en": "Published centres of local small businesses (UMKM) in the Malang region, with their point and sourced figures.",
            },
            ("UMKM", "sentra", "Malang"),
            (
                Distribution("/api/centres.geojson", "application/geo+json", "GeoJSON"),
                Distribution("/ogc/collections/centres", "application/geo+json", "OGC API – Features"),
            ),
            CentrePage.objects.live().public(),
        ),
        Dataset(
            "products",
            {"id": "Produk lokal unggulan", "en": "Featured local products"},
            {
                "id": "Produk UMKM yang diterbitkan, dengan harga, pesanan minimum dan kapasitas bersumber.",
                "en": "Published UMKM products, with sourced prices, minimum orders and capacity.",
            },
            ("UMKM", "produk", "investasi", "Malang"),
            (
                Distribution("/api/products.json", "application/json", "JSON"),
                Distribution("/api/products.csv", "text/csv", "CSV"),
                Distribution(
                    "/api/products.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "XLSX",
                ),
                Distribution("/api/products.pdf", "application/pdf", "PDF"),
            ),
            ProductPage.objects.live().public(),
        ),
        Dataset(
            "itineraries",
            {"id": "Rencana perjalanan", "en": "Itineraries"},
            {
                "id": "Rute perjalanan yang diterbitkan, dihitung pada jaringan jalan dari OpenStreetMap (ODbL).",
                "en": "Published itineraries, routed on a road network from OpenStreetMap (ODbL).",
            },
            ("itinerary", "Bromo", "Malang"),
            (
                Distribution("/api/itineraries.geojson", "application/geo+json", "GeoJSON"),
                Distribution("/ogc/collections/itineraries", "application/geo+json", "OGC API – Features"),
            ),
            ItineraryPage.objects.live().public(),
            osm_derived=True,
        ),
        Dataset(
            "heritage-register",
            {"id": "Register cagar budaya", "en": "Register of designated heritage"},
            {
                "id": "Cagar budaya yang ditetapkan Kota Malang (2018, 2022) dan situs berperingkat di koridor: "
                "kategori UU 11/2010, peringkat, penetapan dan sumbernya; titik hanya bila bersumber.",
                "en": "Heritage designated by Kota Malang (2018, 2022) and ranked sites of the corridor: UU 11/2010 "
                "category, rank, designation and its sources; a point only where one is sourced.",
            },
            ("cagar budaya", "heritage", "Malang"),
            (
                Distribution("/api/heritage-register.geojson", "application/geo+json", "GeoJSON"),
                Distribution("/api/heritage-register.csv", "text/csv", "CSV"),
            ),
        ),
        Dataset(
            "qr-scans",
            {"id": "Pindaian plakat QR", "en": "QR plaque scans"},
            {
                "id": "Jumlah pindaian setiap kode QR per hari (WIB); tidak ada data tentang pengunjung.",
                "en": "Scans of each QR code per day (WIB); nothing about the visitor.",
            },
            ("QR", "statistik", "Malang"),
            (
                Distribution("/api/qr-scans.csv", "text/csv", "CSV"),
                Distribution("/api/qr-scans.json", "application/json", "JSON"),
                Distribution("/ogc/collections/plaques", "application/geo+json", "OGC API – Features"),
            ),
            frequency=DAILY,
        ),
    ]


def _texts(values: dict) -> list[dict]:
    return [{"@value": text, "@language": lang} for lang, text in values.items()]


def _date(value) -> dict:
    return {"@value": value.isoformat(), "@type": "xsd:dateTime"}


def _period(dataset: Dataset) -> tuple:
    """(first, last, is_date): the first and last publication of the dataset's pages (datetimes), or for the
    scans the first and last day counted (dates); (None, None, …) while nothing is published."""
    if dataset.pages is not None:
        published = dataset.pages.aggregate(first=Min("first_published_at"), last=Max("last_published_at"))
        return published["first"], published["last"], False
    if dataset.name == "heritage-register":
        published = RegisterEntry.objects.filter(live=True).aggregate(
            first=Min("first_published_at"), last=Max("last_published_at")
        )
        return published["first"], published["last"], False
    if dataset.name == "qr-scans":
        days = ScanCount.objects.aggregate(first=Min("date"), last=Max("date"))
        return days["first"], days["last"], True
    return None, None, False


def _coverage(dataset: Dataset) -> dict:
    first, last, is_date = _period(dataset)
    if not last:
        return {}
    stamp = (lambda day: {"@value": day.isoformat(), "@type": "xsd:date"}) if is_date else _date
    period = {"@type": "dct:PeriodOfTime", "dcat:startDate": stamp(first)}
    if is_date:
        period["dcat:endDate"] = stamp(last)
    return {"dct:modified": stamp(last), "dct:temporal": period}


def _count(dataset: Dataset, lang: str) -> int | None:
    if dataset.pages is not None:
        return dataset.pages.filter(locale__language_code=lang).count()
    if dataset.name == "heritage-register":  # entries are proper names, one list for both languages
        return RegisterEntry.objects.filter(live=True).count()
    return None


def summaries(lang: str) -> list[dict]:
    """The datasets as a reader sees them on the open-data page: texts in `lang`, the published count, the
    period covered, the licences and each distribution's address."""
    out = []
    for dataset in datasets():
        first, last, is_date = _period(dataset)
        out.append(
            {
                "name": dataset.name,
                "title": dataset.title[lang],
                "description": dataset.description[lang],
                "keywords": dataset.keywords,
                "count": _count(dataset, lang),
                "first": first,
                "last": last,
                "daily": dataset.frequency == DAILY,
                "licences": dataset.licences,
                "distributions": [
                    {
                        "title": d.title,
                        "url": settings.CANONICAL_URL + d.path,
                        "path": d.path,
                        "type": d.media_type,
                    }
                    for d in dataset.distributions
                ],
                "iri": dataset_iri(dataset.name),
            }
        )
    return out


def _bbox() -> dict | None:
    points = (
        PlacePage.objects.live()
        .public()
        .aggregate(west=Min("longitude"), east=Max("longitude"), south=Min("latitude"), north=Max("latitude"))
    )
    if points["west"] is None:
        return None
    w, e, s, n = (float(points[k]) for k in ("west", "east", "south", "north"))
    wkt = f"POLYGON(({w} {s}, {e} {s}, {e} {n}, {w} {n}, {w} {s}))"
    return {
        "@type": "dct:Location",
        "dcat:bbox": {"@value": wkt, "@type": "http://www.opengis.net/ont/geosparql#wktLiteral"},
    }


def catalogue() -> dict:
    base = settings.CANONICAL_URL
    publisher = {
        "@id": settings.OPEN_DATA_PUBLISHER["url"],
        "@type": "foaf:Agent",
        "foaf:name": settings.OPEN_DATA_PUBLISHER["name"],
        "foaf:homepage": {"@id": settings.OPEN_DATA_PUBLISHER["url"]},
    }
    contact = {"@type": "vcard:Organization", "vcard:fn": settings.OPEN_DATA_PUBLISHER["name"]}
    if settings.OPEN_DATA_PUBLISHER["email"]:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{settings.OPEN_DATA_PUBLISHER['email']}"}
    spatial = _bbox()
    graph = []
    for dataset in datasets():
        licences = dataset.licences
        entry = {
            "@id": dataset_iri(dataset.name),
            "@type": "dcat:Dataset",
            "dct:identifier": dataset.name,
            "dct:title": _texts(dataset.title),
            "dct:description": _texts(dataset.description),
            "dcat:keyword": list(dataset.keywords),
            "dct:publisher": {"@id": publisher["@id"]},
            "dcat:contactPoint": contact,
            "dct:accrualPeriodicity": {"@id": dataset.frequency},
            "dct:language": [
                {"@id": "http://publications.europa.eu/resource/authority/language/IND"},
                {"@id": "http://publications.europa.eu/resource/authority/language/ENG"},
            ],
            "dcat:distribution": [
                {
                    "@id": f"{dataset_iri(dataset.name)}-{index}",
                    "@type": "dcat:Distribution",
                    "dct:title": distribution.title,
                    "dcat:accessURL": {"@id": base + distribution.path},
                    **(
                        {}
                        if distribution.path.startswith("/ogc/")
                        else {"dcat:downloadURL": {"@id": base + distribution.path}}
                    ),
                    "dcat:mediaType": {"@id": IANA + distribution.media_type},
                    "dct:license": [{"@id": licence["url"]} for licence in licences],
                }
                for index, distribution in enumerate(dataset.distributions, start=1)
            ],
            **_coverage(dataset),
        }
        if spatial and dataset.name != "products":
            entry["dct:spatial"] = spatial
        graph.append(entry)
    last = Page.objects.live().public().aggregate(last=Max("last_published_at"))["last"]
    catalog = {
        "@id": base + CATALOG_PATH,
        "@type": "dcat:Catalog",
        "dct:title": _texts({"id": "Data terbuka Malang Heritage", "en": "Malang Heritage open data"}),
        "dct:description": _texts(
            {
                "id": "Data terbuka tempat warisan, produk lokal, rencana perjalanan dan plakat QR Kota Malang.",
                "en": "Open data of the heritage places, local products, itineraries and QR plaques of Kota Malang.",
            }
        ),
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENCE["url"]},
        "foaf:homepage": {"@id": base + "/"},
        "dcat:dataset": graph,
    }
    if last:
        catalog["dct:modified"] = _date(last)
    return {"@context": CONTEXT, **catalog}
