"""Writes to the FIT-Connect journal, each audited (the actor is the system)."""

from __future__ import annotations

from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.eservices.models import Case
from rathaus.fitconnect.events import Outcome, retry_makes_sense
from rathaus.fitconnect.models import Transfer, TransferState


def transfer_announced(
    *,
    case: Case,
    destination_id: str,
    submission_url: str,
    submission_id: str,
    fit_case_id: str,
    attachments: list[dict],
) -> Transfer:
    transfer = Transfer.objects.create(
        case=case,
        destination_id=destination_id,
        submission_url=submission_url,
        submission_id=submission_id,
        fit_case_id=fit_case_id,
        attachments=attachments,
        state=TransferState.ANNOUNCED,
        announced_at=timezone.now(),
    )
    audit_record(
        actor=None,
        action="fitconnect.transfer.announce",
        target=case,
        after={"destination": destination_id, "submission": submission_id, "case": fit_case_id},
    )
    return transfer


def transfer_attachment_uploaded(
    *, transfer: Transfer, attachment_id: str, sha512: str, tag: str
) -> None:
    for entry in transfer.attachments:
        if entry["id"] == attachment_id:
            entry.update(uploaded=True, sha512=sha512, tag=tag)
    transfer.save(update_fields=["attachments"])


def transfer_submitted(
    *, transfer: Transfer, found_in_log: bool = False, tags: dict | None = None
) -> None:
    transfer.state = TransferState.SUBMITTED
    transfer.submitted_at = timezone.now()
    if tags is not None:
        transfer.authentication_tags = tags
    transfer.save(update_fields=["state", "submitted_at", "authentication_tags"])
    audit_record(
        actor=None,
        action="fitconnect.transfer.submit",
        target=transfer.case,
        after={"submission": transfer.submission_id, "found_in_event_log": found_in_log},
    )


def transfer_settle(*, transfer: Transfer, outcome: Outcome) -> None:
    transfer.state = TransferState.ACCEPTED if outcome.accepted else TransferState.REJECTED
    transfer.problems = outcome.problems
    transfer.retry_makes_sense = outcome.rejected and retry_makes_sense(outcome.problems)
    transfer.settled_at = timezone.now()
    transfer.save(update_fields=["state", "problems", "retry_makes_sense", "settled_at"])
    audit_record(
        actor=None,
        action=f"fitconnect.transfer.{'accept' if outcome.accepted else 'reject'}",
        target=transfer.case,
        after={
            "submission": transfer.submission_id,
            "problems": [problem.get("type", "") for problem in outcome.problems],
            "retry_makes_sense": transfer.retry_makes_sense,
        },
    )
