"""Casting a ballot, and mixing the ballot box.

``ballot_cast`` writes the voter roll entry and the anonymous ballot in one transaction: the roll
first, so that of two parallel attempts by the same voter the second fails on the roll's unique
constraint and takes its ballot down with it. The audit entry says that *a* ballot was cast in the
poll, with no voter and no choices. The tracker is returned to the voter and stored nowhere else
than on the ballot. Why each detail is as it is: docs/adr/0060-vote-secrecy.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.voting import codes, publication, sealing
from rathaus.voting.eligibility import Ineligibility
from rathaus.voting.errors import (
    AlreadyVoted,
    BallotInvalid,
    NotEligible,
    PollNotOpen,
    SealingRefused,
)
from rathaus.voting.models import Ballot, Poll, RollEntry, SealedBallot
from rathaus.voting.models.ballot_box import CODE_VOTER
from rathaus.voting.selectors import poll_definition, voter_check
from rathaus.voting.tally import Kind, refusal
from rathaus.voting.window import PollState, effective_window, poll_state

ANONYMOUS_VOTER = "anonymous voter"
"""How the audit log names whoever cast a ballot."""


def _refusal_params(poll: Poll, tally_poll, ballot: tuple[str, ...]) -> dict:
    params: dict = {"min": poll.min_choices, "max": poll.max_choices or len(tally_poll.options)}
    if poll.kind == Kind.BUDGET:
        known = [key for key in set(ballot) if key in tally_poll.costs]
        params.update(
            total=sum((tally_poll.costs[key] for key in known), Decimal(0)),
            limit=tally_poll.max_cost or Decimal(0),
            given=len(ballot),
        )
        if poll.max_points:
            params["max"] = poll.max_points
    return params


def ballot_check(*, poll: Poll, choices: Sequence[str]) -> tuple[str, ...]:
    """The ballot as the tally takes it, or BallotInvalid with the tally's reason."""
    tally_poll = publication.tally_poll(poll_definition(poll))
    ballot = tuple(choices)
    reason = refusal(tally_poll, ballot)
    if reason is not None:
        raise BallotInvalid(reason, **_refusal_params(poll, tally_poll, ballot))
    return ballot


def _open_state_locked(poll: Poll) -> PollState:
    """The poll's state, read under a lock that a concurrent ``poll_close`` must wait for.

    PostgreSQL: ``FOR KEY SHARE`` (casts do not block each other; closing takes ``FOR UPDATE``
    and so waits for every cast in flight, and every later cast sees it closed). SQLite runs one
    writing transaction at a time anyway (``transaction_mode=IMMEDIATE``).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT opens_at, closes_at, closed_at FROM {Poll._meta.db_table} "  # noqa: S608
                "WHERE id = %s FOR KEY SHARE",
                [poll.pk],
            )
            opens_at, closes_at, closed_at = cursor.fetchone()
    else:
        opens_at, closes_at, closed_at = (
            Poll.objects.filter(pk=poll.pk).values_list("opens_at", "closes_at", "closed_at").get()
        )
    opens_at, closes_at = effective_window(
        opens_at=opens_at,
        closes_at=closes_at,
        in_process=poll.process_id is not None,
        voting_phase=poll.voting_phase(),
    )
    return poll_state(
        opens_at=opens_at, closes_at=closes_at, closed_at=closed_at, now=timezone.now()
    )


def _refuse_unless_open(state: PollState, poll: Poll) -> None:
    if state is not PollState.OPEN:
        opens_at, closes_at = poll.window()
        raise PollNotOpen(state, opens_at=opens_at, closes_at=closes_at)


def ballot_cast(*, poll: Poll, choices: Sequence[str], user=None, code: str = "") -> str:
    """Cast a ballot for ``user`` (a resident) or the holder of ``code``; returns its tracker.

    Raises PollNotOpen (outside the time window), NotEligible, AlreadyVoted (the person or the
    code has voted, also when a parallel attempt got there first) or BallotInvalid.
    """
    _refuse_unless_open(poll.state(), poll)
    check = voter_check(poll=poll, user=user, code=code)
    if not check.allowed:
        voted = check.problem in (Ineligibility.CODE_USED, Ineligibility.ALREADY_VOTED)
        raise (AlreadyVoted if voted else NotEligible)(check.problem, **check.params)
    if poll.sealed and not poll.public_key:
        raise SealingRefused("key_missing")
    ballot = ballot_check(poll=poll, choices=choices)
    if poll.sealed:
        box = _sealed(poll, ballot)
        del ballot
        tracker = sealing.tracker_of(box)
        row = SealedBallot(poll=poll, tracker=tracker, sealed=box)
    else:
        tracker = codes.new_tracker()
        row = Ballot(poll=poll, tracker=tracker, choices=list(ballot))
    try:
        with transaction.atomic():
            _refuse_unless_open(_open_state_locked(poll), poll)
            RollEntry.objects.create(poll=poll, voter=check.voter, voted_on=timezone.localdate())
            row.save(force_insert=True)
            audit_record(actor=None, action="ballot.cast", target=poll, label=ANONYMOUS_VOTER)
    except IntegrityError:
        if RollEntry.objects.filter(poll=poll, voter=check.voter).exists():
            used = check.voter.startswith(f"{CODE_VOTER}:")
            raise AlreadyVoted(
                Ineligibility.CODE_USED if used else Ineligibility.ALREADY_VOTED
            ) from None
        raise
    return tracker


def _sealed(poll: Poll, ballot: tuple[str, ...]) -> bytes:
    """The ballot sealed with the poll's public key, padded to the poll's longest ballot."""
    keys = list(poll.options.values_list("key", flat=True))
    length = sealing.padded_length(keys, poll.max_points)
    return sealing.seal(poll.public_key, ballot, length=length)


def ballot_box_mix(*, poll: Poll) -> int:
    """Rewrite the poll's ballots in tracker order with fresh random ids; the number of ballots.

    Afterwards the rows' physical order (and on PostgreSQL their transaction ids) no longer tell
    in which sequence the ballots were cast. A sealed poll's box holds sealed ballots, which are
    mixed the same way. Runs when a poll closes; ``manage.py
    mix_ballot_boxes`` runs it for open polls (e.g. nightly).
    """
    with transaction.atomic():
        list(Poll.objects.select_for_update().filter(pk=poll.pk).values_list("pk"))
        model, content = (SealedBallot, "sealed") if poll.sealed else (Ballot, "choices")
        box = model.objects.filter(poll=poll)
        rows = list(box.order_by("tracker").values_list("tracker", content))
        box.delete()
        model.objects.bulk_create(
            (model(poll=poll, tracker=tracker, **{content: value}) for tracker, value in rows),
            batch_size=2000,
        )
        audit_record(actor=None, action="ballot_box.mix", target=poll, after={"ballots": len(rows)})
    return len(rows)
