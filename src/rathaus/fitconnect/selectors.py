"""Reads: a case's latest FIT-Connect submission, and what the clerk is told about it."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from rathaus.fitconnect.events import problem_kind
from rathaus.fitconnect.models import Transfer, TransferState


def latest_transfer(*, reference: str) -> Transfer | None:
    return Transfer.objects.filter(case__reference=reference).order_by("-pk").first()


def _problems(transfer: Transfer) -> str:
    texts = [
        str(problem.get("title") or problem.get("detail") or problem_kind(problem))
        for problem in transfer.problems
    ]
    return "; ".join(texts)[:500] or _("no reason given")


def transfer_progress(transfer: Transfer | None) -> str:
    if transfer is None:
        return ""
    if transfer.state == TransferState.ANNOUNCED:
        return _("FIT-Connect: submission %(id)s announced, being sent.") % {
            "id": transfer.submission_id
        }
    if transfer.state == TransferState.SUBMITTED:
        return _(
            "FIT-Connect: submitted on %(date)s; waiting for the destination to confirm receipt."
        ) % {"date": formats.date_format(transfer.submitted_at, "SHORT_DATETIME_FORMAT")}
    if transfer.state == TransferState.ACCEPTED:
        return _("FIT-Connect: the destination confirmed receipt on %(date)s.") % {
            "date": formats.date_format(transfer.settled_at, "SHORT_DATETIME_FORMAT")
        }
    verdict = (
        _("Sending it again may help.")
        if transfer.retry_makes_sense
        else _(
            "Sending it again would not help: the case must be corrected or handed over otherwise."
        )
    )
    return _("FIT-Connect: the destination rejected the submission (%(problems)s). %(verdict)s") % {
        "problems": _problems(transfer),
        "verdict": verdict,
    }


def transfer_may_retry(transfer: Transfer | None) -> bool:
    """Not after an acceptance, nor after a rejection that another attempt would get again."""
    if transfer is None or transfer.state in (TransferState.ANNOUNCED, TransferState.SUBMITTED):
        return True
    return transfer.state == TransferState.REJECTED and transfer.retry_makes_sense
