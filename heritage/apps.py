from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = "Malang heritage"
    default_auto_field = "django.db.models.BigAutoField"
