"""The admin's "Import places" page: upload a file of places, read the report, import the rows as drafts.

The uploaded file stays on the server, in a folder of its own under the temporary directory, named by a
random token that only the editor's session knows; the "Import" button sends the token, never the file, so
what is imported is what was checked (and it is checked again, in case the site changed meanwhile). The
token and the file go once the import is done or refused.
"""

import logging
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem

from .models import PlaceIndexPage
from .place_import import DUPLICATE_DISTANCE_M, MAX_UPLOAD_BYTES, SUFFIXES
from .place_import.create import create_drafts

logger = logging.getLogger(__name__)
SESSION_KEY = "heritage_place_imports"
UPLOADS = Path(tempfile.gettempdir()) / "malang-heritage-imports"
KEEP_SECONDS = 24 * 3600  # an upload nobody imported is cleared away after a day
TEMPLATE = "heritage/admin/import_places.html"


def addable_indexes(user):
    """The place lists this user may add places to, the one in the admin's current language first (it is the
    form's default choice)."""
    current = get_language() or ""
    indexes = [
        index
        for index in PlaceIndexPage.objects.select_related("locale").order_by("locale__language_code")
        if index.permissions_for_user(user).can_add_subpage()
    ]
    return sorted(indexes, key=lambda index: not current.startswith(index.locale.language_code))


class ImportPlacesMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(addable_indexes(request.user))


def _index_label(index):
    return f"{index.title} ({index.locale.get_display_name()}, {index.url_path})"


class PlaceFileForm(forms.Form):
    file = forms.FileField(
        label=_("File of places"),
        help_text=_("GeoJSON, GeoPackage or CSV (with lat/lon or wkt columns), at most 5 MB."),
    )
    index = forms.TypedChoiceField(label=_("Import into"), coerce=int)

    def __init__(self, *args, indexes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["index"].choices = [(index.pk, _index_label(index)) for index in indexes]


def _clear_old_uploads():
    if not UPLOADS.exists():
        return
    for folder in UPLOADS.iterdir():
        try:
            if time.time() - folder.stat().st_mtime > KEEP_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def _store(upload) -> tuple[str, Path]:
    """The upload written under a new token (the file's own name is never part of the path)."""
    _clear_old_uploads()
    token = secrets.token_urlsafe(24)
    folder = UPLOADS / token
    folder.mkdir(parents=True, mode=0o700)
    path = folder / f"upload{Path(upload.name).suffix.lower()}"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return token, path


def _forget(request, token):
    pending = request.session.get(SESSION_KEY, {})
    if token in pending:
        del pending[token]
        request.session[SESSION_KEY] = pending
    if token and token.replace("-", "").replace("_", "").isalnum():
        shutil.rmtree(UPLOADS / token, ignore_errors=True)


def _render(request, context, status=200):
    context = {
        "page_title": _("Import places"),
        "header_icon": "upload",
        "max_megabytes": MAX_UPLOAD_BYTES // (1024 * 1024),
        "duplicate_metres": DUPLICATE_DISTANCE_M,
        **context,
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)


def import_places(request):
    indexes = addable_indexes(request.user)
    if not indexes:
        raise PermissionDenied
    if request.method == "POST" and "token" in request.POST:
        return _import(request, indexes)
    if request.method != "POST":
        return _render(request, {"form": PlaceFileForm(indexes=indexes)})
    form = PlaceFileForm(request.POST, request.FILES, indexes=indexes)
    if not form.is_valid():
        return _render(request, {"form": form}, status=400)
    upload = form.cleaned_data["file"]
    name = Path(upload.name).name[:120]
    error = None
    if upload.size > MAX_UPLOAD_BYTES:
        error = _("The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.") % {
            "size": f"{upload.size / (1024 * 1024):.1f}",
            "limit": MAX_UPLOAD_BYTES // (1024 * 1024),
        }
    elif not name.lower().endswith(SUFFIXES):
        error = _("%(name)s is not a GeoJSON, GeoPackage or CSV file (.geojson, .json, .gpkg, .csv).") % {
            "name": name
        }
    if error:
        form.add_error("file", error)
        return _render(request, {"form": form}, status=400)
    index = next(index for index in indexes if index.pk == form.cleaned_data["index"])
    token, path = _store(upload)
    report, error = _check(path, index, name)
    if error:
        shutil.rmtree(path.parent, ignore_errors=True)
        form.add_error("file", error)
        return _render(request, {"form": form}, status=400)
    if report.ok:
        pending = request.session.get(SESSION_KEY, {})
        pending[token] = {"name": name, "index": index.pk}
        request.session[SESSION_KEY] = pending
    else:
        shutil.rmtree(path.parent, ignore_errors=True)
        token = None
    return _render(request, {"form": PlaceFileForm(indexes=indexes), "report": report, "token": token})


def _check(path, index, name):
    """(report, None), or (None, a message) when the file cannot be read at all."""
    from .place_import.checks import UnreadableFile, check_file  # the geo stack, only when a file comes

    try:
        return check_file(path, index, source=name), None
    except UnreadableFile as error:
        return None, _("%(name)s cannot be read: %(reason)s") % {"name": name, "reason": error.reason}


def _import(request, indexes):
    token = request.POST.get("token", "")
    pending = request.session.get(SESSION_KEY, {}).get(token)
    form = PlaceFileForm(indexes=indexes)
    index = next((index for index in indexes if pending and index.pk == pending["index"]), None)
    folder = UPLOADS / token if token.replace("-", "").replace("_", "").isalnum() else None
    paths = list(folder.glob("upload*")) if folder and folder.is_dir() else []
    if pending is None or index is None or not paths:
        _forget(request, token)
        messages.error(request, _("This upload has expired or was already imported: upload the file again."))
        return _render(request, {"form": form}, status=400)
    report, error = _check(paths[0], index, pending["name"])
    if error or not report.ok:
        _forget(request, token)
        messages.error(request, _("Nothing was imported: the file no longer passes the checks."))
        return _render(request, {"form": form, "report": report}, status=400)
    try:
        pages = create_drafts(report, user=request.user)
    except Exception:
        logger.exception("import of %s into %s failed", pending["name"], index.url_path)
        messages.error(
            request, _("The import failed and nothing was written. Please tell the site's developers.")
        )
        return _render(request, {"form": form}, status=500)
    finally:
        _forget(request, token)
    messages.success(
        request,
        ngettext(
            "%(count)s place imported as a draft: it waits for moderation.",
            "%(count)s places imported as drafts: they wait for moderation.",
            len(pages),
        )
        % {"count": len(pages)},
    )
    return _render(request, {"form": form, "imported": pages, "index": index})
