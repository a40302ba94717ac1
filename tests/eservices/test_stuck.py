"""Stuck submissions: listed for the department's staff with an audited retry, and counted as a
Prometheus metric."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from prometheus_client import REGISTRY

from rathaus.core.models import AuditEntry
from rathaus.eservices.models import Case
from rathaus.eservices.selectors.stuck import stuck_cases
from rathaus.eservices.tasks import process_submission
from tests.eservices.factories import ServiceFactory
from tests.factories import StaffFactory, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def stuck(make_case):
    """A case whose worker died before the processing finished, an hour ago."""
    case = make_case()
    Case.objects.filter(pk=case.pk).update(
        processed_at=None, submitted_at=timezone.now() - timedelta(hours=1)
    )
    return case


def test_a_submission_is_stuck_once_its_processing_is_late(make_case, settings):
    settings.ESERVICES_STUCK_AFTER_MINUTES = 30
    fresh = make_case()
    Case.objects.filter(pk=fresh.pk).update(processed_at=None)
    late = make_case()
    Case.objects.filter(pk=late.pk).update(
        processed_at=None, submitted_at=timezone.now() - timedelta(minutes=31)
    )
    processed = make_case()
    Case.objects.filter(pk=processed.pk).update(
        processed_at=timezone.now(), submitted_at=timezone.now() - timedelta(days=1)
    )

    assert list(stuck_cases()) == [late]


def test_the_metric_counts_the_stuck_submissions(stuck):
    assert REGISTRY.get_sample_value("rathaus_stuck_submissions") == 1.0


def test_staff_of_the_department_see_it_and_retry_it_once(
    client, stuck, tax_clerk, django_capture_on_commit_callbacks
):
    sign_in(client, tax_clerk)
    page = client.get("/backoffice/services/stuck/")
    assert stuck.reference in page.content.decode()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/backoffice/services/stuck/{stuck.reference}/retry/")

    assert response.status_code == 302
    stuck.refresh_from_db()
    assert stuck.processed_at is not None
    assert AuditEntry.objects.filter(action="eservices.case.retry_processing").count() == 1
    # The lost task never sent the confirmation: the retry sends it, once.
    assert len(mail.outbox) == 1
    Case.objects.filter(pk=stuck.pk).update(processed_at=None)
    process_submission.call(stuck.pk)
    assert len(mail.outbox) == 1
    Case.objects.filter(pk=stuck.pk).update(processed_at=timezone.now())
    assert REGISTRY.get_sample_value("rathaus_stuck_submissions") == 0.0
    again = client.post(f"/backoffice/services/stuck/{stuck.reference}/retry/", follow=True)
    assert "nicht mehr" in again.content.decode()
    assert AuditEntry.objects.filter(action="eservices.case.retry_processing").count() == 1


def test_staff_of_another_department_can_neither_see_nor_retry_it(client, stuck, family_office):
    other = StaffFactory(email="clerk.other@example.org", with_totp=True, unit=family_office)
    ServiceFactory(unit=family_office, slug="other-service")
    sign_in(client, other)

    assert stuck.reference not in client.get("/backoffice/services/stuck/").content.decode()
    assert client.post(f"/backoffice/services/stuck/{stuck.reference}/retry/").status_code == 403
    assert not AuditEntry.objects.filter(action="eservices.case.retry_processing").exists()
