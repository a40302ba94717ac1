"""The participation API: processes with phases, proposals (read and write), and the
Vorhabenliste. Reads are public; writes need a person (token or session) and follow the same
named permissions as the pages."""

import hashlib
import json
from datetime import datetime
from decimal import Decimal

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination
from ninja.responses import NinjaJSONEncoder

from rathaus.core import fragments
from rathaus.core.api import (
    MAX_ID,
    MAX_PAGE,
    DomainValidationError,
    Id,
    Name,
    authenticated,
    limited,
)
from rathaus.core.ratelimit import rate_limit
from rathaus.organization.predicates import is_moderator
from rathaus.participation import shuffle
from rathaus.participation.models import Category, Comment, Process, Project, Proposal
from rathaus.participation.selectors import (
    PROPOSALS_TOPIC,
    SORT_RANDOM,
    SORTS,
    ProjectFilter,
    ProposalFilter,
    process_for_api,
    processes_visible,
    projects_for_list,
    proposals_for_list,
)
from rathaus.participation.services.proposals import (
    comment_create,
    proposal_create,
    proposal_support,
    proposal_unsupport,
)

router = Router(tags=["participation"])


def _domain_errors(error: ValidationError) -> DomainValidationError:
    return DomainValidationError(
        (field, message) for field, messages in error.message_dict.items() for message in messages
    )


class PhaseOut(Schema):
    kind: str
    name: str
    starts_at: datetime
    ends_at: datetime
    is_current: bool


class ProcessOut(Schema):
    id: int
    slug: str
    url: str
    title: str
    summary: str
    district: str = Field(description="District name; empty for the whole city.")
    responsible_unit: str | None = Field(description="Slug of the responsible OrgUnit.")
    current_phase: str | None = Field(description="Kind of the phase running now, if any.")
    phases: list[PhaseOut]


def _process_out(request, process: Process, now: datetime) -> dict:
    current = process.phase_at(now)
    return {
        "id": process.pk,
        "slug": process.slug,
        "url": request.build_absolute_uri(process.get_absolute_url()),
        "title": process.title,
        "summary": process.summary,
        "district": process.district,
        "responsible_unit": process.responsible_unit.slug if process.responsible_unit else None,
        "current_phase": current.kind if current else None,
        "phases": [
            {
                "kind": phase.kind,
                "name": phase.name,
                "starts_at": phase.starts_at,
                "ends_at": phase.ends_at,
                "is_current": phase == current,
            }
            for phase in process.schedule()
        ],
    }


@router.get("/processes", response=list[ProcessOut], summary="Participation processes")
def process_list(request):
    now = timezone.now()
    return [_process_out(request, process, now) for process in processes_visible(request.user)]


@router.get("/processes/{process_id}", response=ProcessOut, summary="One process")
def process_detail(request, process_id: Id):
    process = get_object_or_404(processes_visible(request.user), pk=process_id)
    return _process_out(request, process, timezone.now())


class ProposalOut(Schema):
    id: int
    process: int = Field(alias="process_id")
    url: str
    title: str | None = Field(description="Null when hidden by the moderation.")
    text: str | None = Field(description="Null when hidden by the moderation.")
    hidden_reason: str | None
    category: str | None
    district: str
    latitude: Decimal | None
    longitude: Decimal | None
    location_text: str
    author: str | None = Field(description="The author's public pseudonym.")
    created_at: datetime
    support_count: int
    comment_count: int
    answer_status: str | None

    @staticmethod
    def resolve_url(proposal: Proposal, context) -> str:
        return context["request"].build_absolute_uri(proposal.get_absolute_url())

    @staticmethod
    def resolve_title(proposal: Proposal) -> str | None:
        return None if proposal.is_hidden else proposal.title

    @staticmethod
    def resolve_text(proposal: Proposal) -> str | None:
        return None if proposal.is_hidden else proposal.text

    @staticmethod
    def resolve_hidden_reason(proposal: Proposal) -> str | None:
        return proposal.hidden_reason if proposal.is_hidden else None

    @staticmethod
    def resolve_category(proposal: Proposal) -> str | None:
        return proposal.category.slug if proposal.category else None

    @staticmethod
    def resolve_latitude(proposal: Proposal) -> Decimal | None:
        return None if proposal.is_hidden else proposal.latitude

    @staticmethod
    def resolve_longitude(proposal: Proposal) -> Decimal | None:
        return None if proposal.is_hidden else proposal.longitude

    @staticmethod
    def resolve_location_text(proposal: Proposal) -> str:
        return "" if proposal.is_hidden else proposal.location_text

    @staticmethod
    def resolve_author(proposal: Proposal) -> str | None:
        profile = getattr(proposal.author, "participant", None) if proposal.author else None
        return profile.pseudonym if profile else None

    @staticmethod
    def resolve_answer_status(proposal: Proposal) -> str | None:
        answer = getattr(proposal, "official_answer", None)
        return answer.status if answer else None


