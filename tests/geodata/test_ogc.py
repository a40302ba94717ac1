"""OGC API – Features as a client sees it: documents, paging, filters, errors, caching."""

import pytest

pytestmark = pytest.mark.django_db

ITEMS = "/ogc/collections/districts/items"


def get_json(client, path, params=None, **headers):
    response = client.get(path, params or {}, headers=headers)
    assert response.status_code == 200, response.content
    return response.json()


def links_by_rel(document) -> dict:
    return {link["rel"]: link["href"] for link in document["links"]}


def test_the_landing_page_links_api_definition_conformance_and_data(client):
    landing = get_json(client, "/ogc/")

    rels = links_by_rel(landing)
    assert rels["service-desc"].endswith("/ogc/api")
    assert rels["conformance"].endswith("/ogc/conformance")
    assert rels["data"].endswith("/ogc/collections")


def test_conformance_declares_core_geojson_html_and_openapi(client):
    classes = get_json(client, "/ogc/conformance")["conformsTo"]

    assert {name.rsplit("/", 1)[1] for name in classes} == {
        "core",
        "geojson",
        "html",
        "oas30",
        "crs",
    }


def test_the_api_definition_is_openapi_3_0_describing_the_items_endpoint(client):
    response = client.get("/ogc/api")
    document = response.json()

    assert response["Content-Type"] == "application/vnd.oai.openapi+json;version=3.0"
    assert document["openapi"].startswith("3.0")
    items = document["paths"]["/collections/{collectionId}/items"]["get"]
    assert items["parameters"][0]["schema"]["enum"] == [
        "districts",
        "places",
        "proposals",
        "projects",
    ]
    names = {p.get("$ref", "").rsplit("/", 1)[-1] for p in items["parameters"]}
    assert {"limit", "offset", "bbox", "f"} <= names


@pytest.mark.usefixtures("imported_districts")
def test_collections_describe_each_layer_with_its_extent(client):
    document = get_json(client, "/ogc/collections")

    districts = next(c for c in document["collections"] if c["id"] == "districts")
    min_lon, min_lat, max_lon, max_lat = districts["extent"]["spatial"]["bbox"][0]
    assert (min_lon, min_lat) == pytest.approx((7.6273, 49.3586), abs=1e-3)
    assert (max_lon, max_lat) == pytest.approx((7.8708, 49.4951), abs=1e-3)
    assert districts["itemType"] == "feature"


@pytest.mark.usefixtures("imported_districts")
def test_items_are_paged_with_counts_and_next_and_prev_links(client):
    page = get_json(client, ITEMS, {"limit": 4, "offset": 4})

    assert [feature["id"] for feature in page["features"]] == [4, 5, 6, 7]
    assert (page["numberMatched"], page["numberReturned"]) == (10, 4)
    rels = links_by_rel(page)
    assert "offset=8" in rels["next"] and "limit=4" in rels["next"]
    assert "offset=0" in rels["prev"]
    last = get_json(client, ITEMS, {"limit": 4, "offset": 8})
    assert "next" not in links_by_rel(last)


@pytest.mark.usefixtures("imported_districts")
def test_by_default_ten_items_are_returned_with_polygons_and_properties(client):
    page = get_json(client, ITEMS)

    assert page["numberReturned"] == 10
    innenstadt = page["features"][0]
    assert innenstadt["geometry"]["type"] == "Polygon"
    assert innenstadt["properties"] == {
        "number": 0,
        "name": "Innenstadt",
        "area_km2": pytest.approx(72.28, abs=0.01),
    }


@pytest.mark.usefixtures("imported_districts")
def test_a_limit_above_the_maximum_is_refused_and_the_maximum_is_served(client):
    response = client.get(ITEMS, {"limit": 10001})
    assert response.status_code == 400
    assert response.json()["code"] == "InvalidParameterValue"
    assert get_json(client, ITEMS, {"limit": 10000})["numberReturned"] == 10


