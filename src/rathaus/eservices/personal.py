"""Whose own pages a row of the online services shows (ADR 0421).

The mailbox, a citizen's case page and what services add to it (the child-benefit payment
schedule) are cached per person (`rathaus.core.fragments.personal`); every save and delete of a
row they show changes the topic of the person it belongs to. Writes without model signals
(`update()`, `bulk_create`) call `changed_for` themselves.
"""

from __future__ import annotations

from rathaus.core.fragments import connect_person
from rathaus.eservices.models import (
    Case,
    CaseEvent,
    Draft,
    Letter,
    Message,
    Notice,
    PaymentRequest,
    Upload,
)

# Shared data these pages show besides the person's own: service and department names.
SHOWN_TOPICS = ("eservices.catalogue",)


def applicants(case_ids) -> list[int | None]:
    """The applicants of these cases (one query; none for a case already deleted)."""
    case_ids = [case_id for case_id in case_ids if case_id is not None]
    if not case_ids:
        return []
    return list(Case.objects.filter(pk__in=case_ids).values_list("applicant_id", flat=True))


def applicant_of(row) -> list[int | None]:
    """The applicant of the case `row` belongs to, without a query when the case is loaded."""
    if type(row).case.is_cached(row):
        return [row.case.applicant_id]
    return applicants([row.case_id])


def _upload_people(upload: Upload) -> list[int | None]:
    people = [upload.owner_id]
    if upload.case_id is not None:
        people += applicant_of(upload)
    if upload.message_id is not None:
        people += list(
            Message.objects.filter(pk=upload.message_id).values_list(
                "case__applicant_id", flat=True
            )
        )
    return people


def connect() -> None:
    connect_person(Case, lambda case: [case.applicant_id])
    connect_person(Draft, lambda draft: [draft.user_id])
    connect_person(Letter, lambda letter: [letter.recipient_id])
    for model in (CaseEvent, Message, Notice, PaymentRequest):
        connect_person(model, applicant_of)
    connect_person(Upload, _upload_people)
