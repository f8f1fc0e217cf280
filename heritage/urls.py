"""The places' open data under `/api/` (namespace `heritage_api`)."""

from django.urls import path

from . import api, register_feeds

app_name = "heritage_api"

urlpatterns = [
    path("sites.geojson", api.sites_geojson, name="sites_geojson"),
    path("sites.csv", api.sites_csv, name="sites_csv"),
    path("sites.gpkg", api.sites_gpkg, name="sites_gpkg"),
    path("heritage-register.geojson", register_feeds.register_geojson, name="register_geojson"),
    path("heritage-register.csv", register_feeds.register_csv, name="register_csv"),
]
