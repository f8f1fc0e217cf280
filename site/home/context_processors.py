from django.conf import settings


def site_context(request):
    return {"MAP_TILE_URL": settings.MAP_TILE_URL, "SITE_NAME": settings.WAGTAIL_SITE_NAME}
