"""The standing fuzz check: schemathesis over both OpenAPI documents, anonymous and with a token.

Every generated request, valid and invalid (positive and negative generation), must be answered
without a 5xx, and every answer must match the schema its operation documents. Bounded in
examples per operation so that the whole check takes a minute or two on the 2-core CI machine.
"""

import pytest
import schemathesis
from django.core.signals import request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from rathaus.accounts.tokens import api_token_create
from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.services import districts_replace
from rathaus.wsgi import application
from tests.geodata.shared_data import districts_file

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(600)]

EXAMPLES = 8
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
DOCUMENTS = {"platform": "/api/v1/openapi.json", "ogc": "/ogc/api?f=json"}


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the WSGI handler would close the connection that holds the
    test's transaction at each request start (PostgreSQL: "the connection is closed")."""
    request_started.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _districts(db):
    """With the city's districts, so that point-in-district has something to answer."""
    districts_replace(boundaries=parse_boundaries(districts_file().read_text()), source="test")


def fuzz(document: str, headers: dict[str, str] | None = None) -> None:
    schema = schemathesis.openapi.from_wsgi(DOCUMENTS[document], application)
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def run(case):
                case.call_and_validate(checks=CHECKS, headers=headers)

            try:
                run()
            except Unsatisfiable:
                # No invalid request exists for an operation without parameters or body.
                assert mode is GenerationMode.NEGATIVE, operation.label


def test_platform_api_anonymous():
    fuzz("platform")


def test_ogc_api_anonymous():
    # The fuzzer's WSGI client does not unpack gzip, which the OGC API sends to clients asking.
    fuzz("ogc", {"Accept-Encoding": "identity"})


def test_platform_api_with_a_citizen_token(citizen):
    token = api_token_create(user=citizen, name="fuzz")

    fuzz("platform", {"Authorization": f"Bearer {token}"})
