"""Machine endpoints of this domain, outside the language prefix: catalogue and downloads."""

from django.urls import re_path

from rathaus.opendata.views import machine

app_name = "opendata_machine"

urlpatterns = [
    re_path(r"^opendata/catalog\.(?P<suffix>ttl|rdf|jsonld)$", machine.catalog, name="catalog"),
    re_path(
        r"^opendata/datasets/(?P<dataset_id>[-a-z0-9_]+)\.(?P<suffix>csv|json|geojson)$",
        machine.download,
        name="download",
    ),
    # The datasets' IRIs in the catalogue lead to their pages.
    re_path(r"^opendata/datasets/(?P<dataset_id>[-a-z0-9_]+)$", machine.dataset, name="dataset"),
]
