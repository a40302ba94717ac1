"""Other domains plug their layers in; what they register is served and cached by version."""

import pytest

from rathaus.geodata.layers import Feature, Layer, get_layer, register_layer, unregister_layer

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects_layer():
    calls = []
    version = {"value": 1}

    def features():
        calls.append(1)
        return [
            Feature(
                id="stiftsplatz",
                geometry={"type": "Point", "coordinates": [7.7712, 49.4434]},
                properties={"status": "planned"},
                label="Umgestaltung Stiftsplatz",
                url="/participation/projects/stiftsplatz/",
            )
        ]

    layer = Layer(
        id="projects",
        title_de="Vorhabenliste",
        title_en="Planned projects",
        description_de="Vorhaben",
        description_en="Projects",
        features=features,
        version=lambda: version["value"],
    )
    registered = get_layer("projects")
    register_layer(layer)
    yield calls, version
    unregister_layer("projects")
    if registered is not None:
        register_layer(registered)  # participation's own layer


def test_a_registered_layer_becomes_an_ogc_collection_and_a_map(client, projects_layer):
    collections = client.get("/ogc/collections").json()["collections"]
    items = client.get("/ogc/collections/projects/items").json()
    page = client.get("/en/maps/projects/").content.decode()

    assert "projects" in {collection["id"] for collection in collections}
    assert items["features"][0]["properties"] == {"status": "planned"}
    assert "Umgestaltung Stiftsplatz" in page and "Planned projects" in page


def test_features_are_built_once_per_version(client, projects_layer):
    calls, version = projects_layer

    client.get("/ogc/collections/projects/items")
    client.get("/ogc/collections/projects/items", {"limit": 1})
    version["value"] = 2
    client.get("/ogc/collections/projects/items")

    assert len(calls) == 2


def test_a_layer_without_a_version_is_built_for_every_request(client):
    calls = []
    register_layer(
        Layer(
            id="live",
            title_de="Live",
            title_en="Live",
            description_de="",
            description_en="",
            features=lambda: calls.append(1) or [],
        )
    )
    try:
        client.get("/ogc/collections/live/items")
        client.get("/ogc/collections/live/items")
    finally:
        unregister_layer("live")

    assert len(calls) == 2


def test_an_unavailable_layer_is_not_served(client):
    register_layer(
        Layer(
            id="hidden",
            title_de="Versteckt",
            title_en="Hidden",
            description_de="",
            description_en="",
            features=list,
            available=lambda: False,
        )
    )
    try:
        assert client.get("/ogc/collections/hidden").status_code == 404
        assert client.get("/maps/hidden/").status_code == 404
    finally:
        unregister_layer("hidden")
