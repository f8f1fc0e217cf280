"""Every static file a template or a form widget names is found by Django's finders.

Moving templates and assets between apps is how a page quietly loses its script (the search page's
suggestions did, once); a missing asset fails here rather than in a visitor's browser.
"""

import re
from pathlib import Path

import pytest

from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parents[2]
APPS = ("heritage", "products", "plaques", "search", "itineraries", "site")
TEMPLATE_STATIC = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]""")
PYTHON_STATIC = re.compile(r"""\bstatic\(\s*['"]([^'"]+)['"]\s*\)""")


def _references():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*")):
            if path.suffix == ".html":
                pattern = TEMPLATE_STATIC
            elif path.suffix == ".py":
                pattern = PYTHON_STATIC
            else:
                continue
            for name in pattern.findall(path.read_text(encoding="utf-8")):
                yield pytest.param(name, id=f"{path.relative_to(ROOT)}:{name}")


REFERENCES = list(_references())


def test_the_scan_finds_references():
    names = {param.values[0] for param in REFERENCES}
    assert {"search/search.js", "vendor/leaflet/leaflet.js"} <= names


@pytest.mark.parametrize("name", REFERENCES)
def test_every_referenced_static_file_exists(name):
    assert finders.find(name), f"{name} is named but no app ships it"
