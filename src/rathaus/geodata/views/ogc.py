"""OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) over the layer registry.

JSON answers carry a strong ETag and are public for a minute; a conditional request with a
matching If-None-Match gets 304 without a body. Feature data is built once per layer version
(see `snapshots`), so an items request costs at most one version query (none within
GEODATA_VERSION_TTL, see `versions`) plus joining bytes.
"""

from __future__ import annotations

import gzip
import hashlib
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import parse_etags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rathaus.core.guard import compute_slot
from rathaus.core.municipality import municipality
from rathaus.core.ratelimit import rate_limited
from rathaus.geodata.layers import get_layer, layers
from rathaus.geodata.ogc import documents, openapi
from rathaus.geodata.ogc.params import (
    COMMON,
    ITEM,
    MAX_FEATURE_ID,
    SAFE_METHODS,
    ItemsQuery,
    OgcError,
    check_known,
    parse_crs,
    parse_format,
    parse_items,
)
from rathaus.geodata.snapshots import encode, snapshot

CACHE_CONTROL = "public, max-age=60"


def ogc_view(view):
    """Only reading methods; answer OgcError as an OGC exception document."""

    @rate_limited("geodata", methods=None)
    def wrapper(request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            response = JsonResponse(
                {"code": "MethodNotAllowed", "description": _("This method is not allowed here.")},
                status=405,
            )
            response["Allow"] = ", ".join(SAFE_METHODS)
            return response
        try:
            return view(request, *args, **kwargs)
        except OgcError as error:
            return JsonResponse(
                {"code": error.code, "description": error.description}, status=error.status
            )

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def not_found(description: str) -> OgcError:
    return OgcError(404, "NotFound", description)


def _base(request) -> str:
    return request.build_absolute_uri(reverse("ogc:landing")).rstrip("/")


def _wants_html(request, f: str | None) -> bool:
    if f is not None:
        return f == "html"
    preferred = request.get_preferred_type(
        [documents.GEOJSON, documents.JSON, documents.OPENAPI, documents.HTML]
    )
    return preferred == documents.HTML


def _common(request) -> bool:
    check_known(request.GET, COMMON)
    return _wants_html(request, parse_format(request.GET))


def _accepts_gzip(request) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "")


def _cached_json(request, body, tag: str, media_type: str, *, compressed=None) -> HttpResponse:
    """A JSON answer with a strong ETag; 304 when the client has this version already.

    `compressed` (optional) produces the gzip-compressed body, served to clients that accept it
    (with its own ETag, as a representation of its own).
    """
    gzipped = compressed is not None and _accepts_gzip(request)
    etag = f'"{tag}-gz"' if gzipped else f'"{tag}"'
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(compressed() if gzipped else body(), content_type=media_type)
        if gzipped:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response["Vary"] = "Accept, Accept-Encoding, Accept-Language"
    return response


def _memoised_json(request, data, key, produce, media_type: str) -> HttpResponse:
    """_cached_json for a document built from a snapshot, memoised on it (plain and gzip)."""

    def body() -> bytes:
        return data.memoised(key, produce)

    return _cached_json(
        request,
        body,
        _tag(key, data.tag),
        media_type,
        compressed=lambda: data.memoised((*key, "gzip"), lambda: gzip.compress(body(), 6)),
    )


