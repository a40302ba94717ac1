"""OGC API – Features Part 2 (CRS by reference): crs, bbox-crs, Content-Crs, storageCrs."""

import pytest
from pyproj import Transformer

from rathaus.geodata.crs import CRS84, EPSG_4326, EPSG_25832

pytestmark = pytest.mark.django_db

ITEMS = "/ogc/collections/districts/items"
PART_2 = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"
to_utm = Transformer.from_crs("OGC:CRS84", "EPSG:25832", always_xy=True)


def test_conformance_declares_part_2(client):
    assert PART_2 in client.get("/ogc/conformance").json()["conformsTo"]


def test_each_collection_lists_its_crs_and_storage_crs(client):
    for collection in client.get("/ogc/collections").json()["collections"]:
        assert collection["crs"] == [CRS84, EPSG_4326, EPSG_25832]
        assert collection["storageCrs"] == CRS84


@pytest.mark.usefixtures("imported_districts")
@pytest.mark.parametrize("crs", [None, CRS84, EPSG_4326, EPSG_25832])
def test_content_crs_names_the_crs_of_the_answer(client, crs):
    params = {} if crs is None else {"crs": crs}
    items = client.get(ITEMS, params)
    item = client.get(f"{ITEMS}/9", params)

    assert items.status_code == item.status_code == 200
    assert items["Content-Crs"] == item["Content-Crs"] == f"<{crs or CRS84}>"


@pytest.mark.usefixtures("imported_districts")
def test_utm_coordinates_are_the_pyproj_transformation_of_crs84(client):
    plain = client.get(f"{ITEMS}/9").json()["geometry"]["coordinates"][0][:5]
    utm = client.get(f"{ITEMS}/9", {"crs": EPSG_25832}).json()["geometry"]["coordinates"][0][:5]

    for (lon, lat), (east, north) in zip(plain, utm, strict=True):
        expected = to_utm.transform(lon, lat)
        assert abs(east - expected[0]) < 0.01 and abs(north - expected[1]) < 0.01
        assert 380_000 < east < 440_000 and 5_450_000 < north < 5_500_000


@pytest.mark.usefixtures("imported_districts")
def test_epsg_4326_puts_latitude_first(client):
    plain = client.get(f"{ITEMS}/9").json()["geometry"]["coordinates"][0][0]
    swapped = client.get(f"{ITEMS}/9", {"crs": EPSG_4326}).json()["geometry"]["coordinates"][0][0]

    assert swapped == pytest.approx([plain[1], plain[0]], abs=1e-7)
    assert 49 < swapped[0] < 50 and 7 < swapped[1] < 8


@pytest.mark.usefixtures("imported_districts")
def test_bbox_in_utm_selects_what_the_same_box_in_crs84_selects(client):
    west, south = to_utm.transform(7.80, 49.37)
    east, north = to_utm.transform(7.82, 49.38)
    box = f"{west:.1f},{south:.1f},{east:.1f},{north:.1f}"

    page = client.get(ITEMS, {"bbox": box, "bbox-crs": EPSG_25832}).json()

    assert [feature["properties"]["name"] for feature in page["features"]] == ["Mölschbach"]
    assert page["numberMatched"] == 1
    assert (
        f"bbox-crs={EPSG_25832}".replace(":", "%3A").replace("/", "%2F")
        in (page["links"][0]["href"])
    )


@pytest.mark.usefixtures("imported_districts")
def test_bbox_in_epsg_4326_is_latitude_first(client):
    page = client.get(ITEMS, {"bbox": "49.37,7.80,49.38,7.82", "bbox-crs": EPSG_4326}).json()

    assert [feature["properties"]["name"] for feature in page["features"]] == ["Mölschbach"]


@pytest.mark.usefixtures("imported_districts")
def test_a_utm_bbox_outside_the_city_matches_nothing(client):
    page = client.get(ITEMS, {"bbox": "500000,5300000,501000,5301000", "bbox-crs": EPSG_25832})

    assert page.status_code == 200 and page.json()["numberMatched"] == 0


@pytest.mark.parametrize(
    "crs", ["http://www.opengis.net/def/crs/EPSG/0/3857", "EPSG:25832", "25832", ""]
)
def test_an_unsupported_crs_is_a_400_ogc_exception(client, crs):
    for path in (ITEMS, f"{ITEMS}/9", "/ogc/collections/places/items"):
        response = client.get(path, {"crs": crs})

        assert response.status_code == 400
        assert response.json()["code"] == "InvalidParameterValue"
        assert "crs" in response.json()["description"]


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "7.8,49.37,7.82,49.38", "bbox-crs": "http://www.opengis.net/def/crs/EPSG/0/31467"},
        {"bbox": "100,7.80,101,7.82", "bbox-crs": EPSG_4326},  # latitude 100
        {"bbox": "420000,5480000,410000,5470000", "bbox-crs": EPSG_25832},  # maximum first
        {"bbox": "1,2,3,4", "bbox-crs": CRS84, "crs": CRS84, "f": "json", "x": "1"},
    ],
)
def test_an_unsupported_bbox_crs_or_a_box_outside_it_is_a_400(client, params):
    response = client.get(ITEMS, params)

    assert response.status_code == 400
    assert response.json()["code"] == "InvalidParameterValue"


def test_the_openapi_document_describes_crs_and_bbox_crs(client):
    document = client.get("/ogc/api").json()
    parameters = document["components"]["parameters"]
    items = document["paths"]["/collections/{collectionId}/items"]["get"]
    item = document["paths"]["/collections/{collectionId}/items/{featureId}"]["get"]

    assert parameters["crs"]["schema"]["enum"] == [CRS84, EPSG_4326, EPSG_25832]
    assert parameters["bbox-crs"]["schema"]["default"] == CRS84
    references = {parameter.get("$ref") for parameter in items["parameters"]}
    assert {"#/components/parameters/crs", "#/components/parameters/bbox-crs"} <= references
    assert "#/components/parameters/crs" in {p.get("$ref") for p in item["parameters"]}
    assert "Content-Crs" in items["responses"]["200"]["headers"]


def test_the_html_api_page_explains_the_crs_parameters(client):
    page = client.get("/ogc/api", {"f": "html"}).content.decode()

    assert "bbox-crs, datetime, crs" in page and "EPSG:25832" in page
