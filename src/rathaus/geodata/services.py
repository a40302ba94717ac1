"""Writes on geodata: districts and places, each audited, each bumping its data version."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.geodata import basemap, versions
from rathaus.geodata.boundaries import DistrictBoundary
from rathaus.geodata.models import DataVersion, District, MapServiceLayer, Place
from rathaus.geodata.models.version import DISTRICTS, PLACES


def data_version_bump(*, key: str) -> None:
    """Mark `key`'s data as changed; every process rebuilds what it cached from it."""
    DataVersion.objects.get_or_create(key=key)
    DataVersion.objects.filter(key=key).update(number=F("number") + 1, changed_at=timezone.now())
    versions.forget(key)


@dataclass(frozen=True)
class DistrictsReplaced:
    created: list[str]
    updated: list[str]
    deleted: list[str]
    unchanged: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


def _snapshot(district: District) -> dict:
    return {
        "number": district.number,
        "name": district.name,
        "area_m2": district.area_m2,
        "has_boundary": bool(district.boundary),
    }


def _values(boundary: DistrictBoundary) -> dict:
    lon, lat = boundary.representative_point
    return {
        "name": boundary.name,
        "boundary": boundary.geojson,
        "area_m2": round(boundary.area_m2, 1),
        "point_lon": lon,
        "point_lat": lat,
    }


@transaction.atomic
def districts_replace(
    *, boundaries: list[DistrictBoundary], source: str, actor=None
) -> DistrictsReplaced:
    """Make the districts exactly those of `boundaries`, matched by number.

    A district keeps its database id while its number stays, so whatever other domains placed
    in it stays there; a district that is gone from the file is deleted (which fails if another
    domain protects its references). Running it twice with the same file changes nothing.
    """
    existing = {district.number: district for district in District.objects.select_for_update()}
    wanted = {boundary.number: _values(boundary) for boundary in boundaries}
    before = [_snapshot(district) for district in existing.values()]
    deleted = [district for number, district in existing.items() if number not in wanted]
    changed = [
        district
        for number, district in existing.items()
        if number in wanted
        and any(getattr(district, field) != value for field, value in wanted[number].items())
    ]
    District.objects.filter(pk__in=[district.pk for district in deleted]).delete()
    # Names are unique: park the changing ones first, so that swapped names never collide.
    for district in changed:
        District.objects.filter(pk=district.pk).update(name=f"(renaming {district.number})")
    for number, values in wanted.items():
        if number not in existing or existing[number] in changed:
            District.objects.update_or_create(number=number, defaults=values)

    result = DistrictsReplaced(
        created=[wanted[number]["name"] for number in wanted if number not in existing],
        updated=[wanted[district.number]["name"] for district in changed],
        deleted=[district.name for district in deleted],
        unchanged=[
            existing[number].name
            for number in wanted
            if number in existing and existing[number] not in changed
        ],
    )
    if result.changed:
        data_version_bump(key=DISTRICTS)
        audit_record(
            actor=actor,
            action="districts.replace",
            before={"districts": before},
            after={
                "source": source,
                "districts": [_snapshot(d) for d in District.objects.order_by("number")],
            },
        )
    return result


@transaction.atomic
def districts_seed(*, districts: list[tuple[int, str, float, float]], actor=None) -> list[str]:
    """Create the districts that do not exist yet (number, name, point inside); keep the rest.

    Used by the demo data, so that maps and lists work before any boundaries are imported.
    """
    created = []
    for number, name, lon, lat in districts:
        if District.objects.filter(number=number).exists():
            continue
        district = District.objects.create(number=number, name=name, point_lon=lon, point_lat=lat)
        created.append(name)
        audit_record(
            actor=actor, action="district.create", target=district, after=_snapshot(district)
        )
    if created:
        data_version_bump(key=DISTRICTS)
    return created


PLACE_FIELDS = (
    "kind",
    "name_de",
    "name_en",
    "street",
    "postal_code",
    "city",
    "website",
    "lon",
    "lat",
)


@transaction.atomic
def place_save(*, slug: str, actor=None, **values) -> Place:
    """Create or update the place `slug` with `values` (fields of Place)."""
    unknown = set(values) - set(PLACE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown place fields: {sorted(unknown)}")
    place = Place.objects.select_for_update().filter(slug=slug).first()
    before = None if place is None else {field: getattr(place, field) for field in values}
    if before == values:
        return place
    place, _ = Place.objects.update_or_create(slug=slug, defaults=values)
    audit_record(
        actor=actor,
        action="place.create" if before is None else "place.update",
        target=place,
        before=before,
        after=values,
    )
    data_version_bump(key=PLACES)
    return place


SERVICE_LAYER_FIELDS = (
    "title_de",
    "title_en",
    "kind",
    "url",
    "layer_name",
    "attribution",
    "min_zoom",
    "active",
)


@transaction.atomic
def service_layer_save(*, actor, layer: MapServiceLayer | None = None, **values) -> MapServiceLayer:
    """Register a WMS/WMTS layer (layer None) or change one; audited."""
    unknown = set(values) - set(SERVICE_LAYER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown map layer fields: {sorted(unknown)}")
    before = None if layer is None else {field: getattr(layer, field) for field in values}
    layer = layer or MapServiceLayer()
    for field, value in values.items():
        setattr(layer, field, value)
    layer.full_clean()
    layer.save()
    audit_record(
        actor=actor,
        action="map_layer.create" if before is None else "map_layer.update",
        target=layer,
        before=before,
        after=values,
    )
    return layer


@transaction.atomic
def service_layer_delete(*, actor, layer: MapServiceLayer) -> None:
    audit_record(
        actor=actor,
        action="map_layer.delete",
        target=layer,
        before={field: getattr(layer, field) for field in SERVICE_LAYER_FIELDS},
    )
    layer.delete()


@dataclass(frozen=True)
class BasemapBuilt:
    path: Path
    tiles: int
    size: int


def basemap_build(
    *, features: list[basemap.MapFeature], path: Path, max_zoom: int, attribution: str
) -> BasemapBuilt:
    """Write the base-map archive of `features` to `path` (replaced at once, never half
    written: a running server keeps reading the old file until the new one is in place)."""
    tiles = basemap.build_tiles(features, max_zoom)
    data = basemap.write_archive(
        tiles,
        bounds_lonlat=basemap.lonlat_bounds(features),
        name="Rathaus base map",
        attribution=attribution,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".partial")
    with os.fdopen(handle, "wb") as output:
        output.write(data)
    os.replace(temporary, path)
    return BasemapBuilt(path=path, tiles=len(tiles), size=len(data))
