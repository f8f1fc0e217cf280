"""Shared set-up for the benchmarks: Django on a throwaway SQLite database with the bundled Malang content."""

import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seeded_site():
    """Configure Django (test settings) on a fresh database in a temporary folder, migrate and seed it."""
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    folder = tempfile.mkdtemp()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3"
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_malang", "--skip-index", verbosity=0, stdout=io.StringIO())
    return folder
