from django.urls import path

from rathaus.geodata.views import backoffice

app_name = "geodata"

urlpatterns = [
    path("layers/", backoffice.map_layers, name="map_layers"),
    path("layers/new/", backoffice.map_layer_edit, name="map_layer_new"),
    path("layers/<int:pk>/", backoffice.map_layer_edit, name="map_layer_edit"),
    path("layers/<int:pk>/delete/", backoffice.map_layer_delete, name="map_layer_delete"),
]
