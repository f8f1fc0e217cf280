from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlaquesConfig(AppConfig):
    name = "plaques"
    verbose_name = _("QR plaques")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals
        from .panels import add_qr_panels

        signals.connect()  # a short code on first publication
        add_qr_panels()  # the QR panel on the edit view of every page type that has plaques
