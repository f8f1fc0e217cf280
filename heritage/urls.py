from django.urls import path

from . import api
from .products import urls as product_urls
from .qr import api as qr_api

app_name = "heritage_api"

urlpatterns = [
    path("sites.geojson", api.sites_geojson, name="sites_geojson"),
    path("sites.csv", api.sites_csv, name="sites_csv"),
    path("sites.gpkg", api.sites_gpkg, name="sites_gpkg"),
    path("search.json", api.search_json, name="search_json"),
    path("suggest.json", api.suggest_json, name="suggest_json"),
    path("qr-scans.csv", qr_api.scans_csv, name="qr_scans_csv"),
    *product_urls.urlpatterns,
]
