from django.urls import path

from rathaus.geodata import views_backoffice

app_name = "geodata"

urlpatterns = [
    path("layers/", views_backoffice.map_layers, name="map_layers"),
    path("layers/new/", views_backoffice.map_layer_edit, name="map_layer_new"),
    path("layers/<int:pk>/", views_backoffice.map_layer_edit, name="map_layer_edit"),
    path("layers/<int:pk>/delete/", views_backoffice.map_layer_delete, name="map_layer_delete"),
]
