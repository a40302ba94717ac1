import json

import pytest

from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.services import districts_replace
from tests.geodata.shared_data import districts_file

# Points that lie well inside a district (checked against the shared boundaries).
TOWN_HALL = (7.7694, 49.4436)  # Innenstadt
HOHENECKEN = (7.6972, 49.4082)
MOELSCHBACH = (7.8108, 49.3775)
MANNHEIM = (8.4660, 49.4875)  # outside the city


@pytest.fixture(autouse=True)
def _fresh_layer_snapshots():
    """Layers with versions not kept in the database must not leak between tests."""
    from rathaus.geodata.snapshots import forget

    forget()
    yield
    forget()


@pytest.fixture(scope="session")
def shared_districts_path():
    return districts_file()


@pytest.fixture(scope="session")
def shared_districts_text(shared_districts_path):
    return shared_districts_path.read_text()


@pytest.fixture
def imported_districts(db, shared_districts_text):
    """The ten districts of the shared file, imported."""
    districts_replace(boundaries=parse_boundaries(shared_districts_text), source="test")


def square(lon: float, lat: float, size: float = 0.01) -> list:
    return [
        [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    ]


def feature_collection(*features: dict, **extra) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features), **extra})


def polygon_feature(properties: dict, coordinates: list, kind: str = "Polygon") -> dict:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": kind, "coordinates": coordinates},
    }
