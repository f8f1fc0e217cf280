#!/usr/bin/env python
"""Django's command-line utility for Malang Heritage."""

import os
import sys
from pathlib import Path

# `site/` is a folder, not a package (the stdlib owns the name `site`): put it first on the path so that
# the project package `config` and the `home` app import by their own names.
ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(1, str(ROOT))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
