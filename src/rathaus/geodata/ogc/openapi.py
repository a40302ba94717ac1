"""The OpenAPI 3.0 definition of the OGC API (conformance class oas30)."""

from __future__ import annotations

from rathaus.core.ratelimit import OPENAPI_429
from rathaus.geodata.crs import CRS84, SUPPORTED
from rathaus.geodata.ogc.documents import GEOJSON, HTML, JSON
from rathaus.geodata.ogc.params import (
    DEFAULT_LIMIT,
    MAX_DATETIME,
    MAX_FEATURE_ID,
    MAX_LIMIT,
    MAX_OFFSET,
)

_EXCEPTION = {
    "type": "object",
    "required": ["code"],
    "properties": {"code": {"type": "string"}, "description": {"type": "string"}},
}
_LINK = {
    "type": "object",
    "required": ["href", "rel"],
    "properties": {
        "href": {"type": "string"},
        "rel": {"type": "string"},
        "type": {"type": "string"},
        "title": {"type": "string"},
    },
}
_PARAMETERS = {
    "f": {
        "name": "f",
        "in": "query",
        "description": "The format of the response: json (GeoJSON for features) or html.",
        "required": False,
        "schema": {"type": "string", "enum": ["json", "html"]},
        "style": "form",
        "explode": False,
    },
    "limit": {
        "name": "limit",
        "in": "query",
        "description": f"How many features to return at most (1 to {MAX_LIMIT}; more is a 400).",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
        "style": "form",
        "explode": False,
    },
    "offset": {
        "name": "offset",
        "in": "query",
        "description": "How many matching features to skip (see the next and prev links).",
        "required": False,
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
        "style": "form",
        "explode": False,
    },
    "bbox": {
        "name": "bbox",
        "in": "query",
        "description": "Only features intersecting this box: the minimum of each axis, then the "
        "maximum, in the axis order of bbox-crs (CRS84: min lon, min lat, max lon, max lat; "
        "EPSG:4326: min lat, min lon, max lat, max lon; EPSG:25832: min east, min north, max east, "
        "max north in metres).",
        "required": False,
        "schema": {
            "type": "array",
            "minItems": 4,
            "maxItems": 4,
            "items": {"type": "number", "minimum": -180, "maximum": 180},
        },
        "style": "form",
        "explode": False,
    },
    "crs": {
        "name": "crs",
        "in": "query",
        "description": "The CRS of the coordinates in the response (OGC API – Features Part 2); "
        "the Content-Crs header names it. EPSG:4326 is latitude before longitude.",
        "required": False,
        "schema": {"type": "string", "format": "uri", "enum": list(SUPPORTED), "default": CRS84},
        "style": "form",
        "explode": False,
    },
    "bbox-crs": {
        "name": "bbox-crs",
        "in": "query",
        "description": "The CRS of the bbox parameter (OGC API – Features Part 2).",
        "required": False,
        "schema": {"type": "string", "format": "uri", "enum": list(SUPPORTED), "default": CRS84},
        "style": "form",
        "explode": False,
    },
    "datetime": {
        "name": "datetime",
        "in": "query",
        "description": "An RFC 3339 instant or interval. The layers have no temporal property "
        "yet, so it filters nothing.",
        "required": False,
        "schema": {"type": "string", "maxLength": MAX_DATETIME},
        "style": "form",
        "explode": False,
    },
}


_CONTENT_CRS = {
    "description": "The CRS of the coordinates in the GeoJSON answer, as <URI>.",
    "schema": {"type": "string"},
}


def _responses(schema_ref: str, media_type: str) -> dict:
    success = {
        "description": "Success",
        "content": {
            media_type: {"schema": {"$ref": schema_ref}},
            HTML: {"schema": {"type": "string"}},
        },
    }
    if media_type == GEOJSON:
        success["headers"] = {"Content-Crs": _CONTENT_CRS}
    return {
        "200": success,
        "400": {
            "description": "A query parameter is unknown or invalid",
            "content": {JSON: {"schema": {"$ref": "#/components/schemas/exception"}}},
        },
        "404": {
            "description": "Not found",
            "content": {JSON: {"schema": {"$ref": "#/components/schemas/exception"}}},
        },
        # Every OGC view is rate-limited (`views.ogc_view`).
        "429": OPENAPI_429,
        "500": {
            "description": "An internal error",
            "content": {JSON: {"schema": {"$ref": "#/components/schemas/exception"}}},
        },
        "503": {
            "description": "The database cannot be reached",
            "content": {JSON: {"schema": {"$ref": "#/components/schemas/exception"}}},
        },
    }


