"""Proposals: the list of a process, a proposal's page, writing, supporting and commenting."""

from __future__ import annotations

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rathaus.core.paging import paginate
from rathaus.core.ratelimit import rate_limited
from rathaus.participation import shuffle
from rathaus.participation.forms import (
    CommentForm,
    ProposalFilterForm,
    ProposalForm,
    apply_service_errors,
)
from rathaus.participation.models import Comment, ParticipantProfile, ProposalImage
from rathaus.participation.selectors import (
    KEYSET_SORTS,
    SORT_NEWEST,
    SORT_RANDOM,
    SORT_SUPPORTED,
    SORTS,
    ProposalFilter,
    comment_threads,
    cursor_after,
    follow_of,
    has_supported,
    process_for_list,
    process_for_page,
    proposal_for_page,
    proposals_for_list,
    read_cursor,
    supported_ids,
)
from rathaus.participation.services.proposals import (
    comment_create,
    proposal_create,
    proposal_support,
    proposal_unsupport,
    proposal_update,
)
from rathaus.participation.views.common import (
    check,
    form_data,
    form_files,
    layer_map_url,
    map_points,
)

PER_PAGE = 20
SEED_SESSION_KEY = "participation_seed"


def _seed(request) -> int:
    """The visitor's shuffle seed. Links carry it (`?seed=`), so paging keeps the order; without
    one, a visitor with a session keeps theirs there, and one without a session gets the seed of
    the day, so that reading the list never needs a cookie."""
    seed = shuffle.valid_seed(request.GET.get("seed"))
    if seed is not None:
        return seed
    if request.session.session_key is None:
        return shuffle.daily_seed(timezone.localdate())
    seed = shuffle.valid_seed(request.session.get(SEED_SESSION_KEY))
    if seed is None:
        seed = shuffle.new_seed()
        request.session[SEED_SESSION_KEY] = seed
    return seed


# The query parameters a list page shows; with the seed, the language, the viewer and the data
# version they key the cached part of the page (the filter form and the rows).
LIST_PARAMETERS = ("q", "category", "district", "answer", "sort", "page", "after")
LIST_FRAGMENT_SECONDS = 300


class ProposalListing:
    """The filter form and the rows of a list page, worked out only when the template renders
    them: a page served from the fragment cache runs none of their queries."""

    def __init__(self, request, process):
        self.request = request
        self.process = process
        sort = request.GET.get("sort")
        self.seed = _seed(request) if sort not in (SORT_NEWEST, SORT_SUPPORTED) else 1

    @property
    def cache_key(self) -> str:
        """The parameters that decide what the fragment shows (bounded: one key per input)."""
        values = [str(self.request.GET.get(name, ""))[:100] for name in LIST_PARAMETERS]
        viewer = self.request.user.pk if self.request.user.is_authenticated else 0
        return "|".join([str(self.process.pk), str(self.seed), str(viewer), *values])

    @cached_property
    def form(self) -> ProposalFilterForm:
        return ProposalFilterForm(self.request.GET or None, process=self.process)

    @cached_property
    def _values(self) -> dict:
        return self.form.cleaned_data if self.form.is_valid() else {}

    @cached_property
    def filters(self) -> ProposalFilter:
        values = self._values
        sort = values.get("sort") if values.get("sort") in SORTS else SORT_RANDOM
        return ProposalFilter(
            sort=sort,
            seed=self.seed if sort == SORT_RANDOM else 1,
            category=values.get("category", ""),
            district=values.get("district", ""),
            answer=values.get("answer", ""),
            query=values.get("q", "").strip(),
            after=read_cursor(sort, self.request.GET.get("after", "")),
        )

    @cached_property
    def filtered(self) -> bool:
        return any(self._values.get(name) for name in ("q", "category", "district", "answer"))

    @cached_property
    def _paging(self) -> dict:
        """The page, the query string of the other pages (without page and cursor), and that of
        the next page: for the orders kept in an index it carries the cursor after this page's
        last row, so that the next page is read from there (keyset), however deep it lies."""
        filters = self.filters
        rows = proposals_for_list(self.process, filters)
        paging = paginate(self.request, rows, per_page=PER_PAGE)
        query = QueryDict(paging["query_without_page"], mutable=True)
        query.pop("after", None)
        if filters.sort == SORT_RANDOM and "seed" not in query:
            query["seed"] = str(filters.seed)
        paging["query_without_page"] = query.urlencode()
        page = paging["page_obj"]
        if page.has_next() and filters.sort in KEYSET_SORTS and page.object_list:
            query["page"] = str(page.next_page_number())
            query["after"] = cursor_after(filters.sort, page.object_list[-1])
            paging["next_query"] = query.urlencode()
        return paging

    @property
    def page_obj(self):
        return self._paging["page_obj"]

    @property
    def query_without_page(self) -> str:
        return self._paging["query_without_page"]

    @property
    def next_query(self) -> str:
        return self._paging.get("next_query", "")

    @cached_property
    def supported(self) -> set[int]:
        return supported_ids(self.request.user, self.page_obj.object_list)

    @cached_property
    def map_points(self) -> list[dict]:
        return map_points(self.page_obj.object_list)

    @cached_property
    def all_on_map_url(self) -> str:
        return layer_map_url("proposals", process=self.process.slug, district=self.filters.district)


def proposal_list(request, slug: str):
    process = process_for_list(request.user, slug)
    check(request, "participation.view", process)
    return render(
        request,
        "participation/proposal_list.html",
        {
            "process": process,
            "listing": ProposalListing(request, process),
            "list_seconds": LIST_FRAGMENT_SECONDS,
            "may_propose": request.user.has_perm("participation.propose", process),
        },
    )


