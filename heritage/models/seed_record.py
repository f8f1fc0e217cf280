"""What the bundled-content seed has put on the site, one row per bundled item, kept for good.

The seed reads these rows before it touches anything: an item with a row was given to the office once and
is theirs from then on, whatever they did with it (edited, renamed, moved, deleted, revoked). Only an item
with no row is created, so running the seed again can never undo an editor. The key is the bundled item's
own identifier ("place:candi-kidal:id", "grant:editors:page:home:id:publish_page"), not anything an editor
can change, such as a slug.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedRecord(models.Model):
    key = models.CharField(max_length=255, unique=True)
    # What the item became on this site; the object may be gone since (the office deleted it).
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    # How the row came to be: the seed created the item, found it already there (made by an earlier seed
    # that kept no rows, or by the office), or found it missing on a site seeded before rows were kept.
    how = models.CharField(
        max_length=16,
        choices=[("created", _("created")), ("adopted", _("adopted")), ("absent", _("absent"))],
    )
    recorded = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("seeded item")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key

    def current(self):
        """The object this item became, or None when it is gone (or never was)."""
        if self.content_type_id is None or self.object_id is None:
            return None
        model = self.content_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=self.object_id).first()
