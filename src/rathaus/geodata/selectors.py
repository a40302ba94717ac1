"""Reads on geodata: districts, places, data versions, and which district a point lies in."""

from __future__ import annotations

import copy
from datetime import datetime

from django.db import connection
from django.db.models import QuerySet
from django.utils import translation

from rathaus.geodata import district_index, versions
from rathaus.geodata.basemap import MapFeature
from rathaus.geodata.layers import layers
from rathaus.geodata.models import DataVersion, District, MapServiceLayer, Place
from rathaus.geodata.models.version import DISTRICTS

_VERSION_SQL = f"SELECT number, changed_at FROM {DataVersion._meta.db_table} WHERE key = %s"  # noqa: S608


def data_version(key: str) -> str:
    """A token that changes whenever `key`'s data changes; one cheap query, made at most once
    per GEODATA_VERSION_TTL seconds in each process (`versions`).

    The counter with the time of the change, so that a database restored or recreated under a
    running process (or rolled back in tests) never matches a token cached before.
    """
    return versions.remembered(key, _read_version)


def _read_version(key: str) -> str:
    # Plain SQL: this runs on every OGC and map-data request, and the ORM's query compilation
    # would cost more than the rest of such a cached request.
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL, [key])
        row = cursor.fetchone()
    if row is None:
        return "0"
    number, changed_at = row
    return f"{number}@{changed_at or ''}"


def data_changed_at(key: str) -> datetime | None:
    """When `key`'s data last changed through a service (None if never)."""
    return DataVersion.objects.filter(key=key).values_list("changed_at", flat=True).first()


def districts() -> QuerySet[District]:
    return District.objects.order_by("number")


def places() -> QuerySet[Place]:
    return Place.objects.order_by("name_de")


def _current_index() -> district_index.DistrictIndex:
    version = data_version(DISTRICTS)
    return district_index.get(
        version,
        lambda: list(District.objects.exclude(boundary="").defer("boundary").order_by("number")),
        lambda: dict(District.objects.exclude(boundary="").values_list("pk", "boundary")),
    )


def district_at(lon: float, lat: float) -> District | None:
    """The district containing the point (WGS84 lon/lat), or None outside every district.

    A point on a border between two districts belongs to the one with the lower number. Before
    the boundaries are imported, no point can be placed: see `boundaries_imported()`.
    """
    district = _current_index().locate(lon, lat)
    return copy.copy(district) if district is not None else None


def boundaries_imported() -> bool:
    return _current_index().size > 0


def service_layers() -> QuerySet[MapServiceLayer]:
    """Every registered WMS/WMTS layer (the back office's list)."""
    return MapServiceLayer.objects.all()


def offered_service_layers() -> list[MapServiceLayer]:
    """The layers the maps offer in their layer switcher."""
    return list(MapServiceLayer.objects.filter(active=True))


def basemap_features(language: str = "de") -> list[MapFeature]:
    """Every public feature of every registered map layer with a place, named in `language`:
    what the platform's own base map is cut from (districts, places, proposals, projects)."""
    with translation.override(language):
        return [
            MapFeature(geometry=feature.geometry, name=feature.label, layer=layer.id)
            for layer in layers()
            for feature in layer.features()
            if feature.geometry
        ]
