"""Mounted at the site root by config.urls (outside the language prefixes: clients keep one address)."""

from django.urls import include, path

urlpatterns: list = [
    path("ogc/", include("opendata.ogc.urls")),
]
