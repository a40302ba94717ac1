"""Every rate-limited operation states its 429 (JSON error, Retry-After) in its OpenAPI document.

The rate-limited operations come from the code: an API view marked by `core.api.limited`
(or wrapped by `core.ratelimit.rate_limited`) carries `rate_limit_scope`.
"""

import inspect
import re

import pytest
from django.urls import resolve

from rathaus.api import api

pytestmark = pytest.mark.django_db


def _operations():
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                yield prefix + path, operation


def _scope(func) -> str | None:
    while func is not None:
        if scope := getattr(func, "rate_limit_scope", None):
            return scope
        func = getattr(func, "__wrapped__", None)
    return None


def _assert_429(responses: dict, where: str) -> None:
    assert "429" in responses, f"{where} is rate-limited but its OpenAPI lists no 429"
    answer = responses["429"]
    assert "Retry-After" in answer["headers"], where
    schema = answer["content"]["application/json"]["schema"]
    assert schema["properties"]["detail"]["type"] == "string", where


def test_every_rate_limited_api_operation_lists_429(client):
    document = client.get("/api/v1/openapi.json").json()
    by_id = {
        operation["operationId"]: operation
        for item in document["paths"].values()
        for operation in item.values()
    }
    limited = {}
    for path, operation in _operations():
        source = inspect.getsource(operation.view_func)
        # Marked by `limited`, or limited through `decorate_view(rate_limited(...))`.
        scope = _scope(operation.view_func) or _scope(operation.run)
        if re.search(r"\brate_limit\(", source):
            assert scope, f"{path} counts a rate limit but is not marked with @limited"
        if scope:
            operation_id = operation.operation_id or api.get_openapi_operation_id(operation)
            limited[path] = scope
            _assert_429(by_id[operation_id]["responses"], path)
    # The registry is not empty by accident: the known limited operations are in it.
    assert {
        "/childbenefit/quote",
        "/dogtax/quote",
        "/geodata/locate",
        "/polls/{poll_id}/ballots",
        "/proposals",
        "/proposals/{proposal_id}/comments",
    } <= set(limited)


def test_every_ogc_operation_lists_429(client):
    document = client.get("/ogc/api?f=json").json()
    base = "/ogc"
    checked = 0
    for path, item in document["paths"].items():
        concrete = path.replace("{collectionId}", "districts").replace("{featureId}", "1")
        view = resolve(base + concrete).func
        if _scope(view):
            for method, operation in item.items():
                _assert_429(operation["responses"], f"{method.upper()} {path}")
                checked += 1
    assert checked == len(document["paths"])
