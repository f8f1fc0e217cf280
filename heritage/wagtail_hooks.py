"""Admin behaviour of the heritage app."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import PlacePage
from .qr.admin_views import PrintQRPlaquesBulkAction, bulk_plaques
from .qr.reports import MostScannedPanel, QRScansReportView


def _flag_region(request, page):
    page = page.specific
    if isinstance(page, PlacePage):
        warning = page.region_warning
        if warning:
            messages.warning(request, warning)


@hooks.register("after_create_page")
def flag_place_outside_its_region_on_create(request, page):
    _flag_region(request, page)


@hooks.register("after_edit_page")
def flag_place_outside_its_region_on_edit(request, page):
    _flag_region(request, page)


# --- QR short links and plaques (heritage.qr) ------------------------------------------------------------

hooks.register("register_bulk_action", PrintQRPlaquesBulkAction)


@hooks.register("register_admin_urls")
def register_qr_admin_urls():
    return [
        path("qr/plaques/", bulk_plaques, name="heritage_qr_plaques"),
        path("reports/qr-scans/", QRScansReportView.as_view(), name="heritage_qr_scans_report"),
        path(
            "reports/qr-scans/results/",
            QRScansReportView.as_view(results_only=True),
            name="heritage_qr_scans_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_qr_scans_report_menu_item():
    return MenuItem(_("QR scans"), reverse("heritage_qr_scans_report"), icon_name="view", order=710)


@hooks.register("register_admin_menu_item")
def register_qr_plaques_menu_item():
    return MenuItem(_("QR plaques"), reverse("heritage_qr_plaques"), icon_name="doc-full", order=420)


@hooks.register("construct_homepage_panels")
def add_most_scanned_places_panel(request, panels):
    panels.append(MostScannedPanel())