def _needs_pseudonym(user) -> bool:
    return not ParticipantProfile.objects.filter(user=user).exists()


PAGE_FRAGMENT_SECONDS = 300
PAGE_PERMISSIONS = {
    "support": "support",
    "edit": "edit_proposal",
    "report": "report",
    "moderate": "moderate",
    "answer": "answer",
    "follow": "follow",
}


def _lazy(function, *args) -> SimpleLazyObject:
    return SimpleLazyObject(lambda: function(*args))


def _detail(request, proposal, *, comment_form=None, status=200):
    """A proposal's page. For visitors who are not signed in, it shows nothing personal and no
    form, so its body is a shared cached fragment (ADR 0391): the comments are read only when the
    fragment is rendered afresh."""
    user = request.user
    may_comment = user.has_perm("participation.comment", proposal)
    if comment_form is None and may_comment:
        comment_form = CommentForm(ask_pseudonym=_needs_pseudonym(user))
    return render(
        request,
        "participation/proposal_detail.html",
        {
            "proposal": proposal,
            "process": proposal.process,
            "threads": SimpleLazyObject(lambda: comment_threads(proposal)),
            "cache_parts": not user.is_authenticated and status == 200,
            "page_seconds": PAGE_FRAGMENT_SECONDS,
            "comment_form": comment_form,
            "may_comment": may_comment,
            # asked only when the body is rendered (not when it comes from the cache)
            **{
                f"may_{name}": _lazy(user.has_perm, f"participation.{permission}", proposal)
                for name, permission in PAGE_PERMISSIONS.items()
            },
            "has_supported": _lazy(has_supported, user, proposal),
            "follow": _lazy(follow_of, user, proposal),
            "map_points": map_points([proposal]),
        },
        status=status,
    )


def proposal_detail(request, pk: int):
    proposal = proposal_for_page(request.user, pk)
    check(request, "participation.view", proposal)
    return _detail(request, proposal)


@login_required
@rate_limited("proposal", key="user_or_ip")
def proposal_create_view(request, slug: str):
    process = process_for_page(request.user, slug)
    check(request, "participation.propose", process)
    form = ProposalForm(
        form_data(request),
        form_files(request),
        process=process,
        ask_pseudonym=_needs_pseudonym(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            proposal = proposal_create(actor=request.user, process=process, **form.service_values())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Thank you! Your proposal has been published."))
            return redirect(proposal)
    return render(
        request,
        "participation/proposal_form.html",
        {"form": form, "process": process, "proposal": None},
        status=422 if form.errors else 200,
    )


@login_required
def proposal_edit(request, pk: int):
    proposal = proposal_for_page(request.user, pk)
    check(request, "participation.edit_proposal", proposal)
    initial = {
        "title": proposal.title,
        "text": proposal.text,
        "category": proposal.category,
        "district": proposal.district,
        "location_text": proposal.location_text,
        "latitude": proposal.latitude,
        "longitude": proposal.longitude,
    }
    form = ProposalForm(
        form_data(request), form_files(request), process=proposal.process, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        remove = [int(pk) for pk in request.POST.getlist("remove_image") if pk.isdigit()]
        try:
            proposal_update(
                actor=request.user,
                proposal=proposal,
                remove_images=remove,
                **form.service_values(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(proposal)
    return render(
        request,
        "participation/proposal_form.html",
        {"form": form, "process": proposal.process, "proposal": proposal},
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def support(request, pk: int):
    proposal = proposal_for_page(request.user, pk)
    check(request, "participation.support", proposal)
    if request.POST.get("action") == "withdraw":
        proposal_unsupport(actor=request.user, proposal=proposal)
        messages.success(request, _("You no longer support this proposal."))
    else:
        proposal_support(actor=request.user, proposal=proposal)
        messages.success(request, _("Thank you for your support."))
    return redirect(proposal)


@login_required
@require_POST
@rate_limited("comment", key="user_or_ip")
def comment(request, pk: int):
    proposal = proposal_for_page(request.user, pk)
    check(request, "participation.comment", proposal)
    ask = _needs_pseudonym(request.user)
    form = CommentForm(request.POST, ask_pseudonym=ask and not request.POST.get("reply_to"))
    if form.is_valid():
        reply_to = None
        if form.cleaned_data.get("reply_to"):
            reply_to = get_object_or_404(
                Comment, pk=form.cleaned_data["reply_to"], proposal=proposal
            )
        try:
            created = comment_create(
                actor=request.user,
                proposal=proposal,
                text=form.cleaned_data["text"],
                reply_to=reply_to,
                pseudonym=form.cleaned_data.get("pseudonym", ""),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your comment has been published."))
            if ask:
                messages.info(
                    request,
                    _("You appear as “%(pseudonym)s”. You can change this in your settings.")
                    % {"pseudonym": request.user.participant.pseudonym},
                )
            return redirect(created.get_absolute_url())
    return _detail(request, proposal, comment_form=form, status=422)


def proposal_image(request, pk: int, image_pk: int):
    proposal = proposal_for_page(request.user, pk)
    check(request, "participation.view", proposal)
    if proposal.is_hidden and not request.user.has_perm("participation.moderate", proposal):
        raise Http404
    image = get_object_or_404(ProposalImage, pk=image_pk, proposal=proposal)
    response = FileResponse(image.file.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "public, max-age=3600"
    return response
