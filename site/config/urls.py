from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import offline, offline_pack
from home.admin_create import RaceSafeCreateView
from home.sitemap import SITEMAPS
from opendata import views as opendata_views
from search import views as search_views

from .api import api_router

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Ahead of Wagtail's own: page creation that survives an autosave racing it for the slug (home/admin_create.py).
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
        require_admin_access(RaceSafeCreateView.as_view()),
        name="home_page_add",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    # At the root, so that it may answer for every page (home/offline.py).
    path("sw.js", offline.service_worker, name="service_worker"),
    path("api/v2/", api_router.urls),
    path("api/", include("heritage.urls")),
    path("api/", include("products.urls")),
    path("api/", include("search.urls")),
    path("api/", include("plaques.api_urls")),
    # QR short links: outside the language prefixes, the address printed on plaques never changes.
    path("q/", include("plaques.urls")),
    path("api/", include("itineraries.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("data/", opendata_views.data_page, name="open_data"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("offline/", offline.offline_page, name="offline"),
    path("offline/pack/corridor.json", offline_pack.corridor_pack_view, name="offline_pack_corridor"),
    path("offline/pack/<int:page_id>.json", offline_pack.page_pack_view, name="offline_pack_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
