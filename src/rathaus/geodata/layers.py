"""The registry of map layers: what the maps, the OGC API and the open data draw from.

A layer is a named set of features (id, geometry, properties) with a version that changes
whenever the features do. Built-in layers are `districts` and `places`; other domains add
theirs in their AppConfig.ready():

    from rathaus.geodata.layers import Column, Feature, Layer, register_layer

    register_layer(Layer(
        id="projects",
        title_de="Vorhabenliste", title_en="Planned projects",
        description_de="…", description_en="…",
        features=lambda: [Feature(id=p.pk, geometry=p.geometry, label=p.title,
                                  url=p.get_absolute_url(), properties={"status": p.status})
                          for p in public_projects()],
        version=projects_version,          # cheap, changes with every change of the features
        columns=(Column("status", _("Status")),),
    ))

Features are built lazily, once per version and language in each process (see `snapshots`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import get_language


@dataclass(frozen=True)
class Feature:
    id: str | int
    # A GeoJSON geometry object in WGS84 longitude/latitude, or None for a feature without place.
    geometry: dict | None
    # Machine-readable, language-neutral values (served as GeoJSON properties).
    properties: dict = field(default_factory=dict)
    # What people read: the feature's name in the active language, and a page about it.
    label: str = ""
    url: str = ""


@dataclass(frozen=True)
class Column:
    """A property shown in the accessible list beside a map and on the HTML pages."""

    key: str
    label: str  # lazily translated
    numeric: bool = False
    # How to show the value (e.g. a translated choice); by default the property as it is.
    display: Callable[[Feature], object] | None = None

    def value(self, feature: Feature) -> object:
        if self.display is not None:
            return self.display(feature)
        return feature.properties.get(self.key, "")


@dataclass(frozen=True)
class Layer:
    id: str
    title_de: str
    title_en: str
    description_de: str
    description_en: str
    features: Callable[[], Iterable[Feature]]
    # Anything hashable that changes whenever the features change; one cheap query at most.
    # None: nothing is cached, the features are built for every request.
    version: Callable[[], object] | None = None
    columns: tuple[Column, ...] = ()
    # The template that shows one feature's properties on the HTML pages.
    item_template: str = "geodata/includes/feature_properties.html"
    # Whether the layer is listed (e.g. a domain that has nothing public yet).
    available: Callable[[], bool] = lambda: True
    order: int = 100
    # Properties the map data can be narrowed by (`/maps/<id>/data.geojson?district=…`), so
    # that a map beside a filtered list shows the same selection.
    filters: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" else self.title_de

    @property
    def description(self) -> str:
        return self.description_en if get_language() == "en" else self.description_de


_LAYERS: dict[str, Layer] = {}


def register_layer(layer: Layer) -> None:
    """Add a layer, or replace the one with the same id (e.g. in tests; the snapshots of the
    replaced layer are not served for the new one, see `snapshots`)."""
    _LAYERS[layer.id] = layer


def unregister_layer(layer_id: str) -> None:
    _LAYERS.pop(layer_id, None)


def get_layer(layer_id: str) -> Layer | None:
    layer = _LAYERS.get(layer_id)
    return layer if layer is not None and layer.available() else None


def layers() -> list[Layer]:
    """The available layers, in their order."""
    return sorted(
        (layer for layer in _LAYERS.values() if layer.available()),
        key=lambda layer: (layer.order, layer.id),
    )
