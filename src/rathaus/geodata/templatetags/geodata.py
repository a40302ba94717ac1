"""Template helpers for maps and feature lists."""

from django import template
from django.conf import settings
from django.templatetags.static import static

register = template.Library()


@register.filter
def column_value(column, feature):
    """The value `column` shows for `feature` (see geodata.layers.Column)."""
    return column.value(feature)


@register.inclusion_tag("geodata/includes/map.html")
def map_component(map_id: str, label: str, data_urls, center=None):
    """A map drawing the GeoJSON at `data_urls` (a URL or a list of URLs).

    Put the equivalent list or table right beside it, and include
    `geodata/includes/map_assets.html` in the page's `head` block.
    """
    if isinstance(data_urls, str):
        data_urls = [data_urls]
    return {
        "map_id": map_id,
        "label": label,
        "data_urls": data_urls,
        "center": center,
        "tile_url": getattr(settings, "MAP_TILE_URL", ""),
        "tile_attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
        "marker_icon": static("vendor/leaflet/images/marker-icon.png"),
        "marker_icon_2x": static("vendor/leaflet/images/marker-icon-2x.png"),
        "marker_shadow": static("vendor/leaflet/images/marker-shadow.png"),
    }
