"""Reads about polls: definitions, who may vote, trackers, results and the published export."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Count, QuerySet, prefetch_related_objects
from django.utils import timezone

from rathaus.accounts.models import AssuranceLevel, AttributeName
from rathaus.accounts.selectors import verified_attributes, verified_birth_date, verified_residence
from rathaus.core.municipality import municipality
from rathaus.voting import codes, publication, sealing
from rathaus.voting.eligibility import (
    Ineligibility,
    Resident,
    ResidentRule,
    resident_ineligibility,
)
from rathaus.voting.models import (
    Ballot,
    Eligibility,
    Kind,
    Option,
    Poll,
    RollEntry,
    SealedBallot,
    VotingCode,
)
from rathaus.voting.models.ballot_box import CODE_VOTER, USER_VOTER
from rathaus.voting.pabulib import PbElection
from rathaus.voting.pabulib_poll import election_from_poll
from rathaus.voting.window import PollState

_CODE_SQL = f"SELECT 1 FROM {VotingCode._meta.db_table} WHERE poll_id = %s AND digest = %s"  # noqa: S608


def polls_public() -> QuerySet[Poll]:
    """Polls with what their pages need: options, and the process with its phases."""
    return Poll.objects.select_related("process").prefetch_related("options", "process__phases")


def polls_for_results() -> QuerySet[Poll]:
    """Polls for their result page: the options and phases are read only where needed (a poll
    not yet counted, or the result's fragment rendered afresh)."""
    return Poll.objects.select_related("process")


@cache
def _columns(model, vendor: str):
    """Every concrete column of ``model`` (quoted names from its metadata only), the attribute
    names in column order and the converters Django applies to the values, worked out once per
    process (``vendor`` keys the cache by database)."""
    quote = connection.ops.quote_name
    fields = model._meta.concrete_fields
    columns = [quote(f.column) for f in fields]
    compiler = model.objects.none().query.get_compiler(connection=connection)
    converters = compiler.get_converters([f.get_col(model._meta.db_table) for f in fields])
    return columns, [f.attname for f in fields], list(converters.items())


def _instance(model, values: list):
    """A row of ``_columns(model, …)`` as the ORM would build it, without compiling a query."""
    _, names, converters = _columns(model, connection.vendor)
    for position, (functions, expression) in converters:
        for function in functions:
            values[position] = function(values[position], expression, connection)
    return model.from_db(connection.alias, names, values)


@cache
def _poll_sql(vendor: str) -> tuple[str, int]:
    """The poll and its options in one statement (a row per option, or one with empty option
    columns), and the number of the poll's columns."""
    poll_columns, option_columns = _columns(Poll, vendor)[0], _columns(Option, vendor)[0]
    columns = ", ".join([f"p.{c}" for c in poll_columns] + [f"o.{c}" for c in option_columns])
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {columns} FROM {quote(Poll._meta.db_table)} p "  # noqa: S608
        f"LEFT JOIN {quote(Option._meta.db_table)} o ON o.poll_id = p.id "
        "WHERE p.id = %s ORDER BY o.position"
    )
    return sql, len(poll_columns)


def poll_public(poll_id: int) -> Poll | None:
    """``polls_public().filter(pk=poll_id).first()`` for the path every ballot takes: the poll
    and its options in one statement of plain SQL written once per process (compiling the two
    ORM queries cost about half of a ballot cast, and each statement is a round trip; ADR 0361,
    0441). The options land where ``prefetch_related`` puts them, so ``poll.options.all()``
    asks no further query; a poll in a process gets its process and phases as
    ``polls_public`` gives them.
    """
    sql, width = _poll_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [poll_id])
        rows = cursor.fetchall()
    if not rows:
        return None
    poll = _instance(Poll, list(rows[0][:width]))
    options = []
    for row in rows:
        if row[width] is None:  # the option's id: a poll without options
            continue
        option = _instance(Option, list(row[width:]))
        option.poll = poll
        options.append(option)
    # What prefetch_related("options") stores: a queryset whose result is already known.
    prefetched = poll.options.all()
    prefetched._result_cache = options
    prefetched._prefetch_done = True
    poll._prefetched_objects_cache = {"options": prefetched}
    if poll.process_id is not None:
        prefetch_related_objects([poll], "process__phases")
    return poll


def polls_by_state(now=None, *, process=None) -> dict[PollState, list[Poll]]:
    """Every poll (of ``process``, if given) grouped by its state at ``now``, in display order."""
    now = now or timezone.now()
    groups: dict[PollState, list[Poll]] = {state: [] for state in PollState}
    polls = Poll.objects.select_related("process").prefetch_related("process__phases")
    if process is not None:
        polls = polls.filter(process=process)
    for poll in polls.order_by("closes_at", "pk"):
        groups[poll.state(now)].append(poll)
    groups[PollState.CLOSED].reverse()
    return groups


