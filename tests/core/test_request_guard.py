"""Hostile requests: every failure on a machine path is a 4xx/5xx in that path's JSON format."""

import json

import pytest
from django.db import OperationalError
from django.test import override_settings

pytestmark = pytest.mark.django_db

QUOTE = "/api/v1/childbenefit/quote"


def assert_api_error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    return body


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/services?q=%00",
        "/api/v1/projects?status=%00",
        "/api/v1/services/%00",
        "/api/v1/services?q=%ff%fe",
        "/api/v1/services/%c3%28",
    ],
)
def test_null_bytes_and_invalid_utf8_in_path_or_query_are_400_json(client, path):
    assert_api_error(client.get(path), 400)


def test_null_byte_on_a_page_is_a_400_page(client):
    response = client.get("/en/votes/?process=%00")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert b"<html" in response.content


def test_null_byte_in_a_header_is_400(client):
    assert_api_error(client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer rh_\x00"), 400)


@pytest.mark.parametrize(
    "body",
    [
        b'{"year": 2026, "dogs": [{"ref": "A\\u0000", "kept_since": "2026-01-01"}]}',
        b'{"year": 2026, "dogs": [{"ref": "\\ud800", "kept_since": "2026-01-01"}]}',
        b'{"year": 2026, "dogs": [{"ref": "\xff", "kept_since": "2026-01-01"}]}',
        b'{"year": 2026, "dogs": [{"ref": "\x00", "kept_since": "2026-01-01"}]}',
    ],
)
def test_null_bytes_and_invalid_unicode_in_a_json_body_are_400(client, body):
    response = client.post("/api/v1/dogtax/quote", body, content_type="application/json")

    assert_api_error(response, 400)


def test_a_paired_surrogate_escape_is_fine(client):
    body = b'{"year": 2026, "dogs": [{"ref": "\\ud83d\\udc15", "kept_since": "2026-01-01"}]}'

    response = client.post("/api/v1/dogtax/quote", body, content_type="application/json")

    assert response.status_code == 200
    assert response.json()["dogs"][0]["ref"] == "\U0001f415"


def test_null_byte_in_a_form_body_is_400(client):
    response = client.post(
        "/en/votes/", "process=%00", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400


def test_an_oversized_json_body_is_413_json_before_it_is_read(client, settings):
    children = [{"ref": str(n), "born_on": "2010-01-01"} for n in range(15_000)]
    body = json.dumps(
        {"application_received_on": "2026-01-10", "until": "2026-12", "children": children}
    )
    assert len(body) > settings.API_MAX_BODY_BYTES

    assert_api_error(client.post(QUOTE, body, content_type="application/json"), 413)


def test_an_oversized_body_on_a_page_is_a_413_page(client, settings):
    settings.MAX_REQUEST_BODY_BYTES = 1000
    response = client.post("/en/votes/", {"x": "y" * 2000})

    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")


def test_a_form_body_above_the_memory_limit_is_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(
        "/en/votes/", "x=" + "y" * 2000, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        (
            {"application_received_on": "0001-01-01", "until": "9999-12", "children": []},
            {"application_received_on", "until"},
        ),
        (
            {
                "application_received_on": "2026-01-10",
                "until": "2026-12",
                "children": [{"ref": "A", "born_on": "1066-10-14"}],
            },
            {"children[0].born_on"},
        ),
        (
            {
                "application_received_on": "1997-01-10",
                "until": "2060-12",
                "children": [{"ref": "A", "born_on": "1990-01-01"}],
            },
            {"until"},
        ),
    ],
)
def test_childbenefit_quote_dates_outside_the_rules_are_422_with_a_field_message(
    client, body, fields
):
    response = client.post(
        QUOTE, json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE="de"
    )

    errors = assert_api_error(response, 422)["errors"]
    assert fields <= {error["field"] for error in errors}
    assert all(error["message"] for error in errors)


def test_childbenefit_extreme_dates_speak_german(client):
    body = {"application_received_on": "0001-01-01", "until": "2026-12", "children": []}

    response = client.post(
        QUOTE, json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE="de"
    )

    messages = {error["field"]: error["message"] for error in response.json()["errors"]}
    assert "01.01.1900" in messages["application_received_on"]
    assert "Datum" in messages["application_received_on"]


@pytest.mark.parametrize(
    "dog",
    [
        {"ref": "A", "kept_since": "0001-01-01"},
        {"ref": "A", "kept_since": "2026-01-01", "given_up_on": "9999-12-31"},
    ],
)
def test_dogtax_quote_extreme_dates_are_422(client, dog):
    body = {"year": 2026, "dogs": [dog]}

    response = client.post(
        "/api/v1/dogtax/quote", json.dumps(body), content_type="application/json"
    )

    errors = assert_api_error(response, 422)["errors"]
    assert errors[0]["field"].startswith("dogs[0].")


def test_lists_beyond_their_maximum_are_422(client):
    children = [{"ref": str(n), "born_on": "2010-01-01"} for n in range(21)]
    body = {"application_received_on": "2026-01-10", "until": "2026-12", "children": children}

    response = client.post(QUOTE, json.dumps(body), content_type="application/json")

    assert assert_api_error(response, 422)["errors"][0]["field"] == "children"


def test_unlisted_methods_are_405(client):
    response = client.generic("TRACE", "/api/v1/services")
    assert_api_error(response, 405)
    assert response.has_header("Allow")
    assert client.generic("TRACE", "/en/").status_code == 405


def test_a_method_the_endpoint_does_not_serve_is_405_json(client):
    response = client.delete(QUOTE)

    assert_api_error(response, 405)


def test_unknown_api_path_is_404_json(client):
    assert_api_error(client.get("/api/v1/no-such-thing"), 404)


@pytest.mark.parametrize("method", ["TRACE", "POST", "PUT", "DELETE"])
def test_ogc_serves_only_reading_methods(client, method):
    response = client.generic(method, "/ogc/collections")

    assert response.status_code == 405
    assert response.json()["code"] == "MethodNotAllowed"


def test_ogc_limit_above_the_maximum_is_400(client):
    response = client.get("/ogc/collections/districts/items?limit=10001")

    assert response.status_code == 400
    assert response.json()["code"] == "InvalidParameterValue"
    document = client.get("/ogc/api?f=json").json()
    assert document["components"]["parameters"]["limit"]["schema"]["maximum"] == 10_000


def _database_down(*args, **kwargs):
    raise OperationalError("connection refused")


def test_a_database_outage_is_503_json(client, monkeypatch):
    client.raise_request_exception = False
    from django.db.backends.base.base import BaseDatabaseWrapper

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", _database_down)

    assert_api_error(client.get("/api/v1/services"), 503)


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_a_crashing_view_is_500_json(client, monkeypatch):
    from rathaus.eservices import api as eservices_api

    client.raise_request_exception = False

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(eservices_api, "service_search", crash)
    response = client.get("/api/v1/services")

    body = assert_api_error(response, 500)
    assert "boom" not in body["detail"]
