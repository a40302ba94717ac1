"""The department inbox: filtered, searched, sorted and paged without counting every row.

With 100,000 cases a COUNT(*) per page view costs more than the page itself, so pages are
fetched one row beyond their size to know whether a next page exists (ADR 0012).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from rathaus.eservices import workflow
from rathaus.eservices.models import Case

SORTS = {
    "newest": ("-submitted_at", "-id"),
    "oldest": ("submitted_at", "id"),
    "due": ("due_on", "id"),
    "reference": ("reference",),
}
PER_PAGE = 25
MAX_PAGE = 400


@dataclass(frozen=True)
class InboxFilters:
    unit: int | None = None
    status: str = "open"
    service: int | None = None
    assignee: str = ""
    overdue: bool = False
    query: str = ""
    sort: str = "newest"


@dataclass(frozen=True)
class InboxPage:
    cases: list[Case]
    number: int
    has_previous: bool
    has_next: bool


def inbox_cases(*, unit_ids: set[int], filters: InboxFilters, user=None) -> QuerySet[Case]:
    units = {filters.unit} & unit_ids if filters.unit else unit_ids
    cases = (
        Case.objects.filter(unit_id__in=units)
        .select_related("service", "assignee")
        .only(
            "reference",
            "status",
            "submitted_at",
            "due_on",
            "applicant_name",
            "unit_id",
            "service__name_de",
            "service__name_en",
            "assignee__email",
            "assignee__display_name",
        )
    )
    if filters.status == "open":
        cases = cases.filter(status__in=workflow.OPEN)
    elif filters.status in workflow.STATUSES:
        cases = cases.filter(status=filters.status)
    if filters.service:
        cases = cases.filter(service_id=filters.service)
    if filters.assignee == "me" and user is not None:
        cases = cases.filter(assignee=user)
    elif filters.assignee == "nobody":
        cases = cases.filter(assignee__isnull=True)
    if filters.overdue:
        cases = cases.filter(status__in=workflow.OPEN, due_on__lt=timezone.localdate())
    query = filters.query.strip()
    if query:
        cases = cases.filter(
            Q(reference__istartswith=query) | Q(applicant_name__icontains=query)
            if len(query) >= 3
            else Q(reference__istartswith=query)
        )
    return cases.order_by(*SORTS.get(filters.sort, SORTS["newest"]))


def inbox_page(cases: QuerySet[Case], *, number: int, per_page: int = PER_PAGE) -> InboxPage:
    number = min(max(number, 1), MAX_PAGE)
    start = (number - 1) * per_page
    rows = list(cases[start : start + per_page + 1])
    return InboxPage(
        cases=rows[:per_page],
        number=number,
        has_previous=number > 1,
        has_next=len(rows) > per_page,
    )


def case_for_staff(reference: str) -> Case:
    """A case with everything its back-office page shows, in a fixed number of queries."""
    return (
        Case.objects.select_related("service", "unit", "assignee", "applicant", "form_version")
        .prefetch_related(
            "events__actor",
            "messages__attachments",
            "messages__sender",
            "notes__author",
            "notices",
            "payments__mandate",
            "uploads",
            "deliveries",
        )
        .get(reference=reference)
    )
