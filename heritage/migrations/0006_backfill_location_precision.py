"""Backfill location_precision on places seeded before the field existed.

The bundled points of these places were already known to be rounded (Ranu Kumbolo: whole arc-minutes on
de.wikipedia; Pura Luhur Poten: an arc-minute Wikidata latitude) or a village-level point (Ngadas). The
live row and each stored revision are set, so that editing the page in the admin (which starts from the
latest revision) keeps the value instead of falling back to "site". A page an editor has already given
another precision is left alone, and a database without these pages is untouched.
"""

from django.db import migrations

PRECISION = {"ranu-kumbolo": "approximate", "pura-luhur-poten": "approximate", "desa-ngadas": "area"}


def backfill(apps, schema_editor):
    PlacePage = apps.get_model("heritage", "PlacePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    for slug, precision in PRECISION.items():
        pages = PlacePage.objects.filter(slug=slug, location_precision="site")
        ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
        pages.update(location_precision=precision)
        for revision in Revision.objects.filter(base_content_type=page_type, object_id__in=ids):
            content = revision.content or {}
            if content.get("location_precision", "site") == "site":
                content["location_precision"] = precision
                revision.content = content
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("heritage", "0005_place_location_precision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
