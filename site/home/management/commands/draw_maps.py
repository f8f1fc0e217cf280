from django.core.management.base import BaseCommand

from wagtail.models import Page

from ... import invalidation


class Command(BaseCommand):
    help = (
        "Draw the map of every live, public page into the maps cache (CACHES['maps']), so that app servers serve "
        "maps without loading folium. Publishing draws the maps of what it changes; run this after a seed, a "
        "restore or a change of MAP_TILE_URL or STATIC_URL."
    )

    def handle(self, *args, **options):
        ids = set(Page.objects.live().public().filter(depth__gt=1).values_list("pk", flat=True))
        rendered = invalidation.draw_maps(ids)
        self.stdout.write(f"Drew the maps of {rendered} of {len(ids)} pages.")
