from django.apps import AppConfig


class ItinerariesConfig(AppConfig):
    name = "itineraries"
    verbose_name = "Itineraries"
    default_auto_field = "django.db.models.BigAutoField"
