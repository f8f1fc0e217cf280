"""The product open data under `/api/` (namespace `products_api`)."""

from django.urls import path

from . import api

app_name = "products_api"

urlpatterns = [
    path("products.json", api.products_json, name="products_json"),
    path("products.csv", api.products_csv_view, name="products_csv"),
    path("products.xlsx", api.products_xlsx_view, name="products_xlsx"),
    path("products.pdf", api.products_pdf_view, name="products_pdf"),
    path("centres.geojson", api.centres_geojson, name="centres_geojson"),
]
