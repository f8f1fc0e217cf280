"""What every open-data feed of every content area shares: the `lang` parameter, the 400 answer that names a
bad parameter, and the headers that let caches and other sites' scripts use a feed."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import patch_cache_control

LANGS = ("id", "en")


def bad_parameter(name: str, message: str) -> JsonResponse:
    return JsonResponse({"error": f"{name}: {message}", "parameter": name}, status=400)


def request_lang(request):
    """(lang, None) for a known `lang` parameter, (None, response) otherwise. A missing or empty `lang`
    (as a form with an empty select sends it) means the default, Indonesian."""
    lang = request.GET.get("lang") or "id"
    if lang not in LANGS:
        return None, bad_parameter("lang", f"unknown language {lang[:20]!r}; use 'id' or 'en'.")
    return lang, None


def cacheable(response):
    patch_cache_control(response, public=True, max_age=settings.CACHE_MAX_AGE)
    response["Access-Control-Allow-Origin"] = "*"
    return response
