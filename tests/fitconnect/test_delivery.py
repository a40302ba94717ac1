"""A child-benefit hand-over through the FIT-Connect outbox to the loopback destination."""

import io
import json
import shutil
import subprocess
from datetime import timedelta

import jsonschema
import pytest
from django.db import transaction
from django.utils import timezone
from pypdf import PdfReader

from rathaus.core.models import AuditEntry
from rathaus.eservices.outboxes import outbox_choices
from rathaus.eservices.services.handoff import deliveries_retry_due, delivery_attempt
from rathaus.eservices.tasks import process_submission
from rathaus.fitconnect.models import Transfer
from tests.core.test_html_validity import VNU
from tests.factories import sign_in
from tests.fitconnect.loopback import DESTINATION_ID, HANG, Keys, published_metadata_schema

pytestmark = pytest.mark.django_db

LATER = timedelta(hours=7)


def run(delivery, times=1):
    for _ in range(times):
        delivery = delivery_attempt(delivery=delivery)
    return delivery


def sent(case, peer):
    """Announce and submit (two durable steps); the one submission the peer received."""
    delivery = run(case.deliveries.get(), times=2)
    [submission] = peer.submissions.values()
    return delivery, submission.submission_id


def test_the_hand_over_arrives_decrypted_valid_and_intact_and_is_confirmed(handed_over, fitconnect):
    delivery, submission_id = sent(handed_over, fitconnect)

    metadata, data, files = fitconnect.receive(submission_id)
    validator = jsonschema.Draft202012Validator(
        published_metadata_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(metadata)) == []
    assert metadata["publicServiceType"]["identifier"] == "urn:de:fim:leika:leistung:99041001000000"
    assert data["reference"] == handed_over.reference
    assert data["childbenefit"]["applicant"]["tax_id"] == "36574261809"
    assert data["childbenefit"]["children"][0]["qualifying_periods"][0]["evidence"] == (
        "bescheinigung.pdf"
    )
    purposes = {
        entry["filename"]: entry["purpose"] for entry in metadata["contentStructure"]["attachments"]
    }
    receipt = f"{handed_over.reference}-receipt.pdf"
    assert purposes[receipt] == "form"
    assert "report" in purposes.values() and "attachment" in purposes.values()
    assert len(PdfReader(io.BytesIO(files[receipt])).pages) >= 1
    assert delivery.status == "pending"

    fitconnect.accept(submission_id)
    delivery = run(delivery)

    assert delivery.status == "delivered"
    assert Transfer.objects.get().state == "accepted"
    assert fitconnect.count("POST", "/v1/submissions") == 1
    assert fitconnect.count("POST", "/token") == 1


def test_the_worker_announces_and_submits_in_one_run_then_waits_for_the_destination(
    handed_over, fitconnect
):
    process_submission.call(handed_over.pk)

    delivery = handed_over.deliveries.get()
    [submission] = fitconnect.submissions.values()
    assert submission.submitted
    assert (delivery.status, delivery.attempts) == ("pending", 0)
    assert delivery.next_attempt_at > timezone.now()


def test_the_destination_is_configured_per_service_without_routing(
    handed_over, fitconnect, settings
):
    settings.FIT_CONNECT_ROUTING_URL = ""
    settings.FIT_CONNECT_DESTINATIONS = {"99041001000000": DESTINATION_ID}

    sent(handed_over, fitconnect)

    assert fitconnect.count("GET", "/v1/routes") == 0
    assert Transfer.objects.get().destination_id == DESTINATION_ID


def test_an_acceptance_not_signed_by_the_destination_counts_for_nothing(handed_over, fitconnect):
    delivery, submission_id = sent(handed_over, fitconnect)

    fitconnect.forge_acceptance(submission_id)
    delivery = run(delivery)

    assert delivery.status == "pending"
    assert Transfer.objects.get().state == "submitted"


def test_an_acceptance_of_other_content_counts_for_nothing(handed_over, fitconnect):
    delivery, submission_id = sent(handed_over, fitconnect)

    fitconnect.accept(submission_id, tags={"metadata": "x", "data": "y", "attachments": {}})
    delivery = run(delivery)

    assert delivery.status == "pending"
    assert Transfer.objects.get().state == "submitted"


def test_a_schema_rejection_shows_for_the_clerk_and_is_not_sent_again(
    handed_over, fitconnect, family_clerk, client
):
    delivery, submission_id = sent(handed_over, fitconnect)
    fitconnect.reject(submission_id, "schema-violation")

    delivery = run(delivery)
    deliveries_retry_due(now=timezone.now() + LATER)

    delivery.refresh_from_db()
    assert delivery.status == "failed"
    sign_in(client, family_clerk)
    page = client.get(f"/backoffice/services/cases/{handed_over.reference}/").content.decode()
    assert "Problem: schema-violation" in page
    assert "Ein erneutes Senden würde nichts ändern" in page
    assert "Erneut senden" not in page
    response = client.post(
        f"/backoffice/services/cases/{handed_over.reference}/deliveries/{delivery.pk}/retry/"
    )
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert fitconnect.count("POST", "/v1/submissions") == 1


