"""An installed copy of the project (`pip install .`, a wheel) carries every template, static file, bundled
data file and translation the code reads, not only the Python modules.

Checked against what setuptools would package: every file git tracks under `templates/`, `static/`,
`locale/`, `content/` or `data/` must lie inside one of the packages `pyproject.toml` lists and match its
package-data patterns. A file in a plain folder (as `site/templates/` and the root `locale/` once were)
works from a checkout and is missing from every installation.
"""

import fnmatch
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_FOLDERS = {"templates", "static", "locale", "content", "data"}


def _config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _packages() -> set[Path]:
    """Package directories as setuptools' `packages.find` sees them (folders with an `__init__.py`)."""
    find = _config()["packages"]["find"]
    found = set()
    for where in find["where"]:
        base = ROOT / where
        for init in base.rglob("__init__.py"):
            folder = init.parent
            dotted = ".".join(folder.relative_to(base).parts)
            if dotted and any(fnmatch.fnmatch(dotted, pattern) for pattern in find["include"]):
                found.add(folder)
    return found


def _shipped(path: Path, packages: set[Path], patterns: list[str]) -> bool:
    owner = next((parent for parent in path.parents if parent in packages), None)
    return owner is not None and any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns)


def test_every_template_static_file_data_file_and_catalogue_is_inside_a_package():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    packages = _packages()
    patterns = [*_config()["package-data"]["*"], "*.py"]  # modules ship as modules
    needed = [
        ROOT / name
        for name in tracked.splitlines()
        if SHIPPED_FOLDERS & set(Path(name).parts[:-1]) and not name.startswith(("tests/", "bench/", "docs/"))
    ]
    assert any(p.name == "base.html" for p in needed) and any(p.suffix == ".mo" for p in needed)
    missing = [str(p.relative_to(ROOT)) for p in needed if not _shipped(p, packages, patterns)]
    assert missing == [], "files the code reads that no installation would have:\n" + "\n".join(missing)
