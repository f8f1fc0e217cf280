"""`manage.py import_places FILE`: the admin's "Import places" for the GIS staff, with the same checks and
the same all-or-nothing drafts."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from geodata.errors import UnreadableFile
from heritage.models import PlaceIndexPage
from heritage.place_import import MAX_UPLOAD_BYTES, SUFFIXES
from heritage.place_import.checks import check_file
from heritage.place_import.create import create_drafts


class Command(BaseCommand):
    help = (
        "Check a GeoJSON, GeoPackage or CSV file of places (the schema of docs/places-data.md, or the site's "
        "own open-data export) and, when every row is good, add them all as drafts for moderation to the "
        "place list of one language. Any problem: the report is printed, nothing is written, exit status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the file of places (.geojson, .json, .gpkg or .csv)")
        parser.add_argument(
            "--lang", default="id", help="language of the place list to add to: id (default) or en"
        )
        parser.add_argument("--check", action="store_true", help="only print the report, import nothing")
        parser.add_argument("--user", help="username recorded as the drafts' author (default: none)")

    def handle(self, *args, file, lang, check, user, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        if not path.name.lower().endswith(SUFFIXES):
            raise CommandError(f"{path.name}: not a GeoJSON, GeoPackage or CSV file ({', '.join(SUFFIXES)})")
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            self.stderr.write(
                f"note: {path.name} is larger than the admin's upload limit "
                f"({MAX_UPLOAD_BYTES // (1024 * 1024)} MB); the command reads it anyway"
            )
        index = PlaceIndexPage.objects.filter(locale__language_code=lang).first()
        if index is None:
            raise CommandError(f"the site has no place list in the language {lang!r}")
        author = None
        if user:
            author = get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(f"no user named {user!r}")
        with translation.override("en"):
            try:
                report = check_file(path, index)
            except UnreadableFile as error:
                raise CommandError(f"{path.name} cannot be read: {error.reason}") from error
            if not report.ok:
                self.stderr.write(report.to_text())
                raise CommandError("nothing was imported")
            self.stdout.write(report.summary())
            for row in report.rows:
                self.stdout.write(
                    f"  row {row.row}: {row.title} ({row.slug}), {row.fields.get('kind')}, "
                    f"{row.fields.get('latitude')}, {row.fields.get('longitude')}"
                )
            if check:
                self.stdout.write("--check: nothing imported")
                return
            pages = create_drafts(report, user=author)
        self.stdout.write(
            self.style.SUCCESS(f"{len(pages)} drafts added under {index.url_path}: they wait for moderation")
        )
