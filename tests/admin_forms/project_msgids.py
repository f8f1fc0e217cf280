"""The project's own translatable strings, read from its source as `makemessages` would find them.

Python: the first string argument of gettext, gettext_lazy, _, ngettext (both forms), pgettext (the message).
Templates: what Django's `templatize` turns `{% translate %}` and `{% blocktranslate %}` into. Read from the
code, not from the catalogue: a string missing from the catalogue is exactly what the walk must find.
"""

import ast
import functools
import re
from pathlib import Path

from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["heritage", "products", "plaques", "search", "itineraries", "site"]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy"}
_STRING = r"""u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
_TEMPLATIZED = re.compile(r"\b(n|p|np)?gettext\(((?:" + _STRING + r"\s*,?\s*)+)")
_LITERAL = re.compile(_STRING)


def _python_msgids(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in GETTEXT_NAMES:
            continue
        strings = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if not strings:
            continue
        if name.startswith("pgettext"):
            strings = strings[1:2]  # the context is not shown
        elif name.startswith("ngettext"):
            strings = strings[:2]
        else:
            strings = strings[:1]
        found.update(strings)
    return found


def _template_msgids(path: Path) -> set[str]:
    found = set()
    for match in _TEMPLATIZED.finditer(templatize(path.read_text(), origin=str(path))):
        literals = [ast.literal_eval(s) for s in _LITERAL.findall(match.group(2))]
        kind = match.group(1) or ""
        if "p" in kind:
            literals = literals[1:]
        found.update(literals)
    return found


@functools.cache
def project_msgids() -> frozenset[str]:
    msgids: set[str] = set()
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*"):
            if "locale" in path.parts or "static" in path.parts:
                continue
            if path.suffix == ".py":
                msgids |= _python_msgids(path)
            elif path.suffix in {".html", ".txt"} and "templates" in path.parts:
                msgids |= _template_msgids(path)
    return frozenset(m for m in msgids if m.strip())


def catalogue(lang: str = "id") -> dict[str, str]:
    """msgid -> msgstr of the project's catalogue for a language (what the site would show)."""
    from django.utils import translation

    found = {}
    with translation.override(lang):
        for msgid in project_msgids():
            found[msgid] = translation.gettext(msgid)
    return found