def _tag(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


def _title() -> str:
    return _("Geodata of %(city)s") % {"city": municipality().name}


def _description() -> str:
    return _(
        "Districts, places and other layers of %(city)s as OGC API – Features (GeoJSON, HTML)."
    ) % {"city": municipality().name}


def _page(request, template: str, context: dict, json_href: str):
    context = {"json_href": json_href, **context}
    response = render(request, template, context)
    response["Vary"] = "Accept, Accept-Language, Cookie"
    return response


@ogc_view
def landing(request):
    html = _common(request)
    base = _base(request)
    document = documents.landing(base, _title(), _description())
    if html:
        return _page(request, "geodata/ogc/landing.html", {"document": document}, f"{base}/?f=json")
    tag = _tag("landing", base, get_language(), document["title"])
    return _cached_json(request, lambda: encode(document), tag, documents.JSON)


@ogc_view
def conformance(request):
    html = _common(request)
    document = documents.conformance()
    if html:
        return _page(
            request,
            "geodata/ogc/conformance.html",
            {"document": document},
            f"{_base(request)}/conformance?f=json",
        )
    return _cached_json(request, lambda: encode(document), _tag("conformance"), documents.JSON)


@ogc_view
def api_definition(request):
    html = _common(request)
    base = _base(request)
    ids = [layer.id for layer in layers()]
    if html:
        return _page(
            request,
            "geodata/ogc/api.html",
            {"layers": layers(), "base": base},
            f"{base}/api?f=json",
        )
    document = openapi.document(base, _title(), _description(), ids)
    tag = _tag("api", base, get_language(), ids)
    return _cached_json(request, lambda: encode(document), tag, documents.OPENAPI)


def _entries():
    return [(layer, snapshot(layer, settings.LANGUAGE_CODE)) for layer in layers()]


@ogc_view
def collections(request):
    html = _common(request)
    base = _base(request)
    entries = _entries()
    if html:
        return _page(
            request,
            "geodata/ogc/collections.html",
            {"entries": entries, "base": base},
            f"{base}/collections?f=json",
        )
    tag = _tag(
        "collections", base, get_language(), [(layer.id, data.tag) for layer, data in entries]
    )
    return _cached_json(
        request, lambda: encode(documents.collections(base, entries)), tag, documents.JSON
    )


def _layer_or_404(collection_id: str):
    layer = get_layer(collection_id)
    if layer is None:
        raise not_found(_("There is no collection %(id)s.") % {"id": collection_id})
    return layer


@ogc_view
def collection(request, collection_id: str):
    layer = _layer_or_404(collection_id)
    html = _common(request)
    base = _base(request)
    data = snapshot(layer, settings.LANGUAGE_CODE)
    if html:
        return _page(
            request,
            "geodata/ogc/collection.html",
            {"layer": layer, "snapshot": data, "base": base},
            f"{base}/collections/{layer.id}?f=json",
        )
    tag = _tag("collection", base, get_language(), layer.id, data.tag)
    return _cached_json(
        request, lambda: encode(documents.collection(base, layer, data)), tag, documents.JSON
    )


@ogc_view
def items(request, collection_id: str):
    layer = _layer_or_404(collection_id)
    query = parse_items(request.GET)
    html = _wants_html(request, parse_format(request.GET))
    base = _base(request)
    with compute_slot():
        return _items_json_or_page(request, layer, query, base, html)


def _items_json_or_page(request, layer, query: ItemsQuery, base: str, html: bool):
    if html:
        return _items_page(request, layer, query, base)
    data = snapshot(layer, settings.LANGUAGE_CODE)
    response = _memoised_json(
        request,
        data,
        ("items", base, query),
        lambda: documents.items(base, layer.id, data, query),
        documents.GEOJSON,
    )
    return _with_content_crs(response, query.crs)


def _with_content_crs(response: HttpResponse, crs: str) -> HttpResponse:
    """Name the CRS of the coordinates (OGC API – Features Part 2, /req/crs/ogc-crs-header)."""
    response["Content-Crs"] = f"<{crs}>"
    return response


def _items_page(request, layer, query: ItemsQuery, base: str):
    data = snapshot(layer)
    page, matched = documents.items_page(data, query)
    links = documents.items_links(base, layer.id, query, matched)
    return _page(
        request,
        "geodata/ogc/items.html",
        {
            "layer": layer,
            "features": [data.features[position] for position in page],
            "matched": matched,
            "query": query,
            "first": query.offset + 1,
            "last": query.offset + len(page),
            "next_href": _html_link(links, "next"),
            "prev_href": _html_link(links, "prev"),
            "base": base,
        },
        _html_link(links, "self", html=False),
    )


def _html_link(links: list[dict], rel: str, *, html: bool = True) -> str | None:
    for item in links:
        if item["rel"] == rel:
            return item["href"].replace("f=json", "f=html") if html else item["href"]
    return None


@ogc_view
def item(request, collection_id: str, feature_id: str):
    layer = _layer_or_404(collection_id)
    check_known(request.GET, ITEM)
    html = _wants_html(request, parse_format(request.GET))
    target = parse_crs(request.GET)
    base = _base(request)
    data = snapshot(layer, None if html else settings.LANGUAGE_CODE)
    position = data.position(feature_id) if len(feature_id) <= MAX_FEATURE_ID else None
    if position is None:
        raise not_found(
            _("There is no feature %(feature)s in %(collection)s.")
            % {"feature": feature_id, "collection": layer.id}
        )
    if html:
        feature = data.features[position]
        return _page(
            request,
            "geodata/ogc/item.html",
            {"layer": layer, "feature": feature, "base": base},
            f"{base}/collections/{layer.id}/items/{quote(str(feature.id), safe='')}?f=json",
        )
    response = _memoised_json(
        request,
        data,
        ("item", base, position, target),
        lambda: documents.item(base, layer.id, data, position, target),
        documents.GEOJSON,
    )
    return _with_content_crs(response, target)
