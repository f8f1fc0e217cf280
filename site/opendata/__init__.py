"""Open data for other systems: the OGC API – Features service and the DCAT catalogue of our datasets.

It reads every content area (places, products, itineraries, plaques), so it sits beside `home` at the site
layer; the content areas know nothing of it.
"""
