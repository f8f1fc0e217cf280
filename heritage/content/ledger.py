"""The seed's ledger: for each bundled item, whether this site has had it, and so whether the seed may act.

Every content area's seed asks the ledger before it creates anything (`SeedReport.ensure`):

- the item has a record: the office has had it, so it is left exactly as it is, or left out if the office
  deleted it (a renamed, moved, edited or deleted page is never recreated or overwritten);
- no record, but the thing is already there (found the way the seed used to find it, by slug or name): it is
  adopted as it is, recorded, and not changed;
- no record and nothing there: created and recorded, except on a site seeded before the seed kept records
  ("adopting"), where a missing item is most likely one the office deleted, so it is recorded as absent and
  not created. `seed_malang --forget KEY` removes a record, so the next run creates that item again.

The report says what was created, adopted, left alone and left out, item by item.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from heritage.models import SeedRecord


def _has_content_pages() -> bool:
    from wagtail.models import Page

    # Wagtail's own tree (the root and the "Welcome" page) is plain `Page`; anything else is content.
    return Page.objects.filter(depth__gt=1).exclude(content_type__model="page").exists()


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)  # what this run made (and "SKIPPED …" warnings)
    adopted: list[str] = field(default_factory=list)  # already there without a record: recorded as is
    kept: list[str] = field(default_factory=list)  # recorded and still there: not touched
    gone: list[str] = field(default_factory=list)  # recorded but deleted by the office: not recreated
    absent: list[str] = field(default_factory=list)  # missing on a site seeded before records were kept
    homes: dict = field(default_factory=dict)
    locales: dict = field(default_factory=dict)
    _records: dict | None = None
    _adopting: bool | None = None

    def add(self, what: str) -> None:
        self.created.append(what)

    @property
    def records(self) -> dict[str, SeedRecord]:
        if self._records is None:
            self._records = {record.key: record for record in SeedRecord.objects.all()}
            # Decided once, before this run records anything.
            self._adopting = not self._records and _has_content_pages()
        return self._records

    @property
    def adopting(self) -> bool:
        """A site seeded before the seed kept records: it has records of nothing, and yet content pages."""
        self.records  # noqa: B018 (loading the records decides it)
        return bool(self._adopting)

    def record(self, key: str, obj: models.Model | None, how: str) -> None:
        record = SeedRecord(key=key, how=how)
        if obj is not None:
            record.target = obj
        record.save()
        self.records[key] = record

    def recorded(self, key: str):
        """The object a recorded item became, or None when it has no record or is gone."""
        record = self.records.get(key)
        return record.current() if record else None

    def ensure(
        self,
        key: str,
        find: Callable[[], models.Model | None],
        create: Callable[[], models.Model | None],
        label: str | None = None,
    ):
        """The object bundled item `key` is on this site, creating it only when the site never had it.

        `find` looks for it the way the seed did before it kept records; `create` makes it (returning None
        when it cannot, e.g. its parent is gone). Returns None when the item is gone or could not be made."""
        label = label or key
        record = self.records.get(key)
        if record is not None:
            obj = record.current()
            (self.kept if obj is not None else self.gone).append(label)
            return obj
        obj = find()
        if obj is not None:
            self.record(key, obj, "adopted")
            self.adopted.append(label)
            return obj
        if self.adopting:
            self.record(key, None, "absent")
            self.absent.append(label)
            return None
        obj = create()
        if obj is not None:
            self.record(key, obj, "created")
            self.add(label)
        return obj

    def was_created(self, label: str) -> bool:
        return label in self.created

    def ensure_pair(self, key: str, label: str, locales: dict, find, create, translate) -> dict:
        """A page in Indonesian (the source) and its English translation, as items `<key>:id` and
        `<key>:en`. `translate(page)` makes and publishes the English copy of the Indonesian page."""
        page = self.ensure(f"{key}:id", find, create, f"{label} (id)")

        def find_en():
            return page.get_translation_or_none(locales["en"]) if page is not None else None

        def create_en():
            return translate(page) if page is not None else None

        en = self.ensure(f"{key}:en", find_en, create_en, f"{label} (en)")
        return {"id": page.specific if page else None, "en": en.specific if en else None}
