from django.urls import path

from rathaus.geodata import views

app_name = "geodata"

urlpatterns = [
    path("", views.index, name="index"),
    path("basemap.pmtiles", views.basemap_archive, name="basemap_archive"),
    path("<slug:layer_id>/", views.layer_map, name="layer"),
    path("<slug:layer_id>/data.geojson", views.layer_data, name="layer_data"),
]
