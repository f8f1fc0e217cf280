"""Local products beside the places: the hub's filters, the open-data API and catalogue downloads, schema.org
data, and what is made near a heritage place. The models live in `heritage.models` with the others."""
