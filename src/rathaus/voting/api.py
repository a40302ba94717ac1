"""Polls over the API: moderators and administrators manage them; residents (with a token or a
session) and code holders (with or without one) cast ballots; trackers, results and the export
of closed polls are public."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from rathaus.core.api import (
    BearerToken,
    DomainValidationError,
    Id,
    LongText,
    Name,
    Session,
    authenticated,
    limited,
)
from rathaus.core.ratelimit import rate_limit
from rathaus.voting import publication, selectors
from rathaus.voting.errors import BallotInvalid, PollInvalid, VotingError
from rathaus.voting.models import Poll
from rathaus.voting.sealing import MAX_TRUSTEES
from rathaus.voting.services import (
    ballot_cast,
    poll_close,
    poll_close_if_due,
    poll_create,
    poll_seal,
    poll_unseal,
    voting_codes_generate,
)
from rathaus.voting.services.voting_codes import MAX_BATCH
from rathaus.voting.specs import MAX_OPTIONS, OptionSpec, PollSpec

router = Router(tags=["voting"])


Money = Annotated[Decimal, Field(ge=0, le=10**12, max_digits=16, decimal_places=2)]


class OptionIn(Schema):
    key: Name
    title: Name
    title_en: Name = ""
    description: LongText = ""
    description_en: LongText = ""
    cost: Money | None = None
    district: Name = ""


class PollIn(Schema):
    title: Name
    title_en: Name = ""
    description: LongText = ""
    description_en: LongText = ""
    kind: Literal["yes_no", "single", "multiple", "ranked", "budget"]
    options: list[OptionIn] = Field([], max_length=MAX_OPTIONS)
    opens_at: datetime
    closes_at: datetime
    eligibility: Literal["codes", "residents"]
    min_choices: int = Field(0, ge=0, le=MAX_OPTIONS)
    max_choices: int | None = Field(None, ge=1, le=MAX_OPTIONS)
    budget: Money | None = None
    max_cost: Money | None = None
    max_points: int | None = Field(None, ge=1, le=1000)
    rule: Literal["greedy", "equal-shares"] | None = None
    districts: list[Name] = Field([], max_length=100)
    min_age: int | None = Field(None, ge=0, le=120)
    min_assurance: Literal["low", "substantial", "high"] = "substantial"
    process: Id | None = None
    sealed: bool | None = Field(
        None,
        description="Seal the ballots for trustees (default: the setting VOTING_SEAL_NEW_POLLS)",
    )

    def spec(self) -> PollSpec:
        return PollSpec(
            title_de=self.title,
            title_en=self.title_en,
            description_de=self.description,
            description_en=self.description_en,
            kind=self.kind,
            eligibility=self.eligibility,
            opens_at=self.opens_at,
            closes_at=self.closes_at,
            options=tuple(
                OptionSpec(
                    key=option.key,
                    title_de=option.title,
                    title_en=option.title_en,
                    description_de=option.description,
                    description_en=option.description_en,
                    cost=option.cost,
                    district=option.district,
                )
                for option in self.options
            ),
            min_choices=self.min_choices,
            max_choices=self.max_choices,
            budget=self.budget,
            max_cost=self.max_cost,
            max_points=self.max_points,
            rule=self.rule or "",
            districts=tuple(self.districts),
            min_age=self.min_age,
            min_assurance=self.min_assurance,
            process=self.process,
            sealed=settings.VOTING_SEAL_NEW_POLLS if self.sealed is None else self.sealed,
        )


class CodesIn(Schema):
    count: int = Field(..., ge=1, le=MAX_BATCH)


class BallotIn(Schema):
    code: Name | None = None
    choices: list[Name] = Field(..., max_length=MAX_OPTIONS)


class TrusteesIn(Schema):
    trustees: list[Name] = Field(..., max_length=MAX_TRUSTEES)
    threshold: int = Field(2, ge=2, le=MAX_TRUSTEES)


class Share(Schema):
    trustee: str
    share: str


class Shares(Schema):
    shares: list[Share]


class SharesIn(Schema):
    # A SLIP-39 share is 20 to 33 words: well under 1,000 characters.
    shares: list[Annotated[str, Field(max_length=1000)]] = Field(..., max_length=MAX_TRUSTEES)


class Created(Schema):
    id: int


class Codes(Schema):
    codes: list[str]


class Tracker(Schema):
    tracker: str


class Trackers(Schema):
    trackers: list[str]


class _Anonymous:
    """A caller without an account (a code holder); truthy so that ninja lets the call in."""

    is_authenticated = False

    def __bool__(self) -> bool:
        return True


def anonymous(request):
    return _Anonymous()


def _manager(request):
    user = request.auth
    if not user.has_perm("voting.manage_polls"):
        raise PermissionDenied
    return user


def _poll(poll_id: Id) -> Poll:
    return get_object_or_404(selectors.polls_public(), pk=poll_id)


def _refused(error: VotingError) -> Exception:
    if isinstance(error, BallotInvalid):
        return DomainValidationError([("choices", error.message)])
    return HttpError(error.status, error.message)


def _closed(poll: Poll) -> Poll:
    """The poll, counted if its closing time has passed; 403 while it is not closed."""
    poll = poll_close_if_due(poll=poll)
    if poll.closed_at is None:
        raise HttpError(403, _("Results and ballots are published when the poll closes."))
    return poll


@router.post("/polls", auth=authenticated, response={201: Created}, summary="Create a poll")
def create_poll(request, payload: PollIn):
    actor = _manager(request)
    try:
        poll = poll_create(actor=actor, spec=payload.spec())
    except PollInvalid as error:
        raise DomainValidationError(error.errors) from error
    return Status(201, {"id": poll.pk})


@router.get("/polls/{poll_id}", summary="A poll's definition and state")
def poll_detail(request, poll_id: Id):
    poll = _poll(poll_id)
    return {**selectors.poll_definition(poll), "state": poll.state()}


@router.post(
    "/polls/{poll_id}/codes",
    auth=authenticated,
    response={201: Codes},
    summary="Generate voting codes (returned once; only their digests are kept)",
)
def generate_codes(request, poll_id: Id, payload: CodesIn):
    actor = _manager(request)
    try:
        generated = voting_codes_generate(actor=actor, poll=_poll(poll_id), count=payload.count)
    except VotingError as error:
        raise _refused(error) from error
    return Status(201, {"codes": generated})


@router.post(
    "/polls/{poll_id}/ballots",
    auth=[BearerToken(), Session(), anonymous],
    response={201: Tracker},
    summary="Cast a ballot (residents: signed in or with a token; otherwise with a code)",
)
@limited("voting_code", counted_in_view=True)
def cast_ballot(request, poll_id: Id, payload: BallotIn):
    if payload.code:
        rate_limit(request, "voting_code")
    poll = selectors.poll_public(poll_id)
    if poll is None:
        raise Http404
    user = request.auth if getattr(request.auth, "is_authenticated", False) else None
    try:
        tracker = ballot_cast(
            poll=poll, choices=payload.choices, user=user, code=payload.code or ""
        )
    except VotingError as error:
        raise _refused(error) from error
    return Status(201, {"tracker": tracker})


@router.get("/polls/{poll_id}/trackers", response=Trackers, summary="The public tracker list")
def tracker_list(request, poll_id: Id):
    return {"trackers": selectors.trackers(_poll(poll_id))}


@router.post("/polls/{poll_id}/close", auth=authenticated, summary="Close and count a poll")
def close(request, poll_id: Id):
    actor = _manager(request)
    try:
        poll = poll_close(actor=actor, poll=_poll(poll_id))
    except VotingError as error:
        raise _refused(error) from error
    if poll.result is None:  # a sealed poll: ended, counted when the trustees open it
        return {"state": poll.state(), "sealed": True}
    return publication.api_result(poll.result)


@router.post(
    "/polls/{poll_id}/trustees",
    auth=authenticated,
    response={201: Shares},
    summary="Seal the ballot box: the trustees' shares of the poll key (returned once, never kept)",
)
def seal(request, poll_id: Id, payload: TrusteesIn):
    actor = _manager(request)
    try:
        shares = poll_seal(
            actor=actor, poll=_poll(poll_id), trustees=payload.trustees, threshold=payload.threshold
        )
    except VotingError as error:
        raise _refused(error) from error
    names = _poll(poll_id).trustees
    return Status(
        201, {"shares": [{"trustee": n, "share": s} for n, s in zip(names, shares, strict=True)]}
    )


@router.post(
    "/polls/{poll_id}/unseal",
    auth=authenticated,
    summary="Open the count of an ended sealed poll with the trustees' shares",
)
def unseal(request, poll_id: Id, payload: SharesIn):
    actor = _manager(request)
    try:
        poll = poll_unseal(actor=actor, poll=_poll(poll_id), shares=payload.shares)
    except VotingError as error:
        raise _refused(error) from error
    return publication.api_result(poll.result)


@router.get("/polls/{poll_id}/results", summary="The result of a closed poll")
def results(request, poll_id: Id):
    return publication.api_result(_closed(_poll(poll_id)).result)


@router.get(
    "/polls/{poll_id}/export",
    summary="A closed poll's definition and all anonymous ballots with trackers (for recount)",
)
def export(request, poll_id: Id):
    return selectors.poll_export(_closed(_poll(poll_id)))
