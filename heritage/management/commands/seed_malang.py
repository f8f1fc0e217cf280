from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from heritage.content.loader import ContentError
from heritage.content.seed import seed


class Command(BaseCommand):
    help = "Load the bundled Malang content (places, stories, groups). Safe to run again: it only adds what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index", action="store_true", help="Don't rebuild search and reference indexes."
        )

    def handle(self, *args, skip_index=False, **options):
        try:
            report = seed()
        except ContentError as error:
            raise CommandError(str(error)) from error
        if report.created:
            self.stdout.write(
                self.style.SUCCESS(f"Created {len(report.created)} items: " + ", ".join(report.created))
            )
        else:
            self.stdout.write("The bundled Malang content is already loaded; nothing changed.")
        if report.created and not skip_index:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
