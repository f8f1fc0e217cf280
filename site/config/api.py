"""The content API for apps and kiosks: Wagtail's API v2 at /api/v2/, published public pages of both languages.

`/api/v2/pages/?type=heritage.HeritageSitePage&fields=*` lists heritage sites with every field their model
declares in `api_fields` (heritage.api_fields: summary, story as blocks, location, image renditions, QR code,
sources); `locale=en` narrows to one language, `translation_of=<id>` finds a page's other copy. Drafts, private
pages and the admin's images and documents are never served: only the pages endpoint is mounted.
"""

from rest_framework.renderers import JSONRenderer

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from heritage.open_data import cacheable


class PublicPagesAPIViewSet(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return cacheable(response) if response.status_code == 200 else response


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
