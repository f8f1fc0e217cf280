"""The search JSON under `/api/` (namespace `search_api`); the search page itself is routed per language."""

from django.urls import path

from . import api

app_name = "search_api"

urlpatterns = [
    path("search.json", api.search_json, name="search_json"),
    path("suggest.json", api.suggest_json, name="suggest_json"),
]
