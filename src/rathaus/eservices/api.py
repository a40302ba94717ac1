"""API: the public service catalogue and, for staff tokens, the cases of their departments."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Field, Query, Router, Schema

from rathaus.core.api import MAX_PAGE, Name, Offset, authenticated
from rathaus.core.audit import audit_read
from rathaus.eservices import workflow
from rathaus.eservices.models import Case, Service
from rathaus.eservices.rules import case_unit_ids
from rathaus.eservices.selectors.catalogue import public_services, service_search
from rathaus.eservices.selectors.inbox import InboxFilters, inbox_cases

router = Router(tags=["eservices"])


class LifeSituationOut(Schema):
    slug: str
    name: str


class ServiceOut(Schema):
    id: int
    leika: str
    slug: str
    name: str
    summary: str
    url: str
    department: str
    open: bool
    ozg_maturity: int
    fees: str
    fee_amount: Decimal | None
    life_situations: list[LifeSituationOut]


class ServiceDetailOut(ServiceOut):
    description: str
    required_documents: list[str]
    processing_days: int


def _service(service: Service, request, *, detail: bool = False) -> dict:
    data = {
        "id": service.pk,
        "leika": service.leika,
        "slug": service.slug,
        "name": service.name,
        "summary": service.summary,
        "url": request.build_absolute_uri(service.get_absolute_url()),
        "department": service.unit.name,
        "open": service.is_open,
        "ozg_maturity": service.ozg_maturity,
        "fees": service.fees,
        "fee_amount": service.fee_amount,
        "life_situations": [
            {"slug": situation.slug, "name": situation.name}
            for situation in service.life_situations.all()
        ],
    }
    if detail:
        data |= {
            "description": service.description,
            "required_documents": service.documents,
            "processing_days": service.processing_days,
        }
    return data


@router.get(
    "/services",
    response=list[ServiceOut],
    summary="The service catalogue (public); `q` searches, `life_situation` filters",
)
def services(request, q: Name = "", life_situation: Name = ""):
    return [
        _service(service, request)
        for service in service_search(query=q[:100], life_situation=life_situation)
    ]


@router.get("/services/{slug}", response=ServiceDetailOut, summary="One service (public)")
def service(request, slug: Name):
    found = public_services().filter(slug=slug).first()
    if found is None:
        raise Http404
    return _service(found, request, detail=True)


class CaseOut(Schema):
    reference: str
    service: str
    leika: str
    department: str
    status: str
    submitted_at: datetime
    due_on: date | None
    overdue: bool
    assignee: str | None


class CaseDetailOut(CaseOut):
    form_version: int
    applicant_name: str
    answers: dict
    decided_at: datetime | None
    outcome: str


def _staff_units(request) -> set[int]:
    units = case_unit_ids(request.auth)
    if not units:
        raise PermissionDenied
    return units


def _case(case: Case, *, detail: bool = False) -> dict:
    data = {
        "reference": case.reference,
        "service": case.service.slug,
        "leika": case.service.leika,
        "department": case.unit.slug,
        "status": case.status,
        "submitted_at": case.submitted_at,
        "due_on": case.due_on,
        "overdue": case.is_overdue(),
        "assignee": case.assignee.email if case.assignee else None,
    }
    if detail:
        data |= {
            "form_version": case.form_version.number,
            "applicant_name": case.applicant_name,
            "answers": case.answers,
            "decided_at": case.decided_at,
            "outcome": case.outcome,
        }
    return data


class CaseFilters(Schema):
    status: Name = "open"
    service: Name = ""
    overdue: bool = False
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: Offset = 0


@router.get(
    "/cases",
    response=list[CaseOut],
    auth=authenticated,
    summary="Cases of the caller's departments (staff only), newest first",
)
def cases(request, filters: Query[CaseFilters]):
    units = _staff_units(request)
    status = filters.status if filters.status in (*workflow.STATUSES, "open", "all") else "open"
    found = inbox_cases(
        unit_ids=units, filters=InboxFilters(status=status, overdue=filters.overdue)
    )
    if filters.service:
        found = found.filter(service__slug=filters.service)
    limit = min(max(filters.limit, 1), 200)
    offset = max(filters.offset, 0)
    found = found.select_related("unit").only(
        *[
            "reference",
            "status",
            "submitted_at",
            "due_on",
            "unit__slug",
            "service__slug",
            "service__leika",
            "assignee__email",
        ]
    )
    return [_case(case) for case in found[offset : offset + limit]]


@router.get(
    "/cases/{reference}",
    response=CaseDetailOut,
    auth=authenticated,
    summary="One case with its answers (staff of its department only)",
)
def case(request, reference: Name):
    units = _staff_units(request)
    found = (
        Case.objects.select_related("service", "unit", "assignee", "form_version")
        .filter(reference=reference)
        .first()
    )
    if found is None or found.unit_id not in units:
        raise Http404
    audit_read(request, action="case.read", target=found, via="api")
    return _case(found, detail=True)
