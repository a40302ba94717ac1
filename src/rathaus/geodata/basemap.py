"""The platform's own base map: vector tiles cut from the features it has, in a PMTiles archive.

A pure core: features in (GeoJSON geometries in WGS84 with a name), bytes out. The archive
holds four layers that the browser styles (geodata/static/geodata/map.js):

- `areas`: every polygon (district boundaries, project areas), with `name` and `layer`;
- `lines`: every line (e.g. a planned cycle path), with `name` and `layer`;
- `points`: every point (places, proposals, project sites), with `name` and `layer`;
- `labels`: one point inside every area, carrying the area's `name` (district labels).

Tiles are Mapbox Vector Tiles (gzip), cut in Web Mercator from zoom 0 to `max_zoom`; the
browser draws deeper zooms from the last level (overzoom). See ADR 0251.
"""

from __future__ import annotations

import gzip
import io
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import mapbox_vector_tile
import numpy  # shapely's own dependency: the projection is vectorised
import shapely
from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import Writer
from shapely.affinity import affine_transform
from shapely.geometry import box, shape

EARTH_RADIUS = 6378137.0
HALF_WORLD = math.pi * EARTH_RADIUS
EXTENT = 4096
# Geometry is kept this far (in tile units) beyond each tile's edge, so strokes join up.
BUFFER = 64
MAX_LATITUDE = 85.0511287798


@dataclass(frozen=True)
class MapFeature:
    geometry: dict  # GeoJSON geometry, WGS84 longitude/latitude
    name: str
    layer: str  # the platform layer it comes from (districts, places, proposals, …)


def _to_mercator(coordinates):
    lon = coordinates[:, 0]
    lat = coordinates[:, 1].clip(-MAX_LATITUDE, MAX_LATITUDE)
    x = lon * HALF_WORLD / 180.0
    y = EARTH_RADIUS * _log_tan(lat)
    coordinates[:, 0] = x
    coordinates[:, 1] = y
    return coordinates


def _log_tan(lat):
    return numpy.log(numpy.tan(numpy.pi / 4 + numpy.radians(lat) / 2))


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """The tile's extent in Web Mercator metres (min x, min y, max x, max y)."""
    size = 2 * HALF_WORLD / 2**z
    min_x = -HALF_WORLD + x * size
    max_y = HALF_WORLD - y * size
    return min_x, max_y - size, min_x + size, max_y