class ProposalQuery(Schema):
    process: Id
    sort: Name = Field(SORT_RANDOM, description="random, newest or supported")
    seed: int | None = Field(
        None, ge=0, le=MAX_ID, description="Seed of the random order (keep it to page on)."
    )
    category: Name = ""
    district: Name = ""
    answer: Name = Field("", description="under_review, accepted, not_feasible or none")
    q: Name = ""


class ProposalPage(PageNumberPagination):
    page_size = 50

    class Input(Schema):
        page: int = Field(1, ge=1, le=10_000)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE)


class ProposalListQuery(ProposalQuery, ProposalPage.Input):
    pass


class ProposalPageOut(Schema):
    items: list[ProposalOut]
    count: int


LIST_CACHE_SECONDS = 300


@router.get("/proposals", response=ProposalPageOut, summary="Proposals of a process")
def proposal_list(request, filters: Query[ProposalListQuery]):
    """One page of proposals, as JSON kept in the shared cache until the proposals change
    (keyed by the data version of the proposal pages, ADR 0391): a repeated request costs
    no query and no serialisation. The answer is the same for everyone who may see the process;
    only the address of the site is part of it."""
    process = process_for_api(request.user, filters.process)
    version = fragments.version(PROPOSALS_TOPIC)
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    key = f"participation.api.proposals.{version}.{address}"
    if not is_moderator(request.user) and (body := cache.get(key)) is not None:
        return HttpResponse(body, content_type="application/json")
    rows = proposals_for_list(
        process,
        ProposalFilter(
            sort=filters.sort if filters.sort in SORTS else SORT_RANDOM,
            seed=shuffle.valid_seed(filters.seed) or 1,
            category=filters.category,
            district=filters.district,
            answer=filters.answer,
            query=filters.q.strip(),
        ),
    )
    page = ProposalPage().paginate_queryset(rows, pagination=filters, request=request)
    out = ProposalPageOut.model_validate(page, context={"request": request})
    body = json.dumps(out.model_dump(), cls=NinjaJSONEncoder)
    if process.is_published:
        cache.set(key, body, LIST_CACHE_SECONDS)
    return HttpResponse(body, content_type="application/json")


def _proposals(user):
    return Proposal.objects.filter(process__in=processes_visible(user).values("pk")).select_related(
        "category", "official_answer", "author__participant"
    )


@router.get("/proposals/{proposal_id}", response=ProposalOut, summary="One proposal")
def proposal_detail(request, proposal_id: Id):
    return get_object_or_404(_proposals(request.user), pk=proposal_id)


class ProposalIn(Schema):
    process: Id
    title: str = Field(min_length=3, max_length=140)
    text: str = Field(min_length=1, max_length=5000)
    category: Name | None = Field(None, description="Slug of one of the process's categories.")
    district: Name = ""
    location_text: str = Field("", max_length=200)
    latitude: Decimal | None = Field(None, ge=-90, le=90, max_digits=8, decimal_places=6)
    longitude: Decimal | None = Field(None, ge=-180, le=180, max_digits=9, decimal_places=6)
    pseudonym: str = Field("", max_length=50, description="Used on the first contribution only.")


@router.post(
    "/proposals",
    response={201: ProposalOut},
    auth=authenticated,
    summary="Make a proposal (in a proposal phase)",
)
@limited("proposal", counted_in_view=True)
def proposal_make(request, payload: ProposalIn):
    rate_limit(request, "proposal", key="user_or_ip")
    process = get_object_or_404(processes_visible(request.auth), pk=payload.process)
    category = None
    if payload.category:
        category = Category.objects.filter(process=process, slug=payload.category).first()
        if category is None:
            raise DomainValidationError(
                [("category", _("This category belongs to another process."))]
            )
    try:
        proposal = proposal_create(
            actor=request.auth,
            process=process,
            title=payload.title,
            text=payload.text,
            category=category,
            latitude=payload.latitude,
            longitude=payload.longitude,
            location_text=payload.location_text,
            district=payload.district,
            pseudonym=payload.pseudonym,
        )
    except ValidationError as error:
        raise _domain_errors(error) from error
    return Status(201, _proposals(request.auth).get(pk=proposal.pk))


