from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Discovery search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .discovery import signals

        signals.connect()  # the Elasticsearch discovery index follows publishing, when there is one
