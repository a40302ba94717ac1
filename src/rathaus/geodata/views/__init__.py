"""The map pages and the basemap archive (maps), the OGC API – Features endpoints (ogc), and the
back office's map-service layers (backoffice)."""
