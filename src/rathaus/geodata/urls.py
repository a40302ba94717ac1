from django.urls import path

from rathaus.geodata.views import maps

app_name = "geodata"

urlpatterns = [
    path("", maps.index, name="index"),
    path("basemap.pmtiles", maps.basemap_archive, name="basemap_archive"),
    path("<slug:layer_id>/", maps.layer_map, name="layer"),
    path("<slug:layer_id>/data.geojson", maps.layer_data, name="layer_data"),
]
