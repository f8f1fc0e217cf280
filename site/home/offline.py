"""Reading on no signal: the web app manifest, the service worker and the page it shows when a page was never
saved (issue 17).

The service worker (`/sw.js`, at the root so that it may answer for every page) keeps a copy of every public
page a visitor opens, and the static files and images those pages use. With signal, a page always comes from
the network (and the copy is refreshed); without, the saved copy is shown, marked so that the page says since
when; a page never opened shows `/<language>/offline/`, which lists what this phone holds. It never answers
for the admin, the QR short links (a scan must reach the server to be counted), the APIs or another origin
(map tiles go to their own server). Copies of pages an editor sees (`Cache-Control: private`) are never kept.
"""

import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .icons import ACCENT, PAPER, SIZES

SITE_NAME = "Malang Heritage"


def _offline_urls() -> dict[str, str]:
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("offline")
    return urls


@require_safe
def service_worker(request):
    offline = _offline_urls()
    shell = [
        static("site/css/site.css"),
        static("site/js/offline.js"),
        static("site/icons/mark.svg"),
        static("site/icons/icon-192.png"),
        *offline.values(),
    ]
    # A new list of files (a deployment with changed static files) is a new worker: browsers install it
    # and drop the old shell.
    version = hashlib.sha256(json.dumps(shell).encode()).hexdigest()[:12]
    script = render_to_string(
        "home/sw.js",
        {
            "version": version,
            "shell_json": json.dumps(shell),
            "offline_json": json.dumps(offline),
            "default_language": json.dumps(settings.LANGUAGE_CODE),
        },
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker at each visit; no cache in between may hold an old one.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


@require_safe
def manifest(request):
    language = translation.get_language()
    icons = [
        {"src": static("site/icons/mark.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
        *(
            {"src": static(f"site/icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in SIZES
            if size >= 192
        ),
        {
            "src": static("site/icons/icon-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    data = {
        "name": SITE_NAME,
        "short_name": SITE_NAME,
        "description": _(
            "Heritage of Malang, from the colonial quarter and the Singhasari temples to a Bromo sunrise."
        ),
        "lang": language,
        "start_url": f"/{language}/",
        "scope": "/",
        "id": f"/{language}/",
        "display": "standalone",
        "theme_color": ACCENT,
        "background_color": PAPER,
        "icons": icons,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Type"] = "application/manifest+json"
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_safe
def offline_page(request):
    response = TemplateResponse(request, "home/offline.html", {}).render()
    patch_cache_control(response, public=True, max_age=3600)
    return response
