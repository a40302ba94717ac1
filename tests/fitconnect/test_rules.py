"""Metadata against the published schema, destinations, and the reading of event logs."""

import jsonschema
import pytest

from rathaus.eservices.outboxes import DeliveryRefused
from rathaus.fitconnect.destinations import data_schema
from rathaus.fitconnect.events import ACCEPTED, REJECTED, SUBMITTED, outcome_of, retry_makes_sense
from rathaus.fitconnect.metadata import Attachment, metadata_record
from tests.fitconnect.loopback import published_metadata_schema

HEX = "ab" * 64


def test_the_metadata_record_is_valid_against_the_published_schema():
    record = metadata_record(
        service_name="Kindergeld beantragen",
        leika="99041001000000",
        data_sha512=HEX,
        schema_uri="urn:de:rathaus:handover:1",
        attachments=[
            Attachment("6f1ed0c4-6c3d-4b47-9e8e-0c3a6a4e3c11", "KL-2026-000001-receipt.pdf", HEX),
            Attachment("0b9d2f5e-8d47-4e0f-a1e6-2f7e9e0a5d22", "notice-3.pdf", HEX),
            Attachment("5d1c3a7b-2e4f-4a6b-8c9d-1e2f3a4b5c33", "children-7.jpg", HEX),
        ],
    )
    validator = jsonschema.Draft202012Validator(
        published_metadata_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )

    assert list(validator.iter_errors(record)) == []
    assert [entry["purpose"] for entry in record["contentStructure"]["attachments"]] == [
        "form",
        "report",
        "attachment",
    ]
    assert record["contentStructure"]["attachments"][2]["mimeType"] == "image/jpeg"


DESTINATION = {
    "destinationId": "d-1",
    "status": "active",
    "metadataVersions": ["1.0.0"],
    "services": [
        {
            "identifier": "urn:de:fim:leika:leistung:99041001000000",
            "submissionSchemas": [{"schemaUri": "urn:x:1", "mimeType": "application/json"}],
        }
    ],
}


def test_a_destination_must_be_active_serve_the_service_with_json_and_read_metadata_1():
    assert data_schema(DESTINATION, leika="99041001000000") == "urn:x:1"
    for broken, leika in [
        ({**DESTINATION, "status": "inactive"}, "99041001000000"),
        ({**DESTINATION, "metadataVersions": ["2.0.0"]}, "99041001000000"),
        (DESTINATION, "99041002000000"),
    ]:
        with pytest.raises(DeliveryRefused):
            data_schema(broken, leika=leika)


def event(name, submission="s-1", **details):
    return {"sub": f"submission:{submission}", "events": {name: details}}


def test_the_event_log_tells_submitted_accepted_and_rejected_per_submission():
    assert outcome_of([event(SUBMITTED)], submission_id="s-1").submitted
    assert not outcome_of([event(SUBMITTED, "s-2")], submission_id="s-1").submitted
    assert outcome_of([event(SUBMITTED), event(ACCEPTED)], submission_id="s-1").accepted
    rejected = outcome_of(
        [event(REJECTED, problems=[{"type": "https://x/problems/schema-violation"}])],
        submission_id="s-1",
    )
    assert rejected.rejected and not rejected.accepted and rejected.settled


@pytest.mark.parametrize(
    ("kinds", "worth_it"),
    [
        (["technical-error"], True),
        (["encryption-issue"], True),
        (["schema-violation"], False),
        (["technical-error", "hash-mismatch"], False),
        ([], False),
    ],
)
def test_only_rejections_another_attempt_can_cure_are_worth_retrying(kinds, worth_it):
    problems = [{"type": f"https://schema.fitko.de/fit-connect/events/problems/{k}"} for k in kinds]

    assert retry_makes_sense(problems) is worth_it
