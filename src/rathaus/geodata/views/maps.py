"""Public map pages: the overview, one page per layer, and the map data they draw."""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import parse_etags, urlencode

from rathaus.geodata.layers import Layer, get_layer, layers
from rathaus.geodata.mapsources import archive_available
from rathaus.geodata.snapshots import Snapshot, encode, snapshot


def _center(*snapshots: Snapshot) -> tuple[float, float] | None:
    boxes = [data.bbox for data in snapshots if data.bbox is not None]
    if not boxes:
        return None
    min_x = min(box[0] for box in boxes)
    min_y = min(box[1] for box in boxes)
    max_x = max(box[2] for box in boxes)
    max_y = max(box[3] for box in boxes)
    return (min_x + max_x) / 2, (min_y + max_y) / 2


def _selected(feature, selection: tuple[tuple[str, str], ...]) -> bool:
    return all(str(feature.properties.get(key, "")) == value for key, value in selection)


def _selection(request, layer: Layer) -> tuple[tuple[str, str], ...]:
    """The layer's filters given in the query (`?district=Innenstadt`); empty values select all,
    other parameters are ignored (a list page passes its whole query string)."""
    return tuple((key, request.GET[key]) for key in layer.filters if request.GET.get(key, "") != "")


def _layer_entry(layer: Layer, selection: tuple[tuple[str, str], ...] = ()) -> dict:
    data = snapshot(layer)
    data_url = reverse("geodata:layer_data", args=[layer.id])
    return {
        "layer": layer,
        "features": [feature for feature in data.features if _selected(feature, selection)],
        "snapshot": data,
        "data_url": f"{data_url}?{urlencode(selection)}" if selection else data_url,
        "selection": selection,
    }


def index(request):
    shown = [get_layer(layer_id) for layer_id in ("districts", "places")]
    entries = [_layer_entry(layer) for layer in shown if layer is not None]
    return render(
        request,
        "geodata/index.html",
        {
            "entries": entries,
            "data_urls": [entry["data_url"] for entry in entries],
            "center": _center(*(entry["snapshot"] for entry in entries)),
            "layers": layers(),
        },
    )


def _layer_or_404(layer_id: str) -> Layer:
    layer = get_layer(layer_id)
    if layer is None:
        raise Http404
    return layer


def layer_map(request, layer_id: str):
    layer = _layer_or_404(layer_id)
    entry = _layer_entry(layer, _selection(request, layer))
    return render(
        request,
        "geodata/layer.html",
        {**entry, "center": _center(entry["snapshot"]), "layers": layers()},
    )


def _map_collection(data: Snapshot, selection: tuple[tuple[str, str], ...]) -> bytes:
    return encode(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "id": feature.id,
                    "geometry": feature.geometry,
                    "properties": {"label": feature.label, "url": feature.url},
                }
                for feature in data.features
                if feature.geometry is not None and _selected(feature, selection)
            ],
        }
    )


def layer_data(request, layer_id: str):
    """The layer as GeoJSON for the map: geometry, name (in the page's language) and link;
    narrowed by the layer's filters when the query names them."""
    layer = _layer_or_404(layer_id)
    data = snapshot(layer)
    selection = _selection(request, layer)
    etag = '"map-' + hashlib.sha256(repr((data.tag, selection)).encode()).hexdigest()[:20] + '"'
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponse(status=304)
    else:
        body = data.memoised(("map", selection), lambda: _map_collection(data, selection))
        response = HttpResponse(body, content_type="application/geo+json")
    response["ETag"] = etag
    # Private: the page's language cookie may be set on the same response.
    response["Cache-Control"] = "private, max-age=60"
    return response


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
# The largest part of the archive one request may ask for (PMTiles clients read 16 KiB for the
# header and root directory, then single tiles and leaf directories).
MAX_RANGE_BYTES = 4 * 1024 * 1024


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte of a single `bytes=` range, clipped to the file; None if unusable."""
    match = _RANGE.match(header.strip())
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":  # the last N bytes
        length = int(last)
        return (max(0, size - length), size - 1) if length > 0 and size > 0 else None
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    return (start, end) if start <= end and start < size else None


def basemap_archive(request):
    """The platform's own base map, a PMTiles archive, with HTTP range requests (206)."""
    if not archive_available():
        raise Http404
    path = settings.BASEMAP_ARCHIVE
    status = path.stat()
    size = status.st_size
    etag = f'"basemap-{status.st_mtime_ns:x}-{size:x}"'
    range_header = request.headers.get("Range", "")
    if_range = request.headers.get("If-Range", "")
    if range_header and (not if_range or if_range == etag):
        byte_range = _byte_range(range_header, size)
        if byte_range is None or byte_range[1] - byte_range[0] + 1 > MAX_RANGE_BYTES:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
        else:
            first, last = byte_range
            with path.open("rb") as archive:
                archive.seek(first)
                body = archive.read(last - first + 1)
            response = HttpResponse(body, status=206, content_type="application/vnd.pmtiles")
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
    elif etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponse(status=304)
    else:
        response = FileResponse(path.open("rb"), content_type="application/vnd.pmtiles")
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    # Private: the page's language cookie may be set on the same response.
    response["Cache-Control"] = "private, max-age=300"
    return response
