from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write one backup archive of the site, its database (DATABASE_URL) and its media files (MEDIA_ROOT), "
        "to backups/malang-heritage-<UTC time>.tar.gz. Safe while the site runs: SQLite is copied through its "
        "online backup API, PostgreSQL with pg_dump. Restore it with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(Path(settings.BASE_DIR) / "backups"),
            help="Folder to write the archive into (default: backups/ in the checkout).",
        )

    def handle(self, *args, output_dir, **options):
        try:
            archive = create_backup(Path(output_dir))
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = archive.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"Backup written: {archive} ({size:.1f} MB)"))
