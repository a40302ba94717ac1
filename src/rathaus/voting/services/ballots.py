"""Casting a ballot, and mixing the ballot box.

``ballot_cast`` writes the voter roll entry and the anonymous ballot in one transaction: the roll
first, so that of two parallel attempts by the same voter the second fails on the roll's unique
constraint and takes its ballot down with it. The audit entry says that *a* ballot was cast in the
poll, with no voter and no choices. The tracker is returned to the voter and stored nowhere else
than on the ballot. Why each detail is as it is: docs/adr/0060-vote-secrecy.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from decimal import Decimal
from functools import cache
from typing import NoReturn

from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from rathaus.core.audit import audit_entry, audit_record
from rathaus.voting import codes, publication, sealing
from rathaus.voting.eligibility import Ineligibility
from rathaus.voting.errors import (
    AlreadyVoted,
    BallotInvalid,
    NotEligible,
    PollNotOpen,
    SealingRefused,
    VotingError,
)
from rathaus.voting.models import (
    Ballot,
    Eligibility,
    Poll,
    RollEntry,
    SealedBallot,
    VotingCode,
)
from rathaus.voting.models.ballot_box import CODE_VOTER
from rathaus.voting.selectors import (
    VoterCheck,
    has_voted,
    poll_definition,
    voted_check,
    voter_check,
)
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

    Whether the voter is on the roll already is not asked beforehand: the roll's unique
    constraint answers it as the ballot is written (and only a refused ballot asks, so that a
    voter who has voted hears that first, as before). See docs/adr/0238-one-statement-ballot.md.
    """
    _refuse_unless_open(poll.state(), poll)
    # On PostgreSQL a code is looked up by the statement that writes the ballot (ADR 0441):
    # nothing is written for a code that was not issued, and only then is it looked up alone.
    at_once = connection.vendor == "postgresql"
    with_code = at_once and poll.eligibility == Eligibility.CODES
    check = voter_check(poll=poll, user=user, code=code, roll=False, lookup=not with_code)
    if not check.allowed:
        _refuse(check)
    try:
        row, tracker = _ballot_row(poll, choices)
    except VotingError:
        if with_code:
            _refuse_unless_allowed(voter_check(poll=poll, code=code, roll=False))
        if has_voted(poll, check.voter):
            _refuse(voted_check(poll, check.voter))
        raise
    roll = RollEntry(poll=poll, voter=check.voter, voted_on=timezone.localdate())
    audit = audit_entry(actor=None, action="ballot.cast", target=poll, label=ANONYMOUS_VOTER)
    try:
        if not (at_once and _write_at_once(poll, [roll, row, audit], code_voter=with_code)):
            if with_code:
                _refuse_unless_allowed(voter_check(poll=poll, code=code, roll=False))
            with transaction.atomic():
                _refuse_unless_open(_open_state_locked(poll), poll)
                roll.save(force_insert=True)
                row.save(force_insert=True)
                audit.save(force_insert=True)
    except IntegrityError:
        if has_voted(poll, check.voter):
            _refuse(voted_check(poll, check.voter))
        raise
    return tracker


def _refuse_unless_allowed(check: VoterCheck) -> None:
    if not check.allowed:
        _refuse(check)


def _refuse(check: VoterCheck) -> NoReturn:
    voted = check.problem in (Ineligibility.CODE_USED, Ineligibility.ALREADY_VOTED)
    raise (AlreadyVoted if voted else NotEligible)(check.problem, **check.params)


def _ballot_row(poll: Poll, choices: Sequence[str]) -> tuple[Ballot | SealedBallot, str]:
    """The row for the ballot box (checked, and sealed for a sealed poll) and its tracker."""
    if poll.sealed and not poll.public_key:
        raise SealingRefused("key_missing")
    ballot = ballot_check(poll=poll, choices=choices)
    if poll.sealed:
        box = _sealed(poll, ballot)
        del ballot
        tracker = sealing.tracker_of(box)
        return SealedBallot(poll=poll, tracker=tracker, sealed=box), tracker
    tracker = codes.new_tracker()
    return Ballot(poll=poll, tracker=tracker, choices=list(ballot)), tracker


def _write_at_once(poll: Poll, rows: list[models.Model], *, code_voter: bool = False) -> bool:
    """On PostgreSQL: write ``rows`` in one statement, under a key-share lock on the poll that
    ``poll_close`` waits for, provided the poll is still unclosed with the window that was
    checked and, with ``code_voter``, the voting code of the roll entry (``rows[0]``) was issued
    for the poll. False (nothing written) where that does not hold: the caller then checks the
    code alone and takes the transaction with the explicit lock."""
    sql, fields = _write_sql(tuple(type(row) for row in rows), connection.vendor, code_voter)
    params: list = [poll.pk, poll.opens_at, poll.closes_at]
    if code_voter:
        params += [poll.pk, rows[0].voter.removeprefix(f"{CODE_VOTER}:")]
    for row, row_fields in zip(rows, fields, strict=True):
        params += [f.get_db_prep_save(f.pre_save(row, True), connection) for f in row_fields]
    savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with savepoint, connection.cursor() as cursor:
        cursor.execute(sql, params)
        (written,) = cursor.fetchone()
    return written == 1


@cache
def _write_sql(
    kinds: tuple[type[models.Model], ...], vendor: str, code_voter: bool = False
) -> tuple[str, list[list]]:
    """The statement of ``_write_at_once`` for rows of these models, and each one's fields in
    parameter order, worked out once per process (``vendor`` keys the cache by database)."""
    quote = connection.ops.quote_name
    issued = (
        f" AND EXISTS (SELECT 1 FROM {quote(VotingCode._meta.db_table)} "  # noqa: S608
        "WHERE poll_id = %s AND digest = %s)"
        if code_voter
        else ""
    )
    parts = [
        f"WITH open_poll AS (SELECT id FROM {quote(Poll._meta.db_table)} WHERE id = %s "  # noqa: S608
        f"AND closed_at IS NULL AND opens_at = %s AND closes_at = %s{issued} FOR KEY SHARE)"
    ]
    fields = []
    for number, model in enumerate(kinds):
        written = [f for f in model._meta.concrete_fields if f is not model._meta.auto_field]
        columns = ", ".join(quote(f.column) for f in written)
        values = ", ".join(f"CAST(%s AS {f.db_type(connection)})" for f in written)
        parts.append(
            f"written{number} AS (INSERT INTO {quote(model._meta.db_table)} ({columns}) "  # noqa: S608
            f"SELECT {values} FROM open_poll RETURNING 1)"
        )
        fields.append(written)
    # Names and types from the models' metadata only; every value is a parameter.
    return ",\n".join(parts) + " SELECT count(*) FROM written0", fields  # noqa: S608


def _sealed(poll: Poll, ballot: tuple[str, ...]) -> bytes:
    """The ballot sealed with the poll's public key, padded to the poll's longest ballot."""
    keys = [option.key for option in poll.options.all()]  # prefetched by the API and the booth
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
