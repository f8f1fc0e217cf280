from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...backup import BackupError, migrate_if_behind, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive written by backup_site into the database of DATABASE_URL and into "
        "MEDIA_ROOT. The whole archive is checked against its manifest first; a damaged archive, one from "
        "another database vendor (moving between SQLite and PostgreSQL is not supported) or one made by newer "
        "code changes nothing. A database that already holds a site is not overwritten without --force: it "
        "holds a site when it has any user account, or any page besides the two that `migrate` creates (the "
        "tree's root and Wagtail's 'Welcome' placeholder page). Likewise a MEDIA_ROOT with any file in it. "
        "After the restore, migrations this code has and the backup lacks are applied."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", help="The backup file, e.g. backups/malang-heritage-20261205T120000Z.tar.gz"
        )
        parser.add_argument(
            "--force", action="store_true", help="Replace the database and media files that are there now."
        )

    def handle(self, *args, archive, force=False, **options):
        try:
            restored = restore_backup(Path(archive), force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {restored.archive} (made {restored.created}): the {restored.vendor} database of "
                f"DATABASE_URL and {restored.media_files} media files in {settings.MEDIA_ROOT}."
            )
        )
        applied = migrate_if_behind()
        if applied:
            self.stdout.write(f"The backup is older than this code: applied {applied} migrations to it.")
        self.stdout.write(
            "Restart the site's processes (and purge the front-end cache) so that none serves pages cached "
            "before the restore."
            + (
                " Then rebuild the search indexes: manage.py update_index and manage.py discovery_index."
                if settings.ELASTICSEARCH_URL
                else ""
            )
        )
