"""Inline scripts a public page may run under its Content-Security-Policy, allowed by their hash.

A page's only inline scripts are the maps geodata writes (their data is JSON, their text set with
``textContent``). Each is allowed by the SHA-256 of its exact text rather than by a per-request nonce: the
text is the same for every visitor until the map changes, so a page kept by a cache or a CDN keeps a
header that matches its body, and a script an attacker slips in (which has no listed hash) never runs.
The middleware (``config.content_security``) adds the hashes a response registered to its ``script-src``.
"""

import base64
import hashlib

from django.utils.html import format_html
from django.utils.safestring import mark_safe


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def allow_inline_script(request, script: str) -> None:
    """Record that ``script`` (exactly this text) may run on the page answering ``request``."""
    if request is not None:
        allow_inline_script_hashes(request, [script_hash(script)])


def allow_inline_script_hashes(request, values) -> None:
    """Record hashes worked out before (`script_hash`), as a kept part of a page registered them when drawn."""
    if request is None or not values:
        return
    hashes = getattr(request, "_inline_script_hashes", None)
    if hashes is None:
        hashes = []
        request._inline_script_hashes = hashes
    for value in values:
        if value not in hashes:
            hashes.append(value)


def inline_script_hashes(request) -> list[str]:
    return list(getattr(request, "_inline_script_hashes", ()))


def inline_script(request, script: str) -> str:
    """A ``<script>`` element for ``script`` (our own JavaScript, never text from a page), allowed on the
    page that answers ``request``."""
    allow_inline_script(request, script)
    # `</script` cannot occur in the script geodata writes: its strings are JSON with `<` escaped.
    if "</script" in script.lower():
        raise ValueError("an inline script cannot contain '</script'")
    return format_html("<script>{}</script>", mark_safe(script))  # noqa: S308 - our own JavaScript
