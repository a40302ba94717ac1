"""A per-process spatial index of the district boundaries, rebuilt when their version changes.

Every process keeps one index (an STRtree over prepared polygons) tagged with the districts'
data version; a lookup first reads the version from the database (one small query), so a new
import is seen by every process at its next lookup.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import STRtree


@dataclass(frozen=True)
class DistrictIndex:
    version: str
    districts: list  # model instances, in the order of `geometries`
    geometries: np.ndarray
    tree: STRtree | None

    @property
    def size(self) -> int:
        return len(self.districts)

    def locate(self, lon: float, lat: float):
        if self.tree is None:
            return None
        point = shapely.Point(lon, lat)
        candidates = self.tree.query(point)
        hits = sorted(int(i) for i in candidates if shapely.covers(self.geometries[i], point))
        return self.districts[hits[0]] if hits else None


_lock = threading.Lock()
_current: DistrictIndex | None = None


def get(version: str, load_districts: Callable[[], list], load_boundaries: Callable[[], dict]):
    """The index for `version`, built from the loaders when this process has an older one."""
    global _current
    index = _current
    if index is not None and index.version == version:
        return index
    with _lock:
        if _current is not None and _current.version == version:
            return _current
        districts = load_districts()
        boundaries = load_boundaries()
        geometries = np.array(
            [shapely.from_geojson(boundaries[district.pk]) for district in districts], dtype=object
        )
        shapely.prepare(geometries)
        tree = STRtree(geometries) if len(geometries) else None
        _current = DistrictIndex(version, districts, geometries, tree)
        return _current
