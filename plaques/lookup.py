"""The code → address lookup of `/q/<code>`, cached so that a scan costs no database query.

An entry holds, for a code and a visitor language, the code's id (to count the scan) and the address the
visitor is sent to. Entries are namespaced by a generation number that every change able to move an address
raises: a page published, unpublished, moved or deleted, a password put on a page (connected in
`plaques.signals`). A change thus empties the whole lookup at once, which costs one query per code on the next
scan of each; publications are rare beside scans. Only codes that lead somewhere are cached: an unknown or
unavailable code takes the slow path, which says why. When the cache is down, every scan takes the slow path.
The lookup lives in `CACHES["published"]` (Redis, or files every worker of the machine shares), so a change made
through one worker is seen by all of them at the next scan.
"""

from django.core.cache import caches


def _cache():
    return caches["published"]


GENERATION = "qr-lookup:generation"
# Longest an entry lives: a bound on what a change missed while the cache was unreachable could leave behind.
LOOKUP_SECONDS = 300


def _key(generation: int, code: str, lang: str) -> str:
    return f"qr-lookup:{generation}:{code}:{lang}"


def _generation() -> int:
    return _cache().get(GENERATION) or 0


def find(code: str, lang: str) -> tuple[int, str] | None:
    """(short code id, address) for a code known to lead somewhere, else None (look it up)."""
    return _cache().get(_key(_generation(), code, lang))


def keep(code: str, lang: str, short_code_id: int, url: str) -> None:
    _cache().set(_key(_generation(), code, lang), (short_code_id, url), LOOKUP_SECONDS)


def forget_all(**_signal_kwargs) -> None:
    """Every entry made so far stops being read (a signal receiver: the sender's arguments are ignored)."""
    try:
        _cache().incr(GENERATION)
    except ValueError:  # no generation yet (or the cache lost it): any new number will do
        _cache().set(GENERATION, _generation() + 1, None)
