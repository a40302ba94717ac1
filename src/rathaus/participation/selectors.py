"""Reads of the participation platform: each list costs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from rathaus.core import fragments
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
# The topic of what the proposal pages show (connected in ParticipationConfig.ready, ADR 0391).
PROPOSALS_TOPIC = "participation.proposals"


def processes_visible(user) -> QuerySet[Process]:
    processes = Process.objects.prefetch_related("phases").select_related("responsible_unit")
    return processes if is_moderator(user) else processes.filter(is_published=True)


PROCESS_CACHE_SECONDS = 300


def _process_visible(user, **lookup) -> Process:
    """A process the user may see, with its phases (its categories are read when asked for).

    A published process is kept in the shared cache, keyed by the data version of the proposal
    pages (which every save of a process, phase or category renews): a proposal page served from
    its cached fragments then reads little or nothing from the database. Moderators, who also
    see unpublished processes, always read the database."""
    if is_moderator(user):
        return get_object_or_404(processes_visible(user), **lookup)
    ((field, value),) = lookup.items()
    key = f"participation.process.{field}.{value}.{fragments.version(PROPOSALS_TOPIC)}"
    process = cache.get(key)
    if process is None:
        process = get_object_or_404(processes_visible(user), **lookup)
        cache.set(key, process, PROCESS_CACHE_SECONDS)
    return process


def process_for_list(user, slug: str) -> Process:
    """A process for its proposal list."""
    return _process_visible(user, slug=slug)


def process_for_api(user, pk: int) -> Process:
    """A process for the API's list of its proposals."""
    return _process_visible(user, pk=pk)


def process_for_page(user, slug: str) -> Process:
    projects = Prefetch("projects", queryset=Project.objects.filter(is_published=True))
    return get_object_or_404(
        processes_visible(user).prefetch_related("categories", projects), slug=slug
    )


# Keyset pagination ("after" the last row of the page before) for the orders kept in an index.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
KEYSET_SORTS = (SORT_NEWEST, SORT_SUPPORTED)


def cursor_after(sort: str, proposal: Proposal) -> str:
    """Where the page after `proposal` starts, as a query value (`after=`)."""
    parts = [(proposal.created_at - EPOCH) // MICROSECOND, proposal.pk]
    if sort == SORT_SUPPORTED:
        parts.insert(0, proposal.support_count)
    return "_".join(str(part) for part in parts)


def read_cursor(sort: str, value: str) -> tuple[int, ...] | None:
    """The cursor of `cursor_after` from untrusted input, or None when it is not one."""
    if sort not in KEYSET_SORTS or not value or len(value) > 60:
        return None
    parts = value.split("_")
    if len(parts) != (3 if sort == SORT_SUPPORTED else 2) or not all(p.isdigit() for p in parts):
        return None
    return tuple(int(part) for part in parts)


@dataclass(frozen=True)
class ProposalFilter:
    sort: str = SORT_RANDOM
    seed: int = 1
    category: str = ""
    district: str = ""
    answer: str = ""
    query: str = ""
    after: tuple[int, ...] | None = None  # a cursor of `read_cursor`, for the keyset sorts


ROW_FIELDS = ("category", "official_answer", "author__participant")


class ProposalRows:
    """The proposals of a list as Paginator (and the API's pagination) use them: `count()` and
    slices. A slice first reads only the ids of its rows, along an index, then the full rows of
    just those ids with what a row shows: two or three queries whatever the size of the process.

    The random order starts at the seed's point on the circle of shuffle keys (see `shuffle`):
    the rows from there to the end of the index, then those from its start. Each part is read
    along the index `proposal_shuffled`; no key is computed per row and request."""

    def __init__(
        self,
        *,
        filtered: QuerySet[Proposal],
        sort: str,
        seed: int,
        after: tuple[int, ...] | None = None,
    ):
        # Not named `ordered`: Paginator reads that attribute to warn about unordered lists.
        self._filtered = filtered
        self._sort = sort
        self._start = shuffle.offset(seed)
        self._after = after if sort in KEYSET_SORTS else None
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = self._filtered.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _ids(self, start: int, stop: int) -> list[int]:
        if self._after is not None:
            return self._ids_after(stop - start)
        if self._sort == SORT_NEWEST:
            ordered = self._filtered.order_by("-created_at", "-id")
        elif self._sort == SORT_SUPPORTED:
            ordered = self._filtered.order_by("-support_count", "-created_at", "-id")
        else:
            return self._rotated_ids(start, stop)
        return list(ordered.values_list("id", flat=True)[start:stop])

    def _ids_after(self, size: int) -> list[int]:
        """The next `size` ids after the cursor: a range of the order's index, however deep."""
        *count, micros, pk = self._after
        created = EPOCH + micros * MICROSECOND
        rows = self._filtered
        if count:
            rows = rows.filter(support_count__lte=count[0]).exclude(
                Q(support_count=count[0])
                & (Q(created_at__gt=created) | Q(created_at=created, id__gte=pk))
            )
            ordered = rows.order_by("-support_count", "-created_at", "-id")
        else:
            rows = rows.filter(created_at__lte=created).exclude(created_at=created, id__gte=pk)
            ordered = rows.order_by("-created_at", "-id")
        return list(ordered.values_list("id", flat=True)[:size])

    def _rotated_ids(self, start: int, stop: int) -> list[int]:
        ids = self._filtered.values_list("id", flat=True).order_by("shuffle_key", "id")
        after = ids.filter(shuffle_key__gte=self._start)
        head = list(after[start:stop])
        if len(head) == stop - start:
            return head
        # The slice reaches past the end of the circle: how many rows lie before the wrap?
        before_wrap = start + len(head) if head else after.count()
        wrapped = ids.filter(shuffle_key__lt=self._start)
        return head + list(wrapped[max(start - before_wrap, 0) : stop - before_wrap])

    def __getitem__(self, key: slice) -> list[Proposal]:
        start, stop = key.start or 0, key.stop
        if stop is None or stop <= start:
            return []
        ids = self._ids(start, stop)
        rows = Proposal.objects.select_related(*ROW_FIELDS).defer("search_document").in_bulk(ids)
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
    sort = filters.sort if filters.sort in SORTS else SORT_RANDOM
    return ProposalRows(filtered=proposals, sort=sort, seed=filters.seed, after=filters.after)


def supported_ids(user, proposals) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Support.objects.filter(user=user, proposal__in=[p.pk for p in proposals]).values_list(
            "proposal_id", flat=True
        )
    )


def proposal_for_page(user, pk: int) -> Proposal:
    """A proposal of a process the user may see, with what its page shows above the comments
    (its images are read when the page shows them)."""
    proposal = get_object_or_404(
        Proposal.objects.select_related(
            "category", "author__participant", "official_answer__unit"
        ).defer("search_document"),
        pk=pk,
    )
    proposal.process = _process_visible(user, pk=proposal.process_id)
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
