"""Rebuild the Elasticsearch discovery index of the live places (one index per language)."""

from django.core.management.base import BaseCommand, CommandError

from search import discovery


class Command(BaseCommand):
    help = "Recreate the Elasticsearch discovery index from the live places (needs ELASTICSEARCH_URL)."

    def handle(self, *args, **options):
        if not discovery.elastic_enabled():
            raise CommandError(
                "ELASTICSEARCH_URL is not set: the database answers searches and there is no index to build."
            )
        from search.discovery import elastic

        try:
            counts = elastic.rebuild()
        except elastic.SEARCH_ERRORS as error:
            raise CommandError(f"Elasticsearch refused the rebuild: {error}") from error
        for lang, count in counts.items():
            self.stdout.write(f"{elastic.index_name(lang)}: {count} places indexed")