def test_a_technical_rejection_may_be_sent_again_by_the_clerk_as_the_same_case(
    handed_over, fitconnect, family_clerk, client
):
    delivery, submission_id = sent(handed_over, fitconnect)
    fitconnect.reject(submission_id, "technical-error")
    run(delivery)
    sign_in(client, family_clerk)
    page = client.get(f"/backoffice/services/cases/{handed_over.reference}/").content.decode()
    assert "Erneut senden" in page

    client.post(
        f"/backoffice/services/cases/{handed_over.reference}/deliveries/{delivery.pk}/retry/"
    )
    deliveries_retry_due(now=timezone.now() + LATER)
    deliveries_retry_due(now=timezone.now() + LATER)

    first, second = Transfer.objects.order_by("pk")
    assert (first.state, second.state) == ("rejected", "submitted")
    assert first.fit_case_id == second.fit_case_id
    assert AuditEntry.objects.filter(action="eservices.delivery.retry", actor=family_clerk).exists()


def test_a_transient_503_is_retried_later_and_sends_once(handed_over, fitconnect):
    delivery = run(handed_over.deliveries.get())
    fitconnect.faults.append(("PUT", "/v1/submissions/", 503))

    delivery = run(delivery)
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert "503" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now()

    deliveries_retry_due(now=timezone.now() + LATER)

    [submission] = fitconnect.submissions.values()
    assert submission.submitted
    assert Transfer.objects.get().state == "submitted"


def test_a_timeout_is_retried_later_and_sends_once(handed_over, fitconnect, settings):
    settings.FIT_CONNECT_TIMEOUT = 0.5
    delivery = run(handed_over.deliveries.get())
    fitconnect.faults.append(("PUT", "/v1/submissions/", HANG))

    delivery = run(delivery)
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert "Timeout" in delivery.last_error

    deliveries_retry_due(now=timezone.now() + LATER)

    assert [s.submitted for s in fitconnect.submissions.values()] == [True]


def test_a_crash_after_the_submit_resumes_without_a_second_submission(handed_over, fitconnect):
    delivery = run(handed_over.deliveries.get())  # announced, committed

    class Crash(Exception):
        pass

    with pytest.raises(Crash), transaction.atomic():
        run(delivery)  # the peer received the submit ...
        raise Crash  # ... but the process died before its transaction committed

    transfer = Transfer.objects.get()
    assert transfer.state == "announced"
    delivery = run(delivery)

    transfer.refresh_from_db()
    assert transfer.state == "submitted"
    assert fitconnect.count("POST", "/v1/submissions") == 1
    assert (
        fitconnect.count("PUT", f"/v1/submissions/{transfer.submission_id}")
        == len(transfer.attachments) + 1
    )
    assert delivery.status == "pending"


def test_a_crash_between_announce_and_submit_resumes_the_same_submission(handed_over, fitconnect):
    delivery = run(handed_over.deliveries.get())
    announced = Transfer.objects.get().submission_id

    delivery = run(delivery)

    assert list(fitconnect.submissions) == [announced]
    assert fitconnect.submissions[announced].submitted


def test_switched_off_it_is_not_offered_and_refuses(handed_over, settings):
    settings.FIT_CONNECT_ENABLED = False

    delivery = run(handed_over.deliveries.get())

    assert "fitconnect" not in dict(outbox_choices())
    assert delivery.status == "failed"
    assert "FIT_CONNECT_ENABLED" in delivery.last_error


def test_a_key_without_a_trusted_chain_is_not_used(handed_over, fitconnect, settings, tmp_path):
    other = tmp_path / "other.pem"

    other.write_bytes(Keys.make(bits=2048).root_pem)
    settings.FIT_CONNECT_TRUST_ANCHORS = str(other)

    delivery = run(handed_over.deliveries.get(), times=2)

    assert delivery.status == "failed"
    assert "trusted anchor" in delivery.last_error
    assert not next(iter(fitconnect.submissions.values())).attachments


def test_the_clerk_reads_the_state_in_english_too(handed_over, fitconnect, family_clerk, client):
    sent(handed_over, fitconnect)
    sign_in(client, family_clerk)

    page = client.get(f"/en/backoffice/services/cases/{handed_over.reference}/").content.decode()

    assert "FIT-Connect: submitted on" in page
    assert "waiting for the destination to confirm receipt" in page
    assert "Empfangsbestätigung" not in page


@pytest.mark.skipif(shutil.which("java") is None or not VNU.exists(), reason="needs Java and vnu")
def test_the_case_page_with_the_state_and_the_button_is_valid_html(
    handed_over, fitconnect, family_clerk, client, tmp_path
):
    delivery, submission_id = sent(handed_over, fitconnect)
    fitconnect.reject(submission_id, "technical-error")
    run(delivery)
    sign_in(client, family_clerk)
    page = tmp_path / "case.html"
    page.write_bytes(client.get(f"/backoffice/services/cases/{handed_over.reference}/").content)

    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", str(page)],
        capture_output=True,
        text=True,
        check=True,
    )

    assert [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"] == []
