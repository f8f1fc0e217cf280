"""`/q/…`, outside the language prefixes: the address printed on plaques must never change.

Codes are matched loosely (`[^/.]+`) and checked by the views, so that junk gets the friendly page rather than
Django's resolver 404, and anything else under /q/ lands on the same helpful page.
"""

from django.urls import re_path

from . import views

app_name = "plaques"

urlpatterns = [
    re_path(r"^(?P<code>[^/.]+)\.svg$", views.qr_svg, name="svg"),
    re_path(r"^(?P<code>[^/.]+)\.png$", views.qr_png, name="png"),
    re_path(r"^(?P<code>[^/.]+)/plaque\.pdf$", views.plaque, name="plaque"),
    re_path(r"^(?P<code>[^/.]+)/?$", views.scan, name="scan"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not_found"),
]
