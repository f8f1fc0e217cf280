from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the local admin account named in LOCAL_ADMIN_ACCOUNT (local settings only)."

    def handle(self, *args, **options):
        account = getattr(settings, "LOCAL_ADMIN_ACCOUNT", None)
        if not account:
            raise CommandError(
                "LOCAL_ADMIN_ACCOUNT is not set in these settings (production): production never creates an "
                "account with a published password. Create one with `manage.py createsuperuser`."
            )
        User = get_user_model()
        user = User.objects.filter(username=account["username"]).first()
        if user is None:
            User.objects.create_superuser(account["username"], "", account["password"])
            self.stdout.write(f"Created the local admin account {account['username']!r}.")
        else:
            self.stdout.write(f"The local admin account {account['username']!r} exists.")