def closing_day(poll: Poll):
    """The last day on which the poll can be voted in (local time)."""
    return timezone.localtime(poll.closes_at - timedelta(microseconds=1)).date()


def poll_definition(poll: Poll) -> dict[str, Any]:
    """The definition the tally counts with, as published in the export (JSON-safe)."""
    budget = poll.kind == Kind.BUDGET
    definition: dict[str, Any] = {
        "id": poll.pk,
        "title_de": poll.title_de,
        "title_en": poll.title_en,
        "kind": poll.kind,
        "eligibility": poll.eligibility,
        "process": poll.process_id,
        "opens_at": poll.opens_at.isoformat(),
        "closes_at": poll.closes_at.isoformat(),
        "min_choices": poll.min_choices,
        "max_choices": poll.max_choices,
        "options": [
            {
                "key": option.key,
                "title_de": option.title_de,
                "title_en": option.title_en,
                **({"cost": str(option.cost), "district": option.district} if budget else {}),
            }
            for option in poll.options.all()
        ],
    }
    if poll.sealed:
        definition["sealed"] = True
    if budget:
        definition.update(
            budget=str(poll.budget),
            max_cost=None if poll.max_cost is None else str(poll.max_cost),
            max_points=poll.max_points,
            rule=poll.rule,
        )
    return definition


@dataclass(frozen=True)
class VoterCheck:
    """``voter`` is the roll key of who would vote; ``problem`` why they may not (or None)."""

    voter: str | None
    problem: Ineligibility | None = None
    params: dict = field(default_factory=dict)

    @property
    def allowed(self) -> bool:
        return self.problem is None


def voter_check(
    *, poll: Poll, user=None, code: str = "", roll: bool = True, lookup: bool = True
) -> VoterCheck:
    """Whether this person (or the holder of this code) may still vote in ``poll``.

    ``roll=False`` leaves out whether they have voted already (for ``ballot_cast``, where the
    roll's unique constraint answers that as the ballot is written). ``lookup=False`` leaves
    out whether a well-formed code was issued for the poll: only for a caller that writes the
    ballot on that very condition (``ballot_cast`` on PostgreSQL, ADR 0441)."""
    if poll.eligibility == Eligibility.CODES:
        check = _code_check(poll, code, lookup=lookup)
    elif code:
        check = VoterCheck(None, Ineligibility.CODE_NOT_ACCEPTED)
    else:
        check = _resident_check(poll, user)
    if roll and check.allowed and has_voted(poll, check.voter):
        return voted_check(poll, check.voter)
    return check


def has_voted(poll: Poll, voter: str) -> bool:
    return RollEntry.objects.filter(poll=poll, voter=voter).exists()


def voted_check(poll: Poll, voter: str) -> VoterCheck:
    """The refusal for a voter who is on the roll already."""
    used = Ineligibility.CODE_USED if poll.eligibility == Eligibility.CODES else None
    return VoterCheck(voter, used or Ineligibility.ALREADY_VOTED)


def _code_check(poll: Poll, code: str, *, lookup: bool = True) -> VoterCheck:
    if not code.strip():
        return VoterCheck(None, Ineligibility.CODE_REQUIRED)
    if not codes.is_code(code):
        return VoterCheck(None, Ineligibility.CODE_UNKNOWN)
    digest = codes.code_digest(code, bytes(poll.code_salt))
    if not lookup:
        return VoterCheck(f"{CODE_VOTER}:{digest}")
    # Plain SQL: this runs for every ballot cast with a code, and compiling the ORM query cost
    # more than running it.
    with connection.cursor() as cursor:
        cursor.execute(_CODE_SQL, [poll.pk, digest])
        known = cursor.fetchone() is not None
    if not known:
        return VoterCheck(None, Ineligibility.CODE_UNKNOWN)
    return VoterCheck(f"{CODE_VOTER}:{digest}")


