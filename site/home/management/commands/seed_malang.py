from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from heritage.content.loader import ContentError
from heritage.models import SeedRecord
from itineraries.content.seed import seed_itineraries
from itineraries.routing import ItineraryRouteError

from ... import invalidation
from ...seed import seed


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


class DryRun(Exception):
    """Raised inside the seed's transaction to roll back everything a --dry-run did."""


class Command(BaseCommand):
    help = (
        "Load the bundled Malang content: places, stories, itineraries, products, groups and the moderation "
        "workflow. On a site that has them it only adds what the site never had: nothing the office edited, "
        "renamed, revoked or deleted is touched or recreated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index", action="store_true", help="Don't rebuild search and reference indexes."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be created, then change nothing."
        )
        parser.add_argument(
            "--forget",
            action="append",
            default=[],
            metavar="KEY",
            help="Forget that the site had this bundled item (e.g. place:candi-kidal:id), so this run creates "
            "it again if it is missing. May be given several times.",
        )

    def handle(self, *args, skip_index=False, dry_run=False, forget=(), **options):
        try:
            with invalidation.paused(), transaction.atomic():  # paused until after the commit
                self._forget(forget)
                report = seed()
                seed_itineraries(report.homes, report.locales, report)
                self._say(report, dry_run)
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was changed.")
            return
        except (ContentError, ItineraryRouteError) as error:
            raise CommandError(str(error)) from error
        created = [item for item in report.created if not item.startswith("SKIPPED")]
        if created and not skip_index:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)

    def _forget(self, keys):
        for key in keys:
            if not SeedRecord.objects.filter(key=key).delete()[0]:
                raise CommandError(f"No bundled item {key!r} is recorded on this site.")
            self.stdout.write(f"Forgot {key}: it is created again if it is missing.")

    def _say(self, report, dry_run):
        would = "Would create" if dry_run else "Created"
        skipped = [item for item in report.created if item.startswith("SKIPPED")]
        created = [item for item in report.created if not item.startswith("SKIPPED")]
        for item in skipped:
            self.stderr.write(self.style.WARNING(item))
        if created:
            self.stdout.write(self.style.SUCCESS(f"{would} {_items(len(created))}: " + ", ".join(created)))
        if report.adopted:
            self.stdout.write(
                f"Found {_items(len(report.adopted))} already on the site and left them as they are: "
                + ", ".join(report.adopted)
            )
        if report.gone:
            self.stdout.write(
                f"Not recreated, deleted on this site since the seed made them ({len(report.gone)}): "
                + ", ".join(report.gone)
            )
        if report.absent:
            self.stdout.write(
                f"Not created, missing from a site seeded before the seed kept records, most likely deleted "
                f"by the office ({len(report.absent)}): " + ", ".join(report.absent) + ". To have one made, "
                "run seed_malang --forget <key> (keys: manage.py shell -c "
                "\"from heritage.models import SeedRecord; print(*SeedRecord.objects.filter(how='absent'))\")."
            )
        if report.kept:
            self.stdout.write(f"Left alone {_items(len(report.kept))} the site already has (edited or not).")
        if not created:
            self.stdout.write("The bundled Malang content is already loaded; nothing changed.")
