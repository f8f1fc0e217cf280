"""The plaques' admin: a bulk action and a page for printing plaques, the scans report and its dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PrintQRPlaquesBulkAction, bulk_plaques, give_code_now, scan_dashboard
from .codes import attach_short_codes, qr_url
from .reports import MostScannedPanel, QRScansReportView

hooks.register("register_bulk_action", PrintQRPlaquesBulkAction)


@hooks.register("register_admin_urls")
def register_qr_admin_urls():
    return [
        path("qr/plaques/", bulk_plaques, name="plaques_plaques"),
        path("qr/give-code/<int:page_id>/", give_code_now, name="plaques_give_code_now"),
        path("reports/qr-scans/", QRScansReportView.as_view(), name="plaques_scans_report"),
        path("reports/qr-scan-dashboard/", scan_dashboard, name="plaques_scan_dashboard"),
        path(
            "reports/qr-scans/results/",
            QRScansReportView.as_view(results_only=True),
            name="plaques_scans_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_qr_scans_report_menu_item():
    return MenuItem(_("QR scans"), reverse("plaques_scans_report"), icon_name="view", order=710)


@hooks.register("register_reports_menu_item")
def register_qr_scan_dashboard_menu_item():
    return MenuItem(_("QR scan dashboard"), reverse("plaques_scan_dashboard"), icon_name="view", order=711)


@hooks.register("register_admin_menu_item")
def register_qr_plaques_menu_item():
    return MenuItem(_("QR plaques"), reverse("plaques_plaques"), icon_name="doc-full", order=420)


@hooks.register("construct_homepage_panels")
def add_most_scanned_places_panel(request, panels):
    panels.append(MostScannedPanel())


@hooks.register("place_open_data_fields")
def qr_url_in_the_places_open_data():
    return ("qr_url", attach_short_codes, qr_url)