def _operation(operation_id: str, summary: str, parameters: list[str], schema: str, media=JSON):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [{"$ref": f"#/components/parameters/{name}"} for name in parameters],
            "responses": _responses(f"#/components/schemas/{schema}", media),
        }
    }


def document(base: str, title: str, description: str, collection_ids: list[str]) -> dict:
    collection_id = {
        "name": "collectionId",
        "in": "path",
        "required": True,
        "description": "The id of a collection.",
        "schema": {"type": "string", "enum": collection_ids},
    }
    feature_id = {
        "name": "featureId",
        "in": "path",
        "required": True,
        "description": "The id of a feature.",
        "schema": {"type": "string", "maxLength": MAX_FEATURE_ID},
    }
    paths = {
        "/": _operation("getLandingPage", "Landing page", ["f"], "landingPage"),
        "/conformance": _operation(
            "getConformanceDeclaration", "Conformance classes", ["f"], "confClasses"
        ),
        "/api": _operation("getAPIDefinition", "This API definition", ["f"], "any"),
        "/collections": _operation("getCollections", "The collections", ["f"], "collections"),
        "/collections/{collectionId}": _operation(
            "describeCollection", "One collection", ["f"], "collection"
        ),
        "/collections/{collectionId}/items": _operation(
            "getFeatures",
            "The features of a collection",
            ["f", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs"],
            "featureCollectionGeoJSON",
            GEOJSON,
        ),
        "/collections/{collectionId}/items/{featureId}": _operation(
            "getFeature", "One feature", ["f", "crs"], "featureGeoJSON", GEOJSON
        ),
    }
    for path, item in paths.items():
        if "{collectionId}" in path:
            item["get"]["parameters"].insert(0, collection_id)
        if "{featureId}" in path:
            item["get"]["parameters"].insert(1, feature_id)
    links = {"type": "array", "items": {"$ref": "#/components/schemas/link"}}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": title,
            "description": description,
            "version": "1.0.0",
        },
        "servers": [{"url": base}],
        "paths": paths,
        "components": {
            "parameters": _PARAMETERS,
            "schemas": {
                "any": {"type": "object"},
                "exception": _EXCEPTION,
                "link": _LINK,
                "landingPage": {
                    "type": "object",
                    "required": ["links"],
                    "properties": {
                        "title": {"type": "string"},
                        "description": {"type": "string"},
                        "links": links,
                    },
                },
                "confClasses": {
                    "type": "object",
                    "required": ["conformsTo"],
                    "properties": {"conformsTo": {"type": "array", "items": {"type": "string"}}},
                },
                "collection": {
                    "type": "object",
                    "required": ["id", "links"],
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "description": {"type": "string"},
                        "itemType": {"type": "string"},
                        "crs": {"type": "array", "items": {"type": "string"}},
                        "storageCrs": {"type": "string", "format": "uri"},
                        "extent": {"type": "object"},
                        "links": links,
                    },
                },
                "collections": {
                    "type": "object",
                    "required": ["links", "collections"],
                    "properties": {
                        "links": links,
                        "collections": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/collection"},
                        },
                    },
                },
                "featureGeoJSON": {
                    "type": "object",
                    "required": ["type", "geometry", "properties"],
                    "properties": {
                        "type": {"type": "string", "enum": ["Feature"]},
                        "id": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
                        "geometry": {"type": "object", "nullable": True},
                        "properties": {"type": "object", "nullable": True},
                        "links": links,
                    },
                },
                "featureCollectionGeoJSON": {
                    "type": "object",
                    "required": ["type", "features"],
                    "properties": {
                        "type": {"type": "string", "enum": ["FeatureCollection"]},
                        "features": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/featureGeoJSON"},
                        },
                        "numberMatched": {"type": "integer", "minimum": 0},
                        "numberReturned": {"type": "integer", "minimum": 0},
                        "links": links,
                    },
                },
            },
        },
    }
