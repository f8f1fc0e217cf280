from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from heritage.content.loader import ContentError
from itineraries.content.seed import seed_itineraries
from itineraries.routing import ItineraryRouteError

from ...seed import seed


class Command(BaseCommand):
    help = (
        "Load the bundled Malang content: places, stories, itineraries, groups. Safe to run again: it only adds "
        "what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index", action="store_true", help="Don't rebuild search and reference indexes."
        )

    def handle(self, *args, skip_index=False, **options):
        try:
            report = seed()
            seed_itineraries(report.homes, report.locales, report)
        except (ContentError, ItineraryRouteError) as error:
            raise CommandError(str(error)) from error
        skipped = [item for item in report.created if item.startswith("SKIPPED")]
        created = [item for item in report.created if not item.startswith("SKIPPED")]
        for item in skipped:
            self.stderr.write(self.style.WARNING(item))
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created {len(created)} items: " + ", ".join(created)))
        else:
            self.stdout.write("The bundled Malang content is already loaded; nothing changed.")
        if created and not skip_index:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
