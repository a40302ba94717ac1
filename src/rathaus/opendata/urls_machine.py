"""Machine endpoints of this domain, outside the language prefix: catalogue and downloads."""

from django.urls import re_path

from rathaus.opendata import views_machine

app_name = "opendata_machine"

urlpatterns = [
    re_path(
        r"^opendata/catalog\.(?P<suffix>ttl|rdf|jsonld)$", views_machine.catalog, name="catalog"
    ),
    re_path(
        r"^opendata/datasets/(?P<dataset_id>[-a-z0-9_]+)\.(?P<suffix>csv|json|geojson)$",
        views_machine.download,
        name="download",
    ),
    # The datasets' IRIs in the catalogue lead to their pages.
    re_path(
        r"^opendata/datasets/(?P<dataset_id>[-a-z0-9_]+)$", views_machine.dataset, name="dataset"
    ),
]
