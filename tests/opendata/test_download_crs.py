"""Downloads with coordinates in ETRS89 / UTM zone 32N (EPSG:25832) for the city's GIS."""

import csv
import io
import json

import pytest
import shapely
from pyproj import Transformer

from rathaus.geodata import demo

pytestmark = pytest.mark.django_db

UTM = {"crs": "EPSG:25832"}
to_utm = Transformer.from_crs("OGC:CRS84", "EPSG:25832", always_xy=True)


@pytest.fixture
def city(db, imported_districts):
    demo.load()


def table(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def assert_projected(lon, lat, east, north):
    expected_east, expected_north = to_utm.transform(float(lon), float(lat))
    assert abs(float(east) - expected_east) <= 0.01
    assert abs(float(north) - expected_north) <= 0.01


@pytest.mark.usefixtures("city")
def test_the_places_csv_in_utm_has_east_and_north_in_metres(client):
    plain = table(client.get("/opendata/datasets/places.csv"))
    response = client.get("/opendata/datasets/places.csv", UTM)
    utm = table(response)

    assert list(utm[0]) == [
        *("id", "kind", "name_de", "name_en", "street", "postal_code", "city"),
        *("east", "north"),
    ]
    assert [row["id"] for row in utm] == [row["id"] for row in plain] and len(utm) == 5
    for lonlat, projected in zip(plain, utm, strict=True):
        assert_projected(lonlat["lon"], lonlat["lat"], projected["east"], projected["north"])
    assert response["Content-Disposition"] == 'inline; filename="places-epsg25832.csv"'


@pytest.mark.usefixtures("city")
def test_the_full_crs_uri_is_accepted_too_and_json_follows_the_csv(client):
    uri = {"crs": "http://www.opengis.net/def/crs/EPSG/0/25832"}
    records = json.loads(client.get("/opendata/datasets/places.json", uri).content)

    assert {"east", "north"} <= set(records[0]) and "lon" not in records[0]
    districts = table(client.get("/opendata/datasets/districts.csv", uri))
    assert {"point_east", "point_north"} <= set(districts[0])


@pytest.mark.usefixtures("city")
@pytest.mark.parametrize("dataset_id", ["districts", "places"])
def test_the_geojson_in_utm_names_its_crs_and_matches_pyproj(client, dataset_id):
    path = f"/opendata/datasets/{dataset_id}.geojson"
    plain = json.loads(client.get(path).content)
    utm = json.loads(client.get(path, UTM).content)

    assert utm["crs"] == {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}
    assert "crs" not in plain
    for feature, projected in zip(plain["features"], utm["features"], strict=True):
        positions = shapely.get_coordinates(shapely.from_geojson(json.dumps(feature["geometry"])))
        metres = shapely.get_coordinates(shapely.from_geojson(json.dumps(projected["geometry"])))
        assert len(positions) == len(metres) > 0
        for (lon, lat), (east, north) in zip(positions, metres, strict=True):
            assert_projected(lon, lat, east, north)


@pytest.mark.usefixtures("city")
@pytest.mark.parametrize(
    ("path", "crs"),
    [
        ("/opendata/datasets/places.csv", "EPSG:3857"),
        ("/opendata/datasets/places.geojson", "EPSG:4326"),  # GeoJSON: CRS84 order only
        ("/opendata/datasets/projects.csv", "EPSG:25832"),  # a table without coordinates
    ],
)
@pytest.mark.usefixtures("connected_slots")
def test_a_crs_the_download_does_not_offer_is_a_400_in_json(client, path, crs):
    response = client.get(path, {"crs": crs})

    assert response.status_code == 400
    assert "CRS84" in response.json()["detail"]


@pytest.mark.usefixtures("city")
def test_the_dataset_page_offers_the_utm_downloads(client):
    page = client.get("/data/datasets/places/")

    text = page.content.decode()
    assert 'href="/opendata/datasets/places.csv?crs=EPSG:25832"' in text
    assert "als CSV in ETRS89 / UTM Zone 32N (EPSG:25832)" in text
