from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import invalidation
        from .canonical import sync_default_site

        invalidation.connect()

        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="home.sync_default_site")
