"""Reads of the participation platform: each list costs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BigIntegerField, ExpressionWrapper, F, Prefetch, QuerySet, Value
from django.shortcuts import get_object_or_404

from rathaus.organization.predicates import is_moderator
from rathaus.participation import shuffle
from rathaus.participation.models import (
    AnswerStatus,
    Comment,
    Follow,
    Process,
    Project,
    Proposal,
    Support,
)
from rathaus.participation.search import proposals_matching

SORT_NEWEST = "newest"
SORT_SUPPORTED = "supported"
SORT_RANDOM = "random"
SORTS = (SORT_RANDOM, SORT_NEWEST, SORT_SUPPORTED)
NO_ANSWER = "none"


def processes_visible(user) -> QuerySet[Process]:
    processes = Process.objects.prefetch_related("phases").select_related("responsible_unit")
    return processes if is_moderator(user) else processes.filter(is_published=True)


def process_for_page(user, slug: str) -> Process:
    projects = Prefetch("projects", queryset=Project.objects.filter(is_published=True))
    return get_object_or_404(
        processes_visible(user).prefetch_related("categories", projects), slug=slug
    )


def shuffle_key_expression(seed: int) -> ExpressionWrapper:
    """`shuffle.shuffle_key(id, seed)` computed by the database (integer `%`, no overflow)."""
    spread = Value(shuffle.offset(seed))
    mixed = (F("id") * Value(shuffle.MULTIPLIER) + spread) % Value(shuffle.MODULUS)
    return ExpressionWrapper(
        (mixed * mixed + spread) % Value(shuffle.MODULUS), output_field=BigIntegerField()
    )


@dataclass(frozen=True)
class ProposalFilter:
    sort: str = SORT_RANDOM
    seed: int = 1
    category: str = ""
    district: str = ""
    answer: str = ""
    query: str = ""


class ProposalRows:
    """The proposals of a list as Paginator (and the API's pagination) use them: `count()` and
    slices. A slice first sorts only ids (a narrow query that a random or deep page can afford
    over 10,000 rows), then loads the full rows of just those ids with what a row shows.

    With `ids_once` (a search), the matching ids are read once, in order, and both the count
    and the page come from that list: the search runs once per request, not twice."""

    def __init__(
        self, *, filtered: QuerySet[Proposal], ordered: QuerySet[Proposal], ids_once: bool = False
    ):
        # Not named `ordered`: Paginator reads that attribute to warn about unordered lists.
        self._filtered = filtered
        self._sorted = ordered
        self._ids: list[int] | None = None
        self._ids_once = ids_once

    def _all_ids(self) -> list[int]:
        if self._ids is None:
            self._ids = list(self._sorted.values_list("id", flat=True))
        return self._ids

    def count(self) -> int:
        if self._ids_once:
            return len(self._all_ids())
        return self._filtered.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Proposal]:
        if self._ids_once:
            ids = self._all_ids()[key]
        else:
            ids = list(self._sorted.values_list("id", flat=True)[key])
        rows = (
            Proposal.objects.select_related("category", "official_answer", "author__participant")
            .defer("search_document")
            .in_bulk(ids)
        )
        return [rows[pk] for pk in ids if pk in rows]


def proposals_for_list(process: Process, filters: ProposalFilter) -> ProposalRows:
    """The proposals of a process, filtered and sorted."""
    proposals = Proposal.objects.filter(process=process)
    if filters.category:
        proposals = proposals.filter(category__slug=filters.category)
    if filters.district:
        proposals = proposals.filter(district=filters.district)
    if filters.answer == NO_ANSWER:
        proposals = proposals.filter(official_answer__isnull=True)
    elif filters.answer in AnswerStatus.values:
        proposals = proposals.filter(official_answer__status=filters.answer)
    if filters.query:
        proposals = proposals_matching(proposals, filters.query)
    if filters.sort == SORT_NEWEST:
        ordered = proposals.order_by("-created_at", "-id")
    elif filters.sort == SORT_SUPPORTED:
        ordered = proposals.order_by("-support_count", "-created_at", "-id")
    else:
        ordered = proposals.annotate(shuffle_key=shuffle_key_expression(filters.seed)).order_by(
            "shuffle_key", "id"
        )
    return ProposalRows(filtered=proposals, ordered=ordered, ids_once=bool(filters.query))


def supported_ids(user, proposals) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Support.objects.filter(user=user, proposal__in=[p.pk for p in proposals]).values_list(
            "proposal_id", flat=True
        )
    )


def proposal_for_page(user, pk: int) -> Proposal:
    proposal = get_object_or_404(
        Proposal.objects.select_related(
            "category", "author__participant", "official_answer__unit"
        ).prefetch_related("images"),
        pk=pk,
    )
    proposal.process = process_for_page(user, proposal.process.slug)
    return proposal


def comment_threads(proposal: Proposal) -> list[Comment]:
    """Top-level comments, oldest first, each with its replies (two queries in all)."""
    authors = "author__participant"
    replies = Prefetch("replies", queryset=Comment.objects.select_related(authors))
    return list(
        Comment.objects.filter(proposal=proposal, parent__isnull=True)
        .select_related(authors)
        .prefetch_related(replies)
    )


def follow_of(user, target) -> Follow | None:
    if not user.is_authenticated:
        return None
    return Follow.objects.filter(user=user, **{type(target).__name__.lower(): target}).first()


def has_supported(user, proposal: Proposal) -> bool:
    return user.is_authenticated and Support.objects.filter(user=user, proposal=proposal).exists()


@dataclass(frozen=True)
class ProjectFilter:
    district: str = ""
    status: str = ""
    topic: str = ""


def projects_for_list(user, filters: ProjectFilter = ProjectFilter()) -> QuerySet[Project]:
    projects = Project.objects.select_related("responsible_unit", "process")
    if not is_moderator(user):
        projects = projects.filter(is_published=True)
    if filters.district:
        projects = projects.filter(district=filters.district)
    if filters.status:
        projects = projects.filter(status=filters.status)
    if filters.topic:
        projects = projects.filter(topic=filters.topic)
    return projects


def project_for_page(user, slug: str) -> Project:
    return get_object_or_404(
        projects_for_list(user).prefetch_related("timeline", "documents"), slug=slug
    )