@pytest.mark.usefixtures("imported_districts")
def test_bbox_selects_the_districts_it_touches(client):
    page = get_json(client, ITEMS, {"bbox": "7.80,49.37,7.82,49.38"})

    assert [feature["properties"]["name"] for feature in page["features"]] == ["Mölschbach"]
    assert page["numberMatched"] == 1


@pytest.mark.usefixtures("imported_districts")
def test_a_single_item_has_its_links(client):
    item = get_json(client, f"{ITEMS}/9")

    assert item["properties"]["name"] == "Mölschbach"
    assert links_by_rel(item)["collection"].endswith("/ogc/collections/districts")


@pytest.mark.parametrize(
    "params",
    [
        {"foo": "1"},
        {"limit": "0"},
        {"limit": "ten"},
        {"offset": "-1"},
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "7,50,8,49"},
        {"f": "xml"},
        {"datetime": "yesterday"},
    ],
)
def test_unknown_or_invalid_parameters_answer_400_with_an_ogc_exception(client, params):
    response = client.get(ITEMS, params)

    assert response.status_code == 400
    assert response.json()["code"] == "InvalidParameterValue"
    assert response.json()["description"]


def test_unknown_parameters_are_refused_on_every_endpoint(client):
    for path in ("/ogc/", "/ogc/conformance", "/ogc/collections", "/ogc/collections/districts"):
        assert client.get(path, {"limit": "1"}).status_code == 400


@pytest.mark.usefixtures("imported_districts")
def test_unknown_collections_and_items_answer_404_with_an_ogc_exception(client):
    for path in ("/ogc/collections/nothing", "/ogc/collections/nothing/items", f"{ITEMS}/99"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["code"] == "NotFound"


@pytest.mark.usefixtures("imported_districts")
def test_a_browser_gets_html_and_f_overrides_the_accept_header(client):
    html = client.get(ITEMS, headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    forced = client.get(ITEMS, {"f": "json"}, headers={"accept": "text/html"})

    assert html["Content-Type"].startswith("text/html")
    assert "Mölschbach" in html.content.decode()
    assert forced["Content-Type"] == "application/geo+json"


@pytest.mark.usefixtures("imported_districts")
def test_a_repeated_request_with_the_etag_gets_304_without_a_body(client):
    first = client.get(ITEMS)

    again = client.get(ITEMS, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304 and again.content == b""
    assert first["Cache-Control"] == "public, max-age=60"


@pytest.mark.usefixtures("imported_districts")
def test_the_etag_changes_when_the_districts_change(client, shared_districts_text):
    from rathaus.geodata.boundaries import parse_boundaries
    from rathaus.geodata.services import districts_replace

    before = client.get(ITEMS)["ETag"]
    boundaries = parse_boundaries(shared_districts_text)[1:]
    districts_replace(boundaries=boundaries, source="test")

    after = client.get(ITEMS)
    assert after["ETag"] != before
    assert after.json()["numberMatched"] == 9


@pytest.mark.usefixtures("imported_districts")
def test_items_cost_one_query_once_the_layer_is_cached(client, django_assert_max_num_queries):
    client.get(ITEMS)

    with django_assert_max_num_queries(1):
        assert client.get(ITEMS, {"limit": 3}).status_code == 200


@pytest.mark.usefixtures("imported_districts")
def test_clients_that_accept_gzip_get_the_same_items_compressed(client):
    import gzip
    import json

    plain = client.get(ITEMS)
    compressed = client.get(ITEMS, headers={"accept-encoding": "gzip, deflate"})

    assert compressed["Content-Encoding"] == "gzip"
    assert len(compressed.content) < len(plain.content) / 2
    assert json.loads(gzip.decompress(compressed.content)) == plain.json()
    assert compressed["ETag"] != plain["ETag"]
    assert "Accept-Encoding" in compressed["Vary"]
