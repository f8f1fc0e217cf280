from django.core.management.base import BaseCommand, CommandError

from plaques import scan_counter


class Command(BaseCommand):
    help = (
        "Write the plaque scans still waiting to the database now: those spooled by app servers that could "
        "not write them when they stopped, and with Redis its pending scans. The app servers do this by "
        "themselves every SCAN_FLUSH_SECONDS; this is for cron, for an operator after a database outage, "
        "and for tests. Exits 1, keeping every scan for the next try, when the database refuses them."
    )

    def handle(self, *args, **options):
        flushed = scan_counter.flush_scans()
        if flushed.refused:
            raise CommandError(
                f"The database refused {flushed.refused} scans (the warning above says why); they are kept, "
                "and the app servers' next flush or this command run again writes them."
            )
        if options["verbosity"] >= 1:
            self.stdout.write(f"Wrote {flushed.written} waiting scans to the database.")
