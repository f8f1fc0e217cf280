"""OGC API – Features (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0) at /ogc/: the places, production centres,
itineraries and QR plaques as feature collections that GIS software (QGIS, GDAL/OGR, OWSLib, ArcGIS) opens
by their address alone."""
