import json

# Points that lie well inside a district (checked against the shared boundaries).
TOWN_HALL = (7.7694, 49.4436)  # Innenstadt
HOHENECKEN = (7.6972, 49.4082)
MOELSCHBACH = (7.8108, 49.3775)
MANNHEIM = (8.4660, 49.4875)  # outside the city


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
