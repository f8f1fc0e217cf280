"""Content-Security-Policy and Permissions-Policy for every response.

Public pages (and the admin's previews of them, which render the same templates) run under a strict policy:
scripts only from our own origin plus the inline map scripts a page registered by hash
(`heritage.inline_scripts`), no `'unsafe-inline'`, no `'unsafe-eval'`. Wagtail's and Django's admins ship
inline scripts of their own (InlinePanel, date choosers), so outside previews they get a policy of their
own that allows those; everything else (objects, base URI, framing, form targets) is as strict there too.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

from django.conf import settings

from heritage.inline_scripts import inline_script_hashes

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def tile_origin(tile_url: str) -> str | None:
    """The origin a tile URL template loads from, for `img-src` (`{s}.tile.example.org` -> `*.`)."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url.replace("{s}", "tiles-subdomain"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.netloc.replace("tiles-subdomain", "*")
    return f"{parts.scheme}://{host}"


def is_admin(request) -> bool:
    return request.path_info.startswith(ADMIN_PREFIXES) and not getattr(request, "is_preview", False)


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        update = dict(parts.update or {})
        if origin := tile_origin(settings.MAP_TILE_URL):
            update["img-src"] = [*update.get("img-src", ()), origin]
        parts.update = update
        if is_admin(request):
            # A nonce or hash in script-src would make browsers ignore the admin's 'unsafe-inline'.
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            parts.nonce = None
            return parts
        if hashes := inline_script_hashes(request):
            update["script-src"] = [*update.get("script-src", ()), *hashes]
        return parts


class PermissionsPolicyMiddleware:
    """Features a page may use: geolocation from our own origin ("use my location"), nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
