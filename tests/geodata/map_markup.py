"""Reading what a page's map component will draw, for tests of the pages that show maps."""

import html
import json
import re


def map_places(page: str, map_id: str) -> list[tuple[str, list[float]]]:
    """The places the map `map_id` draws from its inline GeoJSON: (name, [lon, lat])."""
    found = re.search(rf'id="{map_id}" data-map [^>]*data-points="([^"]*)"', page)
    if found is None:
        return []
    collection = json.loads(html.unescape(found.group(1)))
    return [
        (feature["properties"]["label"], feature["geometry"]["coordinates"])
        for feature in collection["features"]
    ]