def tile_range(z: int, bounds: tuple[float, float, float, float]) -> Iterator[tuple[int, int]]:
    """The (x, y) of every tile at zoom `z` touching `bounds` (Web Mercator metres)."""
    count = 2**z
    size = 2 * HALF_WORLD / count

    def column(value: float) -> int:
        return min(count - 1, max(0, int((value + HALF_WORLD) // size)))

    def row(value: float) -> int:
        return min(count - 1, max(0, int((HALF_WORLD - value) // size)))

    for x in range(column(bounds[0]), column(bounds[2]) + 1):
        for y in range(row(bounds[3]), row(bounds[1]) + 1):
            yield x, y


def lonlat_to_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The (x, y) of the tile at zoom `z` holding the point."""
    x, y = _to_mercator(numpy.array([[lon, lat]], dtype=float))[0]
    return next(tile_range(z, (x, y, x, y)))


@dataclass(frozen=True)
class _Projected:
    geometry: shapely.Geometry
    properties: dict
    kind: str  # the archive layer: areas, lines, points or labels


_KINDS = {
    "Polygon": "areas",
    "MultiPolygon": "areas",
    "LineString": "lines",
    "MultiLineString": "lines",
    "Point": "points",
    "MultiPoint": "points",
}


def _project(features: Iterable[MapFeature]) -> list[_Projected]:
    projected = []
    for feature in features:
        kind = _KINDS.get(feature.geometry.get("type", ""))
        if kind is None:
            continue
        geometry = shapely.transform(shape(feature.geometry), _to_mercator)
        if geometry.is_empty:
            continue
        properties = {"name": feature.name, "layer": feature.layer}
        projected.append(_Projected(geometry, properties, kind))
        if kind == "areas":
            projected.append(_Projected(geometry.representative_point(), properties, "labels"))
    return projected


def _encode_tile(items: list[_Projected], bounds: tuple[float, float, float, float]) -> bytes:
    margin = (bounds[2] - bounds[0]) * BUFFER / EXTENT
    window = box(bounds[0] - margin, bounds[1] - margin, bounds[2] + margin, bounds[3] + margin)
    tolerance = (bounds[2] - bounds[0]) / EXTENT
    # Metres to tile units (y up; the encoder turns it downwards).
    scale = EXTENT / (bounds[2] - bounds[0])
    to_tile = [scale, 0, 0, scale, -bounds[0] * scale, -bounds[1] * scale]
    layers: dict[str, list[dict]] = {}
    for item in items:
        if not item.geometry.intersects(window):
            continue
        geometry = item.geometry
        if item.kind in ("areas", "lines"):
            geometry = geometry.simplify(tolerance).intersection(window)
            if geometry.is_empty:
                continue
        layers.setdefault(item.kind, []).append(
            {"geometry": affine_transform(geometry, to_tile), "properties": item.properties}
        )
    if not layers:
        return b""
    encoded = mapbox_vector_tile.encode(
        [{"name": name, "features": features} for name, features in sorted(layers.items())],
        default_options={"extents": EXTENT},
    )
    return gzip.compress(encoded, mtime=0)


def build_tiles(features: Iterable[MapFeature], max_zoom: int) -> dict[tuple[int, int, int], bytes]:
    """Every non-empty tile from zoom 0 to `max_zoom`, keyed by (z, x, y)."""
    items = _project(features)
    if not items:
        return {}
    extent = shapely.GeometryCollection([item.geometry for item in items]).bounds
    tiles = {}
    for z in range(max_zoom + 1):
        for x, y in tile_range(z, extent):
            bounds = tile_bounds(z, x, y)
            data = _encode_tile(items, bounds)
            if data:
                tiles[(z, x, y)] = data
    return tiles


def write_archive(
    tiles: dict[tuple[int, int, int], bytes],
    *,
    bounds_lonlat: tuple[float, float, float, float],
    name: str,
    attribution: str,
) -> bytes:
    """A PMTiles v3 archive of `tiles` (gzip-compressed vector tiles)."""
    if not tiles:
        raise ValueError("A base map needs at least one tile.")
    buffer = io.BytesIO()
    writer = Writer(buffer)
    for (z, x, y), data in sorted(tiles.items(), key=lambda item: zxy_to_tileid(*item[0])):
        writer.write_tile(zxy_to_tileid(z, x, y), data)
    zooms = [z for z, _, _ in tiles]
    layer_names = ("areas", "labels", "lines", "points")
    writer.finalize(
        {
            "tile_type": TileType.MVT,
            "tile_compression": Compression.GZIP,
            "min_lon_e7": round(bounds_lonlat[0] * 1e7),
            "min_lat_e7": round(bounds_lonlat[1] * 1e7),
            "max_lon_e7": round(bounds_lonlat[2] * 1e7),
            "max_lat_e7": round(bounds_lonlat[3] * 1e7),
            "center_zoom": max(min(zooms), min(12, max(zooms))),
        },
        {
            "name": name,
            "attribution": attribution,
            "vector_layers": [{"id": layer, "fields": {"name": "String"}} for layer in layer_names],
        },
    )
    return buffer.getvalue()


def lonlat_bounds(features: Iterable[MapFeature]) -> tuple[float, float, float, float] | None:
    geometries = [shape(feature.geometry) for feature in features]
    if not geometries:
        return None
    return shapely.GeometryCollection(geometries).bounds
