"""Mounted at the site root by config.urls (outside the language prefixes: clients keep one address)."""

from django.urls import include, path

from . import views

urlpatterns: list = [
    path("ogc/", include("opendata.ogc.urls")),
    path("data/catalog.jsonld", views.catalog_jsonld, name="dcat_catalog"),
    path("data/catalog.ttl", views.catalog_turtle, name="dcat_catalog_turtle"),
]
