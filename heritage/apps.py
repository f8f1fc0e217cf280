from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = "Malang heritage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .discovery import signals as discovery_signals
        from .qr import signals as qr_signals

        qr_signals.connect()  # QR short codes on first publication
        discovery_signals.connect()  # the Elasticsearch discovery index, when there is one
