from django.urls import path

from . import views

urlpatterns = [path("itineraries.geojson", views.itineraries_geojson, name="itineraries_geojson")]
