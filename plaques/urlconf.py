"""The URLconf under which a `/q/` 404 is finished.

Django's LocaleMiddleware turns a 404 on an unprefixed path into a redirect to `/<lang>/<path>/` whenever
that path would resolve, and Wagtail's catch-all page route makes `/en/q/ABCDE/` resolve. A 404 from `/q/`
is a real answer (an unknown code, or a story that is offline) that must reach the visitor, so those views
set `request.urlconf` to this module, which has no language-prefixed patterns: the middleware then leaves
the response alone. URL resolution of the request itself is already done by then.
"""

from django.urls import include, path

urlpatterns = [path("q/", include("plaques.urls"))]
