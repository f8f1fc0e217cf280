"""Keep the Elasticsearch discovery index current (connected in `HeritageConfig.ready`).

Only when ``ELASTICSEARCH_URL`` is set. The writes go through the site's Elasticsearch circuit
(search/cluster.py): while the cluster is down or silent they are skipped (the outage is logged once), so an
editor never waits for it or sees it fail; a refused write is logged. The database keeps answering searches
and ``manage.py discovery_index`` rebuilds the index afterwards.
"""

import logging
from functools import partial

from django.db.models.signals import post_delete

from wagtail.signals import page_published, page_unpublished

from heritage.models import CorridorPlacePage, HeritageSitePage, PlacePage

from . import elastic_enabled

log = logging.getLogger(__name__)


def _place(instance):
    page = instance.specific if hasattr(instance, "specific") else instance
    return page if isinstance(page, PlacePage) else None


def _apply(action: str, instance) -> None:
    if not elastic_enabled():
        return
    page = _place(instance)
    if page is None:
        return
    from search.cluster import cluster

    from . import elastic

    write = elastic.index_page if action == "index" and page.live else elastic.remove_page
    try:
        cluster.write(partial(write, page), f"discovery {action} of page {page.pk}")
    except elastic.SEARCH_ERRORS as error:
        log.error("Discovery index not updated for page %s (%s): %s", page.pk, action, error)


def on_published(sender, instance, **kwargs):
    _apply("index", instance)


def on_unpublished(sender, instance, **kwargs):
    _apply("remove", instance)


def on_deleted(sender, instance, **kwargs):
    _apply("remove", instance)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="heritage_discovery_publish")
    page_unpublished.connect(on_unpublished, dispatch_uid="heritage_discovery_unpublish")
    for model in (HeritageSitePage, CorridorPlacePage):
        post_delete.connect(
            on_deleted, sender=model, dispatch_uid=f"heritage_discovery_delete_{model.__name__}"
        )
