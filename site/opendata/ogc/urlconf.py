"""The URLconf under which an OGC API 404 is finished (as `plaques.urlconf` does for `/q/`).

Django's LocaleMiddleware turns a 404 on an unprefixed path into a redirect to `/<lang>/<path>/` whenever that
path would resolve, and Wagtail's catch-all page route makes `/id/ogc/collections/temples/` resolve. A 404 for
an unknown collection or feature is a real answer a GIS client must get, so the views set `request.urlconf` to
this module, which has no language-prefixed patterns: the middleware then leaves the response alone. URL
resolution of the request itself is already done by then.
"""

from django.urls import include, path

urlpatterns = [path("ogc/", include("opendata.ogc.urls"))]
