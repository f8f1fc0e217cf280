from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = "Malang heritage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()  # what `heritage.published` remembers is forgotten on every change to the tree
