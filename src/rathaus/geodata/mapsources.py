"""Where a map's background and extra layers come from, and what the browser may load.

The municipality profile names the base map (`basemap`): the platform's own tile archive,
a WMTS/XYZ tile service, or none. Administrators register the city's WMS/WMTS services as
layers (`MapServiceLayer`). Each kind is an entry of a registry that says what the browser is
told (the `data-` attributes of a map) and which hosts the page's CSP must allow for images.
See ADR 0251 and docs/geodata.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from pmtiles.tile import deserialize_header

from rathaus.core.map_services import origin_of, xyz_template


@dataclass(frozen=True)
class BasemapKind:
    """What a kind of base map tells the browser, and the image hosts it needs."""

    attributes: Callable[[object], dict]
    image_hosts: Callable[[object], list[str]]


def archive_available() -> bool:
    path = settings.BASEMAP_ARCHIVE
    return path is not None and path.is_file()


HEADER_BYTES = 127


def archive_max_zoom() -> int:
    """The deepest zoom level the archive holds (read from its header)."""
    with settings.BASEMAP_ARCHIVE.open("rb") as archive:
        return deserialize_header(archive.read(HEADER_BYTES))["max_zoom"]


def _archive_attributes(profile) -> dict:
    if not archive_available():
        return {}
    return {
        "kind": "archive",
        "url": reverse("geodata:basemap_archive"),
        "max_zoom": archive_max_zoom(),
        "attribution": profile.basemap_attribution or profile.name,
        "description": _(
            "The background map shows the city's districts with their names, the town hall and "
            "other places of the administration, proposals and project sites, drawn from this "
            "platform's own data."
        ),
    }


def _tiles_attributes(profile) -> dict:
    if not profile.basemap_tile_url:
        return {}
    return {
        "kind": "tiles",
        "url": xyz_template(profile.basemap_tile_url),
        "attribution": profile.basemap_attribution,
        "description": _(
            "The background map (streets, buildings and place names) comes from a map service: "
            "%(attribution)s."
        )
        % {"attribution": profile.basemap_attribution or origin_of(profile.basemap_tile_url)},
    }


def _tiles_hosts(profile) -> list[str]:
    return [origin_of(profile.basemap_tile_url)] if profile.basemap_tile_url else []


BASEMAP_KINDS: dict[str, BasemapKind] = {
    # The platform's own archive: fetched with range requests from the platform (connect-src
    # 'self'), drawn on canvas: no image host at all.
    "archive": BasemapKind(attributes=_archive_attributes, image_hosts=lambda profile: []),
    "tiles": BasemapKind(attributes=_tiles_attributes, image_hosts=_tiles_hosts),
    "none": BasemapKind(attributes=lambda profile: {}, image_hosts=lambda profile: []),
}


def basemap_attributes(profile) -> dict:
    """kind, url and attribution of the profile's base map, or {} for outlines only."""
    kind = BASEMAP_KINDS.get(profile.basemap, BASEMAP_KINDS["none"])
    return kind.attributes(profile)


def basemap_image_hosts(profile) -> list[str]:
    kind = BASEMAP_KINDS.get(profile.basemap, BASEMAP_KINDS["none"])
    return kind.image_hosts(profile)
