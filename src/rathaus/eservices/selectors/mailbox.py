"""The citizen's view: their applications, cases, messages and notices."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from rathaus.eservices.models import Case, Draft, Letter, Message, Notice, PaymentRequest
from rathaus.eservices.selectors.case_rows import marked, prefetch_present


def citizen_cases(user) -> QuerySet[Case]:
    """The person's cases, newest first, with the number of unread messages from staff."""
    return (
        Case.objects.filter(applicant=user)
        .select_related("service")
        .annotate(
            unread=Count(
                "messages", filter=Q(messages__from_staff=True, messages__read_at__isnull=True)
            )
        )
        .order_by("-submitted_at", "-id")
    )


def citizen_drafts(user) -> QuerySet[Draft]:
    return Draft.objects.filter(user=user, case__isnull=True).select_related("service")


def case_for_citizen(user, reference: str) -> Case:
    """The person's own case; another person's case does not exist for them."""
    case = (
        Case.objects.filter(applicant=user, reference=reference)
        .select_related("service", "unit", "form_version")
        .first()
    )
    if case is None:
        raise Http404
    return case


def case_mailbox_for_citizen(user, reference: str) -> Case:
    """The person's own case with what its mailbox page shows: history, messages with their
    attachments, notices and payments, each kind read once and only when the case has it (the
    page shows a payment's mandate by its id only)."""
    rows = {
        "messages": Message.objects.prefetch_related("attachments"),
        "notices": Notice.objects.all(),
        "payments": PaymentRequest.objects.all(),
    }
    case = (
        marked(Case.objects.filter(applicant=user, reference=reference), rows)
        .select_related("service", "unit", "form_version")
        .first()
    )
    if case is None:
        raise Http404
    prefetch_present(case, rows, always=("events",))
    return case


def citizen_letters(user) -> QuerySet[Letter]:
    """Letters sent to the person without an application (e.g. annual tax notices)."""
    return Letter.objects.filter(recipient=user).order_by("-issued_at", "-id")


def letter_for_citizen(user, letter_id: int) -> Letter:
    letter = Letter.objects.filter(recipient=user, pk=letter_id).first()
    if letter is None:
        raise Http404
    return letter


def draft_for_citizen(user, public_id) -> Draft:
    draft = (
        Draft.objects.filter(user=user, public_id=public_id)
        .select_related("service", "form_version", "case")
        .first()
    )
    if draft is None:
        raise Http404
    return draft
