from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = "Malang heritage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .qr.signals import connect

        connect()  # QR short codes on first publication
