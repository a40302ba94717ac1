"""The department inbox: filtered, searched, sorted and paged without counting every row.

With 100,000 cases a COUNT(*) per page view costs more than the page itself, so pages are
fetched one row beyond their size to know whether a next page exists (ADR 0012).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import IntegerField, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from rathaus.core.fragments import version
from rathaus.eservices import workflow
from rathaus.eservices.models import (
    Case,
    CaseEvent,
    CaseNote,
    Delivery,
    Message,
    Notice,
    PaymentRequest,
    Service,
    Upload,
)
from rathaus.eservices.selectors.case_rows import marked, prefetch_present, rows_of_case
from rathaus.organization.models import OrgUnit

SORTS = {
    "newest": ("-submitted_at", "-id"),
    "oldest": ("submitted_at", "id"),
    "due": ("due_on", "id"),
    "reference": ("reference",),
}
PER_PAGE = 25
MAX_PAGE = 400
# Changes when a service or a department is saved: the inbox's filter choices name them.
FILTER_TOPIC = "eservices.inbox_filters"
FILTER_TIMEOUT = 3600
# Changes when a user or a membership is saved: the case page's history names people and its
# assign form lists a department's staff (cached fragments, ADR 0431).
PEOPLE_TOPIC = "eservices.case_people"


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


def inbox_filter_choices(unit_ids: set[int]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The services and the departments a clerk of `unit_ids` filters the inbox by, as
    (id, name in the current language). No personal data: kept in the shared cache until a
    service or a department changes (topic FILTER_TOPIC)."""
    units = ",".join(str(unit) for unit in sorted(unit_ids))
    key = f"eservices.inbox.choices.{version(FILTER_TOPIC)}.{units}"
    names = cache.get(key)
    if names is None:
        names = (
            list(
                Service.objects.filter(unit_id__in=unit_ids).values_list("pk", "name_de", "name_en")
            ),
            list(OrgUnit.objects.filter(pk__in=unit_ids).values_list("pk", "name_de", "name_en")),
        )
        cache.set(key, names, FILTER_TIMEOUT)
    english = get_language() == "en"
    services, departments = (
        [(pk, name_en if english else name_de) for pk, name_de, name_en in rows] for rows in names
    )
    return services, departments


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
    """A case with everything its back-office page shows, in a fixed number of queries: one
    per kind of row the case has, each with the people and rows it names joined in.

    The history is not read: the page shows it from a fragment cached by `events_count` and
    `events_last` (how many entries, the newest's id; entries are only ever added), and reads
    `case_history(case)` only when that fragment is missing (ADR 0431)."""
    rows = {
        "messages": Message.objects.select_related("sender").prefetch_related("attachments"),
        "notes": CaseNote.objects.select_related("author"),
        "notices": Notice.objects.all(),
        "payments": PaymentRequest.objects.select_related("mandate"),
        "uploads": Upload.objects.all(),
        "deliveries": Delivery.objects.order_by("pk"),
    }
    case = marked(
        Case.objects.select_related(
            "service", "unit", "assignee", "applicant", "form_version", "archive_transfer"
        ),
        rows,
    )
    case = case.annotate(
        events_count=rows_of_case(CaseEvent, "COUNT", IntegerField()),
        events_last=rows_of_case(CaseEvent, "MAX", IntegerField()),
    ).get(reference=reference)
    prefetch_present(case, rows)
    return case


def case_history(case: Case) -> QuerySet[CaseEvent]:
    """The case's history with the people acting, oldest first (unevaluated)."""
    return case.events.select_related("actor")


def case_header_for_staff(reference: str) -> Case:
    """A case with its service and department only, for pages that show no more of it."""
    return Case.objects.select_related("service", "unit").get(reference=reference)
