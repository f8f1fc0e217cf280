"""Plaques in bulk, from the admin: a page of checkboxes (every place with a code), and a bulk action on the
page explorer's selection. Either gives one PDF with a plaque per page, or a ZIP of SVGs for a print shop.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import Page

from .codes import assign_code, code_for_page, is_qr_page
from .dashboard import bars, scan_figures
from .models import ShortCode
from .reports import dedup_note

PAPER_CHOICES = [("a5", "A5 (148 × 210 mm)"), ("a6", "A6 (105 × 148 mm)")]
OUTPUT_CHOICES = [
    ("pdf", _("One PDF, a plaque per page")),
    ("zip", _("A ZIP of SVG files, for a print shop")),
]


class PlaqueOptionsForm(forms.Form):
    paper = forms.ChoiceField(label=_("Paper"), choices=PAPER_CHOICES, initial="a5", widget=forms.RadioSelect)
    output = forms.ChoiceField(
        label=_("Output"), choices=OUTPUT_CHOICES, initial="pdf", widget=forms.RadioSelect
    )


class CodeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.page.title} ({obj.code})"


class PlaqueSelectionForm(PlaqueOptionsForm):
    codes = CodeChoiceField(
        label=_("Places"),
        queryset=ShortCode.objects.filter(page__isnull=False).select_related("page").order_by("page__title"),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
    )
    field_order = ["codes", "paper", "output"]


def plaque_download(short_codes, paper: str, output: str) -> HttpResponse:
    from .plaques import plaques_for, plaques_pdf, svgs_zip  # reportlab: only when plaques are printed

    plaques = plaques_for(short_codes)
    if output == "zip":
        response = HttpResponse(svgs_zip(plaques), content_type="application/zip")
        filename = f"malang-heritage-qr-{len(plaques)}-svg.zip"
    else:
        response = HttpResponse(plaques_pdf(plaques, paper), content_type="application/pdf")
        filename = f"malang-heritage-plaques-{len(plaques)}-{paper}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def bulk_plaques(request):
    """GET only (it changes nothing): the form, or the file once places are ticked."""
    form = PlaqueSelectionForm(request.GET if "codes" in request.GET else None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return plaque_download(list(data["codes"]), data["paper"], data["output"])
    return TemplateResponse(
        request,
        "plaques/admin/bulk_plaques.html",
        {"form": form, "page_title": _("QR plaques"), "header_icon": "doc-full"},
    )


class PrintQRPlaquesBulkAction(PageBulkAction):
    """ "QR plaques" in the page explorer's bulk actions: the selected pages' plaques in one download."""

    display_name = _("QR plaques")
    action_type = "qr_plaques"
    aria_label = _("Print QR plaques of the selected pages")
    template_name = "plaques/admin/bulk_action_confirm.html"
    action_priority = 80
    form_class = PlaqueOptionsForm

    def object_context(self, obj):
        context = super().object_context(obj)
        context["short_code"] = code_for_page(obj)
        return context

    def prepare_action(self, objects, objects_without_access):
        short_codes, seen = [], set()
        for page in objects:
            short_code = code_for_page(page)
            if short_code is not None and short_code.code not in seen:
                seen.add(short_code.code)
                short_codes.append(short_code)
        data = self.cleaned_form.cleaned_data
        return plaque_download(short_codes, data["paper"], data["output"])

    @classmethod
    def execute_action(cls, objects, **kwargs):  # pragma: no cover - prepare_action answers first
        return 0, 0


def give_code_now(request, page_id: int):
    """A moderator gives a page its QR code before it is published, so that the plaque can be printed and
    fixed in time for the opening. GET asks, POST gives. The code is the page's for life, as if given at
    publication; until the page is published, a scan says the story is coming."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_qr_page(page):
        raise PermissionDenied
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    existing = code_for_page(page)
    if request.method == "POST" and existing is None:
        short_code = assign_code(page)
        messages.success(
            request,
            gettext("“%(title)s” now has its QR code %(code)s: print its plaque from the QR plaque panel.")
            % {"title": page.get_admin_display_title(), "code": short_code.code},
        )
        return redirect(edit_url)
    if existing is not None:
        return redirect(edit_url)
    context = {"page": page, "edit_url": edit_url, "page_title": _("Give this page its QR code now")}
    return TemplateResponse(request, "plaques/admin/give_code_now.html", context)


def scan_dashboard(request):
    """The office's scan dashboard: the last 90 days as SVG bar charts, the plaques scanned most, by region."""
    figures = scan_figures()

    def chart(title, rows, key):
        drawn = bars([row["scans"] for row in rows])
        for rect, row in zip(drawn["rects"], rows, strict=True):
            rect["label"] = row[key]
        first, last = (rows[0][key], rows[-1][key]) if rows else ("", "")
        return {"title": title, "bars": drawn, "first": first, "last": last}

    charts = [
        chart(_("Scans per day"), figures["per_day"], "date"),
        chart(_("Scans per week (from Monday)"), figures["per_week"], "week_from"),
    ]
    context = {
        "page_title": _("QR scan dashboard"),
        "figures": figures,
        "charts": charts,
        "dedup_note": dedup_note(),
    }
    return TemplateResponse(request, "plaques/admin/scan_dashboard.html", context)
