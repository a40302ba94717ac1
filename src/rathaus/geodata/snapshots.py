"""Per-process snapshots of a layer: its features built and serialised once per version.

The OGC API, the map data and the lists beside the maps all read a `Snapshot`. A snapshot is
kept per (layer, language) and thrown away when the layer's `version()` changes, so every
process serves fresh data right after a change while repeated requests cost one version query
(none within GEODATA_VERSION_TTL, see `versions`).
Responses assembled from a snapshot (an items page with its links) are memoised on it.
A snapshot also belongs to the `Layer` object it was built from: a layer registered again under
the same id (e.g. in a test) is built afresh, without the registry knowing about snapshots.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import shapely
from django.conf import settings
from django.utils import translation
from shapely import STRtree

from rathaus.geodata import crs
from rathaus.geodata.layers import Feature, Layer

MEMOISED_RESPONSES = 256


def encode(value) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass
class Snapshot:
    layer_id: str
    language: str
    version: object
    features: list[Feature]
    encoded: list[bytes]  # each feature as a GeoJSON Feature
    tag: str  # changes with the content; the base of ETags
    positions: dict[str, int] = field(default_factory=dict)
    geometries: np.ndarray | None = None
    tree: STRtree | None = None
    bbox: tuple[float, float, float, float] | None = None
    source: Layer | None = field(default=None, repr=False, compare=False)
    _memo: dict = field(default_factory=dict)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock)

    def position(self, feature_id: str) -> int | None:
        return self.positions.get(str(feature_id))

    def matching(
        self, bbox: tuple[float, float, float, float] | shapely.Geometry | None
    ) -> list[int]:
        """Positions of the features whose geometry intersects `bbox` (all without one).

        `bbox` is a CRS84 box or any CRS84 area (e.g. a box given in another CRS, reprojected).
        """
        if bbox is None:
            return list(range(len(self.features)))
        if self.tree is None:
            return []
        box = bbox if isinstance(bbox, shapely.Geometry) else shapely.box(*bbox)
        return sorted(int(i) for i in self.tree.query(box, predicate="intersects"))

    def encoded_in(self, target: str) -> list[bytes]:
        """The features serialised as GeoJSON in the CRS `target` (a URI of `crs.SUPPORTED`)."""
        if target == crs.CRS84:
            return self.encoded

        def produce() -> list[bytes]:
            return [
                encode(
                    {
                        "type": "Feature",
                        "id": feature.id,
                        "geometry": crs.geojson_geometry(geometry, target),
                        "properties": feature.properties,
                    }
                )
                for feature, geometry in zip(self.features, self.geometries, strict=True)
            ]

        return self.memoised(("encoded", target), produce)

    def memoised(self, key, produce: Callable[[], object]):
        """The value for `key`, produced once per snapshot (bounded)."""
        try:
            return self._memo[key]
        except KeyError:
            value = produce()
            with self._memo_lock:
                if len(self._memo) >= MEMOISED_RESPONSES:
                    self._memo.clear()
                self._memo[key] = value
            return value


def _build(layer: Layer, language: str, version) -> Snapshot:
    with translation.override(language):
        features = list(layer.features())
    encoded = [
        encode(
            {
                "type": "Feature",
                "id": feature.id,
                "geometry": feature.geometry,
                "properties": feature.properties,
            }
        )
        for feature in features
    ]
    digest = hashlib.sha256()
    if version is None:
        for chunk in encoded:
            digest.update(chunk)
    else:
        digest.update(repr((layer.id, version)).encode())
    digest.update(language.encode())
    geometries = np.array(
        [shapely.from_geojson(json.dumps(f.geometry)) if f.geometry else None for f in features],
        dtype=object,
    )
    present = [g for g in geometries if g is not None]
    tree = STRtree(geometries) if present else None
    bbox = tuple(shapely.total_bounds(present)) if present else None
    return Snapshot(
        layer_id=layer.id,
        language=language,
        version=version,
        features=features,
        encoded=encoded,
        tag=digest.hexdigest()[:20],
        positions={str(feature.id): position for position, feature in enumerate(features)},
        geometries=geometries,
        tree=tree,
        bbox=bbox,
        source=layer,
    )


_snapshots: dict[tuple[str, str], Snapshot] = {}
_lock = threading.Lock()


def _current(candidate: Snapshot | None, layer: Layer, version) -> bool:
    return (
        version is not None
        and candidate is not None
        and candidate.source is layer
        and candidate.version == version
    )


def snapshot(layer: Layer, language: str | None = None) -> Snapshot:
    """The layer's features in `language` (default: the active one), current as of now."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    version = layer.version() if layer.version is not None else None
    key = (layer.id, language)
    if _current(_snapshots.get(key), layer, version):
        return _snapshots[key]
    with _lock:
        current = _snapshots.get(key)
        if _current(current, layer, version):
            return current
        fresh = _build(layer, language, version)
        if version is not None:
            _snapshots[key] = fresh
        return fresh


def forget(layer_id: str | None = None) -> None:
    """Drop this process's snapshots of one layer, or of all (e.g. between tests)."""
    with _lock:
        for key in [key for key in _snapshots if layer_id is None or key[0] == layer_id]:
            del _snapshots[key]
