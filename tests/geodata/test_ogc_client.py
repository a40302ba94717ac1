"""An independent OGC API client (OWSLib) reads the live server."""

import json

import pytest
import shapely
from owslib.ogcapi.features import Features
from pyproj import Transformer

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


EPSG_25832 = "http://www.opengis.net/def/crs/EPSG/0/25832"


@pytest.fixture
def demo_places(db):
    from rathaus.geodata.demo import PLACES
    from rathaus.geodata.services import place_save

    for place in PLACES:
        place_save(**place)


def _positions(geometry) -> list:
    """Every coordinate pair of a GeoJSON geometry, in order."""
    return shapely.get_coordinates(shapely.from_geojson(json.dumps(geometry))).tolist()


@pytest.mark.usefixtures("demo_places")
@pytest.mark.parametrize("collection_id", ["districts", "places"])
def test_owslib_reads_collections_in_utm_matching_pyproj_to_the_centimetre(api, collection_id):
    to_utm = Transformer.from_crs("OGC:CRS84", "EPSG:25832", always_xy=True)
    collection = api.collection(collection_id)
    assert EPSG_25832 in collection["crs"]

    plain = api.collection_items(collection_id, limit=100)
    utm = api.collection_items(collection_id, limit=100, crs=EPSG_25832)

    assert plain["numberReturned"] == utm["numberReturned"] > 0
    compared = 0
    for feature, projected in zip(plain["features"], utm["features"], strict=True):
        assert feature["id"] == projected["id"]
        pairs = zip(_positions(feature["geometry"]), _positions(projected["geometry"]), strict=True)
        for (lon, lat), (east, north) in pairs:
            expected_east, expected_north = to_utm.transform(lon, lat)
            assert abs(east - expected_east) <= 0.01
            assert abs(north - expected_north) <= 0.01
            compared += 1
    assert compared >= plain["numberReturned"]
