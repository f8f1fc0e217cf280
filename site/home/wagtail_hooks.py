from wagtail import hooks

from home.public_cache import note_the_page

hooks.register("before_serve_page", note_the_page)
