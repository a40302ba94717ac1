"""Template helpers for maps and feature lists."""

import json

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language

from rathaus.core.map_services import origin_of, xyz_template
from rathaus.core.municipality import municipality
from rathaus.geodata.layers import get_layer
from rathaus.geodata.mapsources import basemap_attributes, basemap_image_hosts
from rathaus.geodata.middleware import note_image_sources
from rathaus.geodata.models import ServiceKind
from rathaus.geodata.selectors import boundaries_imported, offered_service_layers
from rathaus.geodata.snapshots import snapshot

register = template.Library()

DISTRICTS = "districts"


@register.filter
def column_value(column, feature):
    """The value `column` shows for `feature` (see geodata.layers.Column)."""
    return column.value(feature)


def city_center() -> tuple[float, float] | None:
    """The middle (lon, lat) of the districts, or None before there are any."""
    layer = get_layer(DISTRICTS)
    bbox = snapshot(layer).bbox if layer is not None else None
    if bbox is None:
        return None
    return (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2


def _context_urls() -> list[str]:
    """The district boundaries drawn behind a map for orientation."""
    return [reverse("geodata:layer_data", args=[DISTRICTS])] if boundaries_imported() else []


# The address the browser asks, by kind of service: a WMS endpoint as it is, a WMTS REST
# template with Leaflet's placeholders and the layer name filled in.
_BROWSER_URL = {
    ServiceKind.WMS: lambda layer: layer.url,
    ServiceKind.WMTS: lambda layer: xyz_template(layer.url).replace("{Layer}", layer.layer_name),
}


def _overlay(layer) -> dict:
    """What the browser needs to draw a registered WMS/WMTS layer when it is switched on."""
    return {
        "title": layer.title_en if get_language() == "en" else layer.title_de,
        "kind": layer.kind,
        "url": _BROWSER_URL[layer.kind](layer),
        "layer": layer.layer_name,
        "attribution": layer.attribution,
        "minZoom": layer.min_zoom,
    }


def _note_image_sources(request, profile, overlays) -> None:
    note_image_sources(
        request, [*basemap_image_hosts(profile), *(origin_of(layer.url) for layer in overlays)]
    )


def _assets(request) -> dict:
    """The base map and the switchable layers of every map; the page's CSP is told the image
    hosts they need (and no others)."""
    profile = municipality()
    overlays = offered_service_layers()
    _note_image_sources(request, profile, overlays)
    return {
        "basemap": basemap_attributes(profile),
        "overlays": json.dumps([_overlay(layer) for layer in overlays], ensure_ascii=False)
        if overlays
        else "",
        "marker_icon": static("vendor/leaflet/images/marker-icon.png"),
        "marker_icon_2x": static("vendor/leaflet/images/marker-icon-2x.png"),
        "marker_shadow": static("vendor/leaflet/images/marker-shadow.png"),
    }


@register.simple_tag(takes_context=True)
def map_image_sources(context) -> str:
    """Tell the page's CSP the image hosts of its maps when a map comes from a cached fragment
    (its `map_component` ran when the fragment was rendered, not for this response)."""
    profile = context.get("municipality") or municipality()
    _note_image_sources(context.get("request"), profile, offered_service_layers())
    return ""


@register.inclusion_tag("geodata/includes/map.html", takes_context=True)
def map_component(context, map_id: str, label: str, data_urls=(), center=None, points=None):
    """A map drawing the GeoJSON at `data_urls` (a URL or a list of URLs) and `points`.

    `points` are places given directly, each `{"lon", "lat", "label"}` (e.g. the one place of a
    proposal); a map with points shows the district boundaries behind them. Without `center`
    (lon, lat) the map starts over the city. Put the equivalent list or table right beside it,
    and include `geodata/includes/map_assets.html` in the page's `head` block.
    """
    if isinstance(data_urls, str):
        data_urls = [data_urls]
    collection = None
    if points:
        collection = {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [float(point["lon"]), float(point["lat"])],
                    },
                    "properties": {"label": str(point["label"]), "url": point.get("url", "")},
                }
                for point in points
            ],
        }
    return {
        "map_id": map_id,
        "label": label,
        "data_urls": list(data_urls),
        "points": json.dumps(collection, ensure_ascii=False) if collection else "",
        "context_urls": _context_urls() if points else [],
        "center": center or city_center(),
        **_assets(context.get("request")),
    }


@register.inclusion_tag("geodata/includes/location_picker.html", takes_context=True)
def location_picker(context, map_id: str, label: str):
    """A map to choose a place with: inside a `<fieldset data-location-picker …>` whose
    `data-latitude-input`/`data-longitude-input` (and optionally `data-district-input`) name the
    plain inputs it fills. Those inputs stay the way to give a place without JavaScript.
    """
    return {
        "map_id": map_id,
        "label": label,
        "center": city_center(),
        "context_urls": _context_urls(),
        "locate_url": reverse("api:locate"),
        **_assets(context.get("request")),
    }
