"""The coordinate reference systems the platform offers, and reprojection with pyproj.

Geometries are stored in CRS84 (WGS84, longitude before latitude). GIS staff ask for
ETRS89 / UTM zone 32N (EPSG:25832); EPSG:4326 is WGS84 with the axis order its definition
demands: latitude before longitude (OGC API – Features Part 2). Pure: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import mapping

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326"
EPSG_25832 = "http://www.opengis.net/def/crs/EPSG/0/25832"


@dataclass(frozen=True)
class Crs:
    uri: str
    code: str  # what pyproj reads
    decimals: int  # 7 decimals of a degree ≈ 1 cm; metres to the millimetre
    bounds: tuple[float, float, float, float] | None = None  # valid bbox values, in axis order


SUPPORTED: dict[str, Crs] = {
    crs.uri: crs
    for crs in (
        Crs(CRS84, "OGC:CRS84", 7, (-180, -90, 180, 90)),
        Crs(EPSG_4326, "EPSG:4326", 7, (-90, -180, 90, 180)),
        Crs(EPSG_25832, "EPSG:25832", 3),
    )
}
# Short names accepted by the downloads (`?crs=EPSG:25832`).
ALIASES = {"EPSG:25832": EPSG_25832, "EPSG:4326": EPSG_4326, "CRS84": CRS84, "OGC:CRS84": CRS84}


def supported(uri: str) -> Crs | None:
    return SUPPORTED.get(ALIASES.get(uri, uri))


@lru_cache(maxsize=16)
def transformer(source: str, target: str) -> Transformer:
    """A cached Transformer between two supported CRS, honouring each one's axis order.

    CRS84 and EPSG:25832 are both x/east first, EPSG:4326 is latitude first: pyproj follows
    the authorities' axis order, so always_xy is not used here (it would hide the swap).
    """
    return Transformer.from_crs(CRS(SUPPORTED[source].code), CRS(SUPPORTED[target].code))


def reproject(geometry: shapely.Geometry, target: str, source: str = CRS84) -> shapely.Geometry:
    """`geometry` in `target`, rounded to the CRS's precision."""
    move = transformer(source, target)
    decimals = SUPPORTED[target].decimals

    def coordinates(points: np.ndarray) -> np.ndarray:
        x, y = move.transform(points[:, 0], points[:, 1])
        return np.round(np.column_stack((x, y)), decimals)

    return shapely.transform(geometry, coordinates)


def geojson_geometry(geometry: shapely.Geometry | None, target: str) -> dict | None:
    """A CRS84 geometry as a GeoJSON geometry dict in `target`."""
    if geometry is None:
        return None
    return mapping(reproject(geometry, target))


def area_in_crs84(bbox: tuple[float, float, float, float], source: str) -> shapely.Geometry:
    """A bbox given in `source` (in its axis order) as a polygon in CRS84.

    The box's edges are densified so that the curved outline of a UTM box is followed closely.
    """
    box = shapely.segmentize(shapely.box(*bbox), max_segment_length=_step(bbox))
    return box if source == CRS84 else reproject(box, CRS84, source=source)


def _step(bbox: tuple[float, float, float, float]) -> float:
    width = max(bbox[2] - bbox[0], bbox[3] - bbox[1])
    return width / 32 if width > 0 else 1.0
