"""Reading and checking a GeoJSON file of district boundaries (pure: no Django).

Two shapes of file are understood, each a FeatureCollection of (Multi)Polygons in WGS84
longitude/latitude:

- the city's own open-data file: properties `Bezirk` (name) and `Nummer` (number);
- the shared copy: properties `Name` and `ID`, with a third coordinate that is dropped.

`parse_boundaries` returns one `DistrictBoundary` per feature or raises `BoundaryFileError`
listing every problem found, so that one run of the import tells the operator all of them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import shapely
from pyproj import Transformer
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

# Coordinates are kept to six decimals (about 10 cm), as RFC 7946 section 11.2 recommends.
GRID = 1e-6
# Names of the properties, by file shape: (name, number).
PROPERTY_PAIRS = (("Bezirk", "Nummer"), ("Name", "ID"))
WGS84_CRS_NAMES = {
    "urn:ogc:def:crs:OGC:1.3:CRS84",
    "urn:ogc:def:crs:OGC::CRS84",
    "urn:ogc:def:crs:EPSG::4326",
    "EPSG:4326",
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
}
AREA_CRS = "EPSG:25832"  # ETRS89 / UTM zone 32N: equal lengths in metres across Germany's west

_to_utm = Transformer.from_crs("EPSG:4326", AREA_CRS, always_xy=True)


class BoundaryFileError(ValueError):
    """The file cannot be used; `problems` lists every reason, one sentence each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class DistrictBoundary:
    number: int
    name: str
    geometry: BaseGeometry  # 2-D (Multi)Polygon in WGS84 lon/lat, on the 1e-6 degree grid
    area_m2: float

    @property
    def geojson(self) -> str:
        return json.dumps(mapping(self.geometry), separators=(",", ":"))

    @property
    def representative_point(self) -> tuple[float, float]:
        point = self.geometry.representative_point()
        return round(point.x, 6), round(point.y, 6)


def area_m2(geometry: BaseGeometry) -> float:
    """The area in square metres, measured in EPSG:25832."""
    return shapely.transform(geometry, _to_utm.transform, interleaved=False).area


def parse_boundaries(text: str | bytes) -> list[DistrictBoundary]:
    """Parse and check a district file; raise BoundaryFileError with every problem found."""
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise BoundaryFileError([f"The file is not valid JSON: {error}."]) from error
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise BoundaryFileError(["The file is not a GeoJSON FeatureCollection."])
    problems = _crs_problems(document.get("crs"))
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise BoundaryFileError([*problems, "The file contains no features."])

    boundaries = []
    for index, feature in enumerate(features, start=1):
        boundary, feature_problems = _boundary(index, feature)
        problems += feature_problems
        if boundary is not None:
            boundaries.append(boundary)
    problems += _duplicates(boundaries)
    if problems:
        raise BoundaryFileError(problems)
    return sorted(boundaries, key=lambda boundary: boundary.number)


def _crs_problems(crs) -> list[str]:
    if crs is None:
        return []
    name = (crs.get("properties") or {}).get("name") if isinstance(crs, dict) else None
    if name in WGS84_CRS_NAMES:
        return []
    return [
        f"The file declares the coordinate system {name!r}; WGS84 longitude/latitude is needed."
    ]


def _boundary(index: int, feature) -> tuple[DistrictBoundary | None, list[str]]:
    where = f"Feature {index}"
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return None, [f"{where} is not a GeoJSON Feature."]
    properties = feature.get("properties") or {}
    name, number, problems = _name_and_number(where, properties)
    geometry, geometry_problems = _geometry(
        f"{where} ({name or 'no name'})", feature.get("geometry")
    )
    problems += geometry_problems
    if problems:
        return None, problems
    return DistrictBoundary(number, name, geometry, area_m2(geometry)), []


def _name_and_number(where: str, properties: dict) -> tuple[str, int | None, list[str]]:
    for name_key, number_key in PROPERTY_PAIRS:
        if name_key in properties or number_key in properties:
            break
    else:
        keys = " or ".join(f"{name}/{number}" for name, number in PROPERTY_PAIRS)
        return "", None, [f"{where} has neither of the properties {keys}."]
    problems = []
    name = str(properties.get(name_key) or "").strip()
    if not name:
        problems.append(f"{where} has no name in the property {name_key}.")
    raw = properties.get(number_key)
    number = None
    if isinstance(raw, bool) or raw is None:
        problems.append(f"{where} has no number in the property {number_key}.")
    elif isinstance(raw, int) or (isinstance(raw, float) and raw.is_integer()):
        number = int(raw)
    elif isinstance(raw, str) and raw.strip().isdigit():
        number = int(raw.strip())
    else:
        problems.append(
            f"{where} has the number {raw!r} in {number_key}; a whole number is needed."
        )
    if number is not None and number < 0:
        problems.append(f"{where} has the negative number {number}.")
        number = None
    return name, number, problems


def _geometry(where: str, raw) -> tuple[BaseGeometry | None, list[str]]:
    if not isinstance(raw, dict) or raw.get("type") not in ("Polygon", "MultiPolygon"):
        kind = raw.get("type") if isinstance(raw, dict) else raw
        return None, [f"{where} has the geometry {kind!r}; a Polygon or MultiPolygon is needed."]
    try:
        geometry = shapely.force_2d(shape(raw))
    except (
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        shapely.errors.GEOSException,
    ) as error:
        return None, [f"{where} has coordinates that cannot be read: {error}."]
    if geometry.is_empty:
        return None, [f"{where} has an empty geometry."]
    min_x, min_y, max_x, max_y = geometry.bounds
    if not all(math.isfinite(value) for value in geometry.bounds) or (
        min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90
    ):
        return None, [
            f"{where} has coordinates outside longitude/latitude ranges "
            f"({min_x:.1f}, {min_y:.1f} – {max_x:.1f}, {max_y:.1f}); is the file projected "
            "(e.g. EPSG:25832)? WGS84 longitude/latitude is needed."
        ]
    if not geometry.is_valid:
        return None, [f"{where} is not a valid polygon: {shapely.is_valid_reason(geometry)}."]
    return shapely.set_precision(geometry, GRID), []


def _duplicates(boundaries: list[DistrictBoundary]) -> list[str]:
    problems = []
    for label, values in (
        ("name", [boundary.name for boundary in boundaries]),
        ("number", [boundary.number for boundary in boundaries]),
    ):
        seen: set = set()
        for value in values:
            if value in seen:
                problems.append(f"The {label} {value!r} occurs more than once.")
            seen.add(value)
    return problems
