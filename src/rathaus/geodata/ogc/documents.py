"""The JSON documents of OGC API – Features Part 1, built from the layer registry."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _

from rathaus.geodata import crs
from rathaus.geodata.layers import Layer
from rathaus.geodata.ogc.params import ItemsQuery
from rathaus.geodata.snapshots import Snapshot, encode

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
]
CRS84 = crs.CRS84
JSON = "application/json"
GEOJSON = "application/geo+json"
HTML = "text/html"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"


def link(href: str, rel: str, media_type: str, title: str = "") -> dict:
    result = {"href": href, "rel": rel, "type": media_type}
    if title:
        result["title"] = title
    return result


def self_and_alternate(url: str, media_type: str = JSON) -> list[dict]:
    return [
        link(f"{url}?f=json", "self", media_type, _("This document as JSON")),
        link(f"{url}?f=html", "alternate", HTML, _("This document as HTML")),
    ]


def landing(base: str, title: str, description: str) -> dict:
    return {
        "title": title,
        "description": description,
        "links": [
            *self_and_alternate(f"{base}/"),
            link(f"{base}/api", "service-desc", OPENAPI, _("The API definition (OpenAPI 3.0)")),
            link(f"{base}/api?f=html", "service-doc", HTML, _("The API documentation")),
            link(f"{base}/conformance", "conformance", JSON, _("Conformance classes")),
            link(
                f"{base}/conformance",
                "http://www.opengis.net/def/rel/ogc/1.0/conformance",
                JSON,
                _("Conformance classes"),
            ),
            link(f"{base}/collections", "data", JSON, _("Collections")),
            link(
                f"{base}/collections",
                "http://www.opengis.net/def/rel/ogc/1.0/data",
                JSON,
                _("Collections"),
            ),
        ],
    }


def conformance() -> dict:
    return {"conformsTo": CONFORMANCE}


def collection(base: str, layer: Layer, snapshot: Snapshot) -> dict:
    url = f"{base}/collections/{layer.id}"
    document = {
        "id": layer.id,
        "title": layer.title,
        "description": layer.description,
        "itemType": "feature",
        "crs": list(crs.SUPPORTED),
        "storageCrs": CRS84,
        "links": [
            *self_and_alternate(url),
            link(f"{url}/items?f=json", "items", GEOJSON, _("Features as GeoJSON")),
            link(f"{url}/items?f=html", "items", HTML, _("Features as HTML")),
        ],
    }
    if snapshot.bbox is not None:
        document["extent"] = {"spatial": {"bbox": [list(snapshot.bbox)], "crs": CRS84}}
    return document


def collections(base: str, entries: list[tuple[Layer, Snapshot]]) -> dict:
    return {
        "links": self_and_alternate(f"{base}/collections"),
        "collections": [collection(base, layer, snapshot) for layer, snapshot in entries],
    }


def items_query_string(query: ItemsQuery, offset: int, f: str) -> str:
    params = {"f": f, "limit": query.limit, "offset": offset}
    if query.bbox is not None:
        params["bbox"] = ",".join(format(value, "g") for value in query.bbox)
    if query.datetime is not None:
        params["datetime"] = query.datetime
    if query.bbox is not None and query.bbox_crs != CRS84:
        params["bbox-crs"] = query.bbox_crs
    if query.crs != CRS84:
        params["crs"] = query.crs
    return urlencode(params)


def items_links(
    base: str, layer_id: str, query: ItemsQuery, matched: int, media_type: str = GEOJSON
) -> list[dict]:
    url = f"{base}/collections/{layer_id}/items"
    links = [
        link(f"{url}?{items_query_string(query, query.offset, 'json')}", "self", media_type),
        link(f"{url}?{items_query_string(query, query.offset, 'html')}", "alternate", HTML),
        link(f"{base}/collections/{layer_id}", "collection", JSON),
    ]
    if query.offset + query.limit < matched:
        next_offset = query.offset + query.limit
        links.append(
            link(f"{url}?{items_query_string(query, next_offset, 'json')}", "next", media_type)
        )
    if query.offset > 0:
        previous = max(query.offset - query.limit, 0)
        links.append(
            link(f"{url}?{items_query_string(query, previous, 'json')}", "prev", media_type)
        )
    return links


def items_page(snapshot: Snapshot, query: ItemsQuery) -> tuple[list[int], int]:
    """The positions of the features on this page, and how many match in all."""
    area = None if query.bbox is None else crs.area_in_crs84(query.bbox, query.bbox_crs)
    matching = snapshot.matching(area)
    return matching[query.offset : query.offset + query.limit], len(matching)


def items(base: str, layer_id: str, snapshot: Snapshot, query: ItemsQuery) -> bytes:
    """The items response as bytes, joined from the features serialised in the snapshot."""
    page, matched = items_page(snapshot, query)
    encoded = snapshot.encoded_in(query.crs)
    return b"".join(
        (
            b'{"type":"FeatureCollection","features":[',
            b",".join(encoded[position] for position in page),
            b'],"numberMatched":%d,"numberReturned":%d,"links":' % (matched, len(page)),
            encode(items_links(base, layer_id, query, matched)),
            b"}",
        )
    )


def item(base: str, layer_id: str, snapshot: Snapshot, position: int, target=CRS84) -> bytes:
    feature = snapshot.features[position]
    url = f"{base}/collections/{layer_id}/items/{quote(str(feature.id), safe='')}"
    self_query = "f=json" if target == CRS84 else urlencode({"f": "json", "crs": target})
    links = [
        link(f"{url}?{self_query}", "self", GEOJSON),
        link(f"{url}?f=html", "alternate", HTML),
        link(f"{base}/collections/{layer_id}", "collection", JSON),
    ]
    encoded = snapshot.encoded_in(target)[position]
    return encoded[:-1] + b',"links":' + encode(links) + b"}"