def _resident_check(poll: Poll, user) -> VoterCheck:
    profile = municipality()
    rule = ResidentRule(
        municipality_key=profile.municipality_key,
        closing_day=closing_day(poll),
        districts=tuple(poll.districts or ()),
        min_age=poll.min_age,
    )
    signed_in = bool(user is not None and user.is_authenticated)
    level = poll.min_assurance
    residence = verified_residence(user, min_level=level) if signed_in else None
    person = Resident(
        signed_in=signed_in,
        residence=residence,
        residence_below_level=signed_in
        and residence is None
        and AttributeName.RESIDENCE in verified_attributes(user, min_level="low"),
        birth_date=verified_birth_date(user, min_level=level) if signed_in else None,
    )
    problem = resident_ineligibility(rule, person)
    params = {
        "municipality": profile.name,
        "districts": list(rule.districts),
        "age": rule.min_age,
        "day": rule.closing_day,
        "level": str(AssuranceLevel(level).label),
    }
    voter = f"{USER_VOTER}:{user.pk}" if signed_in else None
    return VoterCheck(voter, problem, params if problem else {})


def _box(poll: Poll) -> QuerySet:
    """Where the poll's trackers are: the sealed ballots of a sealed poll, else the ballots."""
    return (SealedBallot if poll.sealed else Ballot).objects.filter(poll=poll)


def ballots_cast(poll: Poll) -> int:
    return _box(poll).count()


def voters_on_roll(poll: Poll) -> int:
    return RollEntry.objects.filter(poll=poll).count()


def voters_per_day(poll: Poll) -> list[dict]:
    """Turnout by day from the voter roll (the only time the platform keeps about voting)."""
    return list(
        RollEntry.objects.filter(poll=poll)
        .values("voted_on")
        .annotate(voters=Count("id"))
        .order_by("voted_on")
    )


def trackers(poll: Poll) -> list[str]:
    """Every ballot's tracker, in tracker order (which says nothing about when it was cast)."""
    return list(_box(poll).order_by("tracker").values_list("tracker", flat=True))


def tracker_listed(poll: Poll, tracker: str) -> bool:
    return _box(poll).filter(tracker=tracker).exists()


def published_ballots(poll: Poll) -> list[dict[str, Any]]:
    """The plaintext ballots; those of a sealed poll have no tracker and keep the random order
    they were written in when the count was opened (ordered by their random ids)."""
    return [
        {"tracker": tracker, "choices": choices}
        for tracker, choices in Ballot.objects.filter(poll=poll)
        .order_by("tracker", "id")
        .values_list("tracker", "choices")
    ]


def published_sealed_box(poll: Poll) -> dict[str, Any]:
    """A sealed poll's public key, trustees, threshold and every sealed ballot with its tracker."""
    return {
        "public_key": poll.public_key,
        "trustees": poll.trustees,
        "threshold": poll.threshold,
        "ballots": [
            {"tracker": tracker, "sealed": sealing.b64(bytes(box))}
            for tracker, box in SealedBallot.objects.filter(poll=poll)
            .order_by("tracker")
            .values_list("tracker", "sealed")
        ],
    }


def poll_export(poll: Poll) -> dict[str, Any]:
    """The published export of a closed poll: definition, anonymous ballots, result, and for a
    sealed poll the sealed ballots with their trackers."""
    export = {
        "format": publication.EXPORT_FORMAT,
        "version": publication.EXPORT_VERSION,
        "poll": poll_definition(poll),
        "ballots": published_ballots(poll),
        "result": poll.result,
    }
    if poll.sealed:
        export["sealed_box"] = published_sealed_box(poll)
    return export


def poll_ballots_for_count(poll: Poll) -> list[list[str]]:
    return list(
        Ballot.objects.filter(poll=poll).order_by("tracker", "id").values_list("choices", flat=True)
    )


def poll_pabulib(poll: Poll) -> PbElection:
    """A closed budget poll as a pabulib election (ballots in tracker order, anonymous ids)."""
    return election_from_poll(
        poll_definition(poll),
        poll_ballots_for_count(poll),
        poll.result,
        unit=municipality().name,
    )


def result_table(poll: Poll) -> list[dict[str, Any]]:
    """One row per option with its titles and result, for the CSV download (open data)."""
    options = {option.key: option for option in poll.options.all()}
    funded = set(poll.result.get("selected", ()))
    table = []
    for row in poll.result["options"]:
        option = options[row["key"]]
        line: dict[str, Any] = {
            "key": option.key,
            "title_de": option.title_de,
            "title_en": option.title_en,
            "votes": row["votes"],
            "share": row["share"],
        }
        if poll.kind == Kind.BUDGET:
            line.update(
                cost=str(option.cost),
                district=option.district,
                points=row["points"],
                funded=int(option.key in funded),
            )
        table.append(line)
    return table


def result_open_data(poll: Poll) -> dict[str, Any]:
    """The result as open data: the poll's definition, its turnout and its result document."""
    return {
        "poll": poll_definition(poll),
        "closed_at": poll.closed_at.isoformat(),
        "result": poll.result,
    }
