"""Handing cases over to specialist systems, with retries that never duplicate a case.

Each (case, outbox) pair has one Delivery row. An attempt locks that row, gives the outbox the
parcel and records the result; a failed attempt is tried again later with growing pauses, up to
ESERVICES_DELIVERY_ATTEMPTS times. Outboxes are idempotent by case reference. An outbox may
refuse for good (`DeliveryRefused`: failed at once) or report a delivery underway
(`DeliveryUnderway`: still pending, looked at again later, not counted as a failed attempt).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.eservices import conf
from rathaus.eservices.handlers import handler_for
from rathaus.eservices.models import Case, CaseEvent, Delivery
from rathaus.eservices.models.cases import EventKind
from rathaus.eservices.models.handoff import DeliveryStatus
from rathaus.eservices.outboxes import (
    DeliveryRefused,
    DeliveryUnderway,
    Parcel,
    outbox_for,
)
from rathaus.eservices.selectors.handoff import attempts_due

logger = logging.getLogger(__name__)


def parcel_for(case: Case) -> Parcel:
    """The case as handed over: its data as JSON and its documents (receipt, notices, uploads)."""
    data = {
        "reference": case.reference,
        "service": {"leika": case.service.leika, "slug": case.service.slug},
        "department": case.unit.slug,
        "form_version": case.form_version.number,
        "submitted_at": case.submitted_at.isoformat(),
        "status": case.status,
        "language": case.language,
        "applicant": {
            "name": case.applicant_name,
            "email": case.applicant.email if case.applicant else "",
        },
        "answers": case.answers,
        **handler_for(case.service).delivery_payload(case=case),
    }
    documents = []
    if case.receipt:
        with case.receipt.open("rb") as handle:
            documents.append((f"{case.reference}-receipt.pdf", handle.read()))
    for upload in case.uploads.filter(message__isnull=True):
        with upload.file.open("rb") as handle:
            documents.append(
                (f"{upload.field_key or 'upload'}-{upload.pk}.{upload.kind}", handle.read())
            )
    for notice in case.notices.all():
        with notice.file.open("rb") as handle:
            documents.append((f"notice-{notice.pk}.pdf", handle.read()))
    return Parcel(reference=case.reference, data=data, documents=documents)


@transaction.atomic
def deliveries_schedule(*, case: Case) -> list[Delivery]:
    """One pending delivery per outbox the service names (existing ones are kept)."""
    deliveries = []
    for key in case.service.outboxes or []:
        delivery, created = Delivery.objects.get_or_create(
            case=case, outbox=key, defaults={"next_attempt_at": timezone.now()}
        )
        if created:
            audit_record(
                actor=None, action="eservices.delivery.schedule", target=case, after={"outbox": key}
            )
        deliveries.append(delivery)
    return deliveries


def retry_pause(attempts: int) -> timedelta:
    """1, 2, 4, ... minutes, at most six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def attempt_failed(row, error: Exception, *, failed: str, give_up: bool = False) -> None:
    """Note a failed attempt on a delivery-like row (`attempts`, `last_error`, `status`,
    `next_attempt_at`): try again after a pause, or give up (`failed`) after the last attempt
    or at once (`give_up`: a refusal that another attempt would not change)."""
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    if give_up or row.attempts >= conf.delivery_attempts():
        row.status = failed
        row.next_attempt_at = None
    else:
        row.next_attempt_at = timezone.now() + retry_pause(row.attempts)
    row.save()


@transaction.atomic
def delivery_attempt(*, delivery: Delivery) -> Delivery:
    """Try one delivery now (skipped when it is already delivered or given up)."""
    locked = Delivery.objects.select_for_update(of=("self",)).get(pk=delivery.pk)
    if locked.status != DeliveryStatus.PENDING:
        return locked
    locked.attempts += 1
    case = Case.objects.select_related("service", "unit", "form_version", "applicant").get(
        pk=locked.case_id
    )
    try:
        outbox_for(locked.outbox).deliver(parcel_for(case))
    except DeliveryUnderway as underway:
        locked.attempts -= 1
        locked.last_error = ""
        locked.next_attempt_at = timezone.now() + underway.check_again_in
        locked.save()
        return locked
    except Exception as error:  # any failure of the receiving side means: try again later
        logger.warning("Delivery of %s to %s failed: %s", case.reference, locked.outbox, error)
        attempt_failed(
            locked, error, failed=DeliveryStatus.FAILED, give_up=isinstance(error, DeliveryRefused)
        )
        audit_record(
            actor=None,
            action="eservices.delivery.fail",
            target=case,
            after={"outbox": locked.outbox, "attempts": locked.attempts, "status": locked.status},
        )
        return locked
    locked.status = DeliveryStatus.DELIVERED
    locked.delivered_at = timezone.now()
    locked.next_attempt_at = None
    locked.last_error = ""
    locked.save()
    CaseEvent.objects.create(case=case, kind=EventKind.DELIVERED, visible_to_citizen=False)
    audit_record(
        actor=None,
        action="eservices.delivery.deliver",
        target=case,
        after={"outbox": locked.outbox, "attempts": locked.attempts},
    )
    return locked


def delivery_run(*, delivery: Delivery, steps: int = 5) -> Delivery:
    """Attempt now, and go on at once while the outbox finished a step and waits for nothing
    (`DeliveryUnderway` with no pause); each step commits on its own."""
    for _step in range(steps):
        delivery = delivery_attempt(delivery=delivery)
        if delivery.status != DeliveryStatus.PENDING or delivery.last_error:
            break
        if delivery.next_attempt_at is None or delivery.next_attempt_at > timezone.now():
            break
    return delivery


class RetryNotAllowed(Exception):
    """The delivery has not failed, or its outbox says sending it again would not help."""


@transaction.atomic
def delivery_retry(*, delivery: Delivery, actor) -> Delivery:
    """A clerk sends a failed delivery again (audited); refused where it would not help."""
    locked = Delivery.objects.select_for_update(of=("self",)).get(pk=delivery.pk)
    outbox = outbox_for(locked.outbox)
    reference = locked.case.reference
    if locked.status != DeliveryStatus.FAILED or not outbox.may_retry(reference=reference):
        raise RetryNotAllowed(reference)
    before = {"status": locked.status, "attempts": locked.attempts, "error": locked.last_error}
    locked.status = DeliveryStatus.PENDING
    locked.attempts = 0
    locked.next_attempt_at = timezone.now()
    locked.save()
    audit_record(
        actor=actor,
        action="eservices.delivery.retry",
        target=locked.case,
        before=before,
        after={"outbox": locked.outbox, "status": locked.status},
    )
    return locked


def deliveries_retry_due(*, now=None) -> int:
    """Attempt every pending delivery whose time has come; returns how many were tried."""
    count = 0
    for delivery in attempts_due(
        Delivery.objects.all(), pending=DeliveryStatus.PENDING, limit=500, now=now
    ):
        delivery_run(delivery=delivery)
        count += 1
    return count
