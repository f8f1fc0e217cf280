"""Static files storage for production: whitenoise's compressed manifest storage, minus source maps.

The vendored Leaflet plugins end with a `sourceMappingURL` comment but their packages ship no `.map` files,
and Django's manifest storage fails `collectstatic` on such a reference (WHITENOISE_MANIFEST_STRICT only
covers lookups at run time). Source maps are a debugging aid we do not serve, so the comment is left alone
instead of being rewritten to a hashed name.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage

from django.contrib.staticfiles.storage import ManifestStaticFilesStorage


def _without_source_maps(patterns):
    def keep(pattern):
        regex = pattern[0] if isinstance(pattern, tuple) else pattern
        return "sourceMappingURL" not in regex

    return tuple((glob, tuple(p for p in group if keep(p))) for glob, group in patterns)


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(ManifestStaticFilesStorage.patterns)
