"""Machine endpoints of this domain, outside the language prefix: OGC API – Features."""

from django.urls import path

from rathaus.geodata.views import ogc

app_name = "ogc"

urlpatterns = [
    path("ogc/", ogc.landing, name="landing"),
    path("ogc/conformance", ogc.conformance, name="conformance"),
    path("ogc/api", ogc.api_definition, name="api"),
    path("ogc/collections", ogc.collections, name="collections"),
    path("ogc/collections/<str:collection_id>", ogc.collection, name="collection"),
    path("ogc/collections/<str:collection_id>/items", ogc.items, name="items"),
    path("ogc/collections/<str:collection_id>/items/<str:feature_id>", ogc.item, name="item"),
]
