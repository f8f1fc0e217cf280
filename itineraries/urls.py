from django.urls import path

from . import api

urlpatterns = [path("itineraries.geojson", api.itineraries_geojson, name="itineraries_geojson")]
