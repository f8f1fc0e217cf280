from django.core.management.base import BaseCommand

from plaques.codes import assign_missing_codes


class Command(BaseCommand):
    help = (
        "Give a QR short code to every live place (or other QR page) that has none yet, such as pages "
        "published before short codes existed. Safe to run again: existing codes are never changed."
    )

    def handle(self, *args, **options):
        created = assign_missing_codes()
        if options["verbosity"] < 1:
            return
        if created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Assigned {len(created)} short codes: "
                    + ", ".join(f"{code.code} → {code.page.title}" for code in created)
                )
            )
        else:
            self.stdout.write("Every live QR page already has a short code.")
