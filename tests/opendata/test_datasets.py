"""Dataset downloads, and slots that appear only once connected and available."""

import csv
import io
import json

import pytest

from rathaus.geodata import demo
from rathaus.opendata.datasets import (
    Dataset,
    connect_dataset,
    listed_datasets,
    register_dataset,
    tabular,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(db, imported_districts):
    demo.load()


@pytest.mark.usefixtures("city")
def test_the_districts_download_as_csv_json_and_geojson(client):
    table = list(
        csv.DictReader(io.StringIO(client.get("/opendata/datasets/districts.csv").content.decode()))
    )
    records = client.get("/opendata/datasets/districts.json").json()
    geojson = json.loads(client.get("/opendata/datasets/districts.geojson").content)

    assert len(table) == len(records) == len(geojson["features"]) == 10
    assert table[0]["name"] == records[0]["name"] == "Innenstadt"
    assert float(table[0]["area_km2"]) == pytest.approx(72.28, abs=0.01)
    assert geojson["features"][0]["geometry"]["type"] == "Polygon"


@pytest.mark.usefixtures("city")
def test_downloads_are_utf8_cacheable_and_open_to_other_sites(client):
    response = client.get("/opendata/datasets/places.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Bürgercenter im Rathaus" in response.content.decode()
    assert (
        client.get(
            "/opendata/datasets/places.csv", headers={"if-none-match": response["ETag"]}
        ).status_code
        == 304
    )


def test_a_slot_is_neither_listed_nor_downloadable_until_connected(client, restore_registries):
    register_dataset(
        Dataset(
            id="new-slot",
            title_de="Neuer Datensatz",
            title_en="New dataset",
            description_de="Noch ohne Daten.",
            description_en="No data yet.",
            themes=(),
        )
    )
    assert "new-slot" not in {dataset.id for dataset in listed_datasets()}
    assert client.get("/opendata/datasets/new-slot.csv").status_code == 404

    connect_dataset(
        "new-slot",
        distributions=tabular(("service", "applications"), lambda: [("Hundesteuer", 4)]),
    )

    assert "new-slot" in {dataset.id for dataset in listed_datasets()}
    assert (
        client.get("/opendata/datasets/new-slot.csv").content
        == b"service,applications\r\nHundesteuer,4\r\n"
    )


def test_available_hides_a_connected_dataset_while_it_has_nothing(client, restore_registries):
    rows = []
    connect_dataset(
        "comments", distributions=tabular(("id",), lambda: rows), available=lambda: bool(rows)
    )

    assert client.get("/opendata/datasets/comments.csv").status_code == 404
    rows.append((1,))
    assert client.get("/opendata/datasets/comments.csv").status_code == 200


def test_a_connection_before_declaration_applies_on_declaration(restore_registries):
    connect_dataset("later", distributions=tabular(("a",), lambda: [(1,)]))

    register_dataset(
        Dataset(
            id="later",
            title_de="Später",
            title_en="Later",
            description_de="",
            description_en="",
            themes=(),
        )
    )

    assert "later" in {dataset.id for dataset in listed_datasets()}


def test_the_datasets_iri_leads_to_its_page(client, city):
    response = client.get("/opendata/datasets/districts")

    assert response.status_code == 303
    assert response["Location"] == "/data/datasets/districts/"
