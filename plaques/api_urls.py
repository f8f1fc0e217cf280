"""The scan counts as open data under `/api/` (namespace `plaques_api`)."""

from django.urls import path

from . import api

app_name = "plaques_api"

urlpatterns = [
    path("qr-scans.csv", api.scans_csv, name="qr_scans_csv"),
    path("qr-scans.json", api.scans_json, name="qr_scans_json"),
]
