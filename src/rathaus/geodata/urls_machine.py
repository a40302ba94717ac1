"""Machine endpoints of this domain, outside the language prefix: OGC API – Features."""

from django.urls import path

from rathaus.geodata.ogc import views

app_name = "ogc"

urlpatterns = [
    path("ogc/", views.landing, name="landing"),
    path("ogc/conformance", views.conformance, name="conformance"),
    path("ogc/api", views.api_definition, name="api"),
    path("ogc/collections", views.collections, name="collections"),
    path("ogc/collections/<str:collection_id>", views.collection, name="collection"),
    path("ogc/collections/<str:collection_id>/items", views.items, name="items"),
    path("ogc/collections/<str:collection_id>/items/<str:feature_id>", views.item, name="item"),
]
