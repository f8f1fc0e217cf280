"""Open-data import of places: an editor (in the admin) or the GIS staff (`manage.py import_places`) bring a
GeoJSON, GeoPackage or CSV of places in the schema the open-data exports write and docs/places-data.md
documents. The file is checked row by row first (`checks`): nothing is imported unless every row is good,
and then every row becomes a draft for moderation, all or nothing (`create`).

This package's `__init__` stays light: the admin's menu and form need the limits below on every admin
request, the geo stack (geopandas, shapely) loads only when a file is checked.
"""

# The largest file the admin accepts. Our own export of every bundled place is ~40 kB as GeoJSON and ~100 kB
# as a GeoPackage: 5 MB holds thousands of places and keeps a check within a request's time.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2_000
# Two places with the same name (in either language) this close are one place entered twice. 200 m holds a
# temple's grounds or a square; two different places of one name (a Masjid Jami' in two towns) lie farther.
DUPLICATE_DISTANCE_M = 200
SUFFIXES = (".geojson", ".json", ".gpkg", ".csv")
