"""The registry of seeded sites shared by consecutive tests (see `_SharedSeed`).

A module of its own, not a conftest: pytest imports each conftest.py under a name of its own, so a conftest
that imported another conftest's registry would get a second copy of it.
"""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class _SharedSeed:
    """A seeded site shared by consecutive tests: the sample places, the product catalogue, a whole world.

    Seeding takes from one to several seconds and most tests only read what was seeded, so the first test
    that asks for a shared seed (by its fixture name, say `sample_site`) seeds it inside a transaction that
    stays open; every test still runs in its own savepoint within it (pytest-django's `db`), so whatever a
    test changes is undone before the next one. The transaction is rolled back as soon as a test comes that
    must not see it: one that uses the database without asking for this seed, one that needs real
    transactions, or one outside the seed's reach (its module, or its folder for a seed registered with
    `scope="folder"`). So no other test ever sees a seed it did not ask for, and no transaction outlives the
    tests that share it (SQLite would stay locked).

    At most one seed is open at a time. A seed may include others (the catalogue holds the sample places):
    a test asking for an included one is served from the open seed.
    """

    def __init__(self):
        self.kinds = {}
        self.kind = self.key = self.atomic = self.value = None

    def register(self, name, build, *, scope="module", includes=None):
        """`build()` seeds and returns the fixture's value; `includes` maps each included fixture name to a
        function from this value to that fixture's value."""
        self.kinds[name] = {"build": build, "scope": scope, "includes": includes or {}}

    def key_of(self, item, name):
        return item.path.parent if self.kinds[name]["scope"] == "folder" else item.path

    def served(self, name):
        """The open seed's value for fixture `name`, or None when the open seed does not hold it."""
        if self.kind == name:
            return self.value
        if self.kind is not None and name in self.kinds[self.kind]["includes"]:
            return self.kinds[self.kind]["includes"][name](self.value)
        return None

    def wanted(self, item) -> list[str]:
        return [name for name in self.kinds if name in item.fixturenames]

    def keeps(self, item) -> bool:
        """Whether the open seed may stay open for `item`."""
        wanted = self.wanted(item)
        return (
            not _needs_real_transactions(item)
            and self.kind in wanted
            and self.key == self.key_of(item, self.kind)
            and all(self.served(name) is not None for name in wanted)
        )

    def choose(self, item):
        """The wanted seed that serves every other wanted one, if any."""
        wanted = self.wanted(item)
        for name in wanted:
            if all(other == name or other in self.kinds[name]["includes"] for other in wanted):
                return name
        return None

    def open(self, blocker, item, name):
        from django.core.cache import cache
        from django.db import transaction

        with blocker.unblock():
            cache.clear()
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            try:
                self.value = self.kinds[name]["build"]()
            except BaseException:
                self.atomic.__exit__(None, None, None)
                self.atomic = None
                raise
        self.kind, self.key = name, self.key_of(item, name)

    def close(self, blocker):
        if self.atomic is None:
            return
        from django.core.cache import cache
        from django.db import transaction

        with blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
            cache.clear()
        self.kind = self.key = self.atomic = self.value = None

    def fixture(self, name, request):
        """The value of shared fixture `name` for a test: the open seed's, or (for a test with real
        transactions, or one whose other seed is open) a copy seeded in the test's own transaction."""
        served = self.served(name)
        return served if served is not None else self.kinds[name]["build"]()


SHARED_SEEDS = _SharedSeed()


def _needs_real_transactions(item) -> bool:
    return (
        "transactional_db" in item.fixturenames
        or "live_server" in item.fixturenames
        or any(marker.kwargs.get("transaction") for marker in item.iter_markers("django_db"))
    )


def _uses_database(item) -> bool:
    return "db" in item.fixturenames or _needs_real_transactions(item) or any(item.iter_markers("django_db"))
