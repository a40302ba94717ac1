"""The map pages and the map data, as the server renders them."""

import re

import pytest

from rathaus.geodata import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_geodata(db):
    demo.load()


@pytest.mark.usefixtures("demo_geodata")
def test_the_overview_has_the_map_and_both_lists_beside_it(client):
    page = client.get("/maps/").content.decode()

    assert 'data-map data-layers="/maps/districts/data.geojson /maps/places/data.geojson"' in page
    assert page.count('data-feature-id="') == 10 + 5
    assert "Mölschbach" in page and "Rathaus Nord" in page
    assert "<script>" not in page and 'style="' not in page


@pytest.mark.usefixtures("demo_geodata")
def test_the_map_data_names_features_in_the_pages_language(client):
    german = client.get("/maps/places/data.geojson").json()
    english = client.get("/en/maps/places/data.geojson").json()

    labels = {f["id"]: f["properties"]["label"] for f in german["features"]}
    labels_en = {f["id"]: f["properties"]["label"] for f in english["features"]}
    assert labels["rathaus-nord"] == "Rathaus Nord"
    assert labels_en["rathaus-nord"] == "Town Hall North"


@pytest.mark.usefixtures("demo_geodata")
def test_without_imported_boundaries_districts_are_points(client):
    data = client.get("/maps/districts/data.geojson").json()

    assert {feature["geometry"]["type"] for feature in data["features"]} == {"Point"}


@pytest.mark.usefixtures("demo_geodata", "imported_districts")
def test_after_the_import_districts_are_polygons_with_areas_in_the_list(client):
    data = client.get("/maps/districts/data.geojson").json()
    page = client.get("/maps/districts/").content.decode()

    assert {feature["geometry"]["type"] for feature in data["features"]} == {"Polygon"}
    assert re.search(r"Innenstadt</th>\s*<td[^>]*>0</td><td[^>]*>72,28</td>", page)


def test_an_unknown_layer_page_is_404(client):
    assert client.get("/maps/nothing/").status_code == 404
    assert client.get("/maps/nothing/data.geojson").status_code == 404


@pytest.fixture
def filtered_layer():
    from rathaus.geodata.layers import Feature, Layer, register_layer, unregister_layer

    def feature(number, colour, kind):
        return Feature(
            id=number,
            geometry={"type": "Point", "coordinates": [7.7 + number / 100, 49.44]},
            properties={"colour": colour, "kind": kind},
            label=f"Punkt {number}",
        )

    register_layer(
        Layer(
            id="dots",
            title_de="Punkte",
            title_en="Dots",
            description_de="",
            description_en="",
            features=lambda: [
                feature(1, "rot", "a"),
                feature(2, "blau", "a"),
                feature(3, "rot", "b"),
            ],
            filters=("colour", "kind"),
        )
    )
    yield
    unregister_layer("dots")


def labels(response) -> list[str]:
    return [feature["properties"]["label"] for feature in response.json()["features"]]


@pytest.mark.usefixtures("filtered_layer")
def test_the_map_data_is_narrowed_by_the_layers_filters_only(client):
    assert labels(client.get("/maps/dots/data.geojson?colour=rot")) == ["Punkt 1", "Punkt 3"]
    assert labels(client.get("/maps/dots/data.geojson?colour=rot&kind=b")) == ["Punkt 3"]
    assert labels(client.get("/maps/dots/data.geojson?colour=&sort=x")) == [
        "Punkt 1",
        "Punkt 2",
        "Punkt 3",
    ]
    first = client.get("/maps/dots/data.geojson?colour=rot")
    other = client.get("/maps/dots/data.geojson?colour=blau")
    assert first["ETag"] != other["ETag"]


@pytest.mark.usefixtures("filtered_layer")
def test_a_narrowed_layer_page_lists_and_maps_the_same_features(client):
    page = client.get("/maps/dots/?kind=a").content.decode()

    assert page.count('data-feature-id="') == 2
    assert 'data-layers="/maps/dots/data.geojson?kind=a"' in page
    assert 'href="/maps/dots/"' in page