class SupportOut(Schema):
    supported: bool
    support_count: int


@router.post(
    "/proposals/{proposal_id}/support",
    response=SupportOut,
    auth=authenticated,
    summary="Support a proposal (idempotent)",
)
def proposal_support_api(request, proposal_id: Id):
    proposal = get_object_or_404(_proposals(request.auth), pk=proposal_id)
    proposal_support(actor=request.auth, proposal=proposal)
    proposal.refresh_from_db(fields=["support_count"])
    return {"supported": True, "support_count": proposal.support_count}


@router.delete(
    "/proposals/{proposal_id}/support",
    response=SupportOut,
    auth=authenticated,
    summary="Withdraw one's support",
)
def proposal_unsupport_api(request, proposal_id: Id):
    proposal = get_object_or_404(_proposals(request.auth), pk=proposal_id)
    proposal_unsupport(actor=request.auth, proposal=proposal)
    proposal.refresh_from_db(fields=["support_count"])
    return {"supported": False, "support_count": proposal.support_count}


class CommentIn(Schema):
    text: str = Field(min_length=1, max_length=3000)
    reply_to: Id | None = None


class CommentOut(Schema):
    id: int
    proposal: int
    reply_to: int | None
    text: str
    created_at: datetime


@router.post(
    "/proposals/{proposal_id}/comments",
    response={201: CommentOut},
    auth=authenticated,
    summary="Comment on a proposal, or reply to a comment",
)
@limited("comment", counted_in_view=True)
def proposal_comment_api(request, proposal_id: Id, payload: CommentIn):
    rate_limit(request, "comment", key="user_or_ip")
    proposal = get_object_or_404(_proposals(request.auth), pk=proposal_id)
    reply_to = None
    if payload.reply_to is not None:
        reply_to = get_object_or_404(Comment, pk=payload.reply_to, proposal=proposal)
    try:
        comment = comment_create(
            actor=request.auth, proposal=proposal, text=payload.text, reply_to=reply_to
        )
    except ValidationError as error:
        raise _domain_errors(error) from error
    return Status(
        201,
        {
            "id": comment.pk,
            "proposal": proposal.pk,
            "reply_to": comment.parent_id,
            "text": comment.text,
            "created_at": comment.created_at,
        },
    )


class ProjectOut(Schema):
    id: int
    slug: str
    url: str
    title: str
    description: str
    status: str
    topic: str
    cost: Decimal | None = Field(description="Estimated cost in EUR; null when not known.")
    district: str = Field(description="District name; empty for the whole city.")
    latitude: Decimal | None
    longitude: Decimal | None
    responsible_unit: str = Field(description="Slug of the responsible OrgUnit.")
    process: int | None = Field(description="Id of the linked participation process.")
    updated_at: datetime
    is_demo: bool


def _project_out(request, project: Project) -> dict:
    return {
        "id": project.pk,
        "slug": project.slug,
        "url": request.build_absolute_uri(project.get_absolute_url()),
        "title": project.title,
        "description": project.description,
        "status": project.status,
        "topic": project.topic,
        "cost": project.cost,
        "district": project.district,
        "latitude": project.latitude,
        "longitude": project.longitude,
        "responsible_unit": project.responsible_unit.slug,
        "process": project.process_id,
        "updated_at": project.updated_at,
        "is_demo": project.is_demo,
    }


class ProjectQuery(Schema):
    district: Name = ""
    status: Name = ""
    topic: Name = ""


@router.get("/projects", response=list[ProjectOut], summary="The Vorhabenliste")
def project_list(request, filters: Query[ProjectQuery]):
    projects = projects_for_list(
        request.user,
        ProjectFilter(district=filters.district, status=filters.status, topic=filters.topic),
    )
    return [_project_out(request, project) for project in projects]


@router.get("/projects/{slug}", response=ProjectOut, summary="One planned project")
def project_detail(request, slug: Name):
    return _project_out(request, get_object_or_404(projects_for_list(request.user), slug=slug))
