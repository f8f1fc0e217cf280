from django.urls import path

from wagtail import hooks

from home import translations
from home.public_cache import note_the_page

hooks.register("before_serve_page", note_the_page)


@hooks.register("register_admin_urls")
def translation_moderation_urls():
    return [
        path(
            "translations/<int:page_id>/submit/",
            translations.submit_translation,
            name="home_submit_translation",
        ),
        # The address of wagtail-localize's own sync view: the first match wins (home comes first).
        path(
            "localize/update/<int:translation_source_id>/",
            translations.sync_as_drafts,
            name="home_sync_translations",
        ),
    ]


# Ahead of wagtail-localize's own before_edit_page (order 0), which takes over the edit view of a translation.
hooks.register("before_edit_page", translations.refuse_incomplete_publish, order=-10)
hooks.register("before_edit_page", translations.tell_about_translations_behind, order=-9)
hooks.register("register_page_listing_more_buttons", translations.listing_buttons)
hooks.register("register_page_header_buttons", translations.listing_buttons)
