"""An independent OGC API client (OWSLib) reads the live server."""

import pytest
from owslib.ogcapi.features import Features

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def api(live_server, imported_districts):
    return Features(f"{live_server.url}/ogc/")


def test_owslib_lists_the_collections(api):
    assert {"districts", "places"} <= set(api.feature_collections())


def test_owslib_reads_the_districts(api):
    items = api.collection_items("districts", limit=100)

    names = {feature["properties"]["name"] for feature in items["features"]}
    assert len(names) == 10 and "Innenstadt" in names


def test_owslib_finds_core_and_geojson_conformance(api):
    classes = api.conformance()["conformsTo"]

    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in classes
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson" in classes


def test_owslib_reads_the_openapi_definition(api):
    assert "/collections/{collectionId}/items" in api.api()["paths"]
