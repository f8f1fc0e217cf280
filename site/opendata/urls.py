"""Mounted at the site root by config.urls (outside the language prefixes: clients keep one address)."""

urlpatterns: list = []
