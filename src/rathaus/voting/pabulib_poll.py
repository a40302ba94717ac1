"""Between pabulib elections and budget polls: plain values, no database.

Import: the projects become the poll's options, ordered by project id as text (the tie-break
order pabutools and ``pb_outcome`` use, so the poll's outcome equals theirs), with the ``name``
column as title (``name_en`` for English when present) and the ``district`` column, or else
META ``district``, as district. Approval and choose-1 votes become approval ballots; cumulative
votes become ballots that name a project once per point (the tally's cumulative ballots).

Export: META describes the poll, PROJECTS carry cost, supporters (``votes``), points (``score``,
cumulative polls), name, district and whether the project was funded (``selected``); VOTES list
the anonymous ballots in tracker order with voter ids 1, 2, 3, ... .
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rathaus.voting.pabulib import PabulibError, PbElection, PbProject, PbVote
from rathaus.voting.specs import OptionSpec, PollSpec
from rathaus.voting.tally import Kind, Rule

RULES = {
    "greedy": Rule.GREEDY,
    "equalshares": Rule.EQUAL_SHARES,
    "equalshares/add1": Rule.EQUAL_SHARES,
    "equal-shares": Rule.EQUAL_SHARES,
    "mes": Rule.EQUAL_SHARES,
}
EXPORT_RULES = {Rule.GREEDY: "greedy", Rule.EQUAL_SHARES: "equalshares/add1"}


@dataclass(frozen=True)
class ImportedElection:
    spec: PollSpec
    ballots: list[tuple[str, ...]]


def _int(meta: Mapping[str, str], key: str) -> int | None:
    value = meta.get(key, "").strip()
    return int(Decimal(value)) if value else None


def _money(meta: Mapping[str, str], key: str) -> Decimal | None:
    value = meta.get(key, "").strip()
    return Decimal(value) if value else None


def _ballot(vote: PbVote, cumulative: bool) -> tuple[str, ...]:
    if not cumulative:
        return vote.vote
    if vote.points is None or any(p != p.to_integral() or p < 0 for p in vote.points):
        raise PabulibError(f"voter {vote.voter_id}: cumulative points must be whole and >= 0")
    return tuple(
        key for key, points in zip(vote.vote, vote.points, strict=True) for _ in range(int(points))
    )


def poll_from_election(
    election: PbElection,
    *,
    opens_at: datetime,
    closes_at: datetime,
    title: str = "",
    eligibility: str = "codes",
    rule: str = "",
) -> ImportedElection:
    """The budget poll of a pabulib election and its ballots."""
    meta = election.meta
    vote_type = election.vote_type
    if vote_type not in ("approval", "choose-1", "cumulative"):
        raise PabulibError(f"a budget poll takes approval or cumulative votes, not {vote_type!r}")
    cumulative = vote_type == "cumulative"
    district = meta.get("district", "")
    options = tuple(
        OptionSpec(
            key=project.project_id,
            title_de=project.fields.get("name") or project.project_id,
            title_en=project.fields.get("name_en", ""),
            cost=project.cost,
            district=project.fields.get("district") or district,
        )
        for project in sorted(election.projects, key=lambda project: project.project_id)
    )
    rule_name = rule or RULES.get(meta.get("rule", "").strip().lower(), Rule.GREEDY)
    spec = PollSpec(
        title_de=title or meta.get("description") or _default_title(meta),
        title_en=meta.get("description_en", ""),
        kind=Kind.BUDGET,
        eligibility=eligibility,
        opens_at=opens_at,
        closes_at=closes_at,
        options=options,
        min_choices=_int(meta, "min_length") or 0,
        max_choices=_int(meta, "max_length") if vote_type != "choose-1" else 1,
        budget=election.budget,
        max_cost=_money(meta, "max_sum_cost"),
        max_points=_int(meta, "max_sum_points") if cumulative else None,
        rule=str(rule_name),
    )
    return ImportedElection(spec, [_ballot(vote, cumulative) for vote in election.votes])


def meta_dates(meta: Mapping[str, str]) -> tuple[date | None, date | None]:
    """META ``date_begin`` and ``date_end`` (``6.09.2019`` or ``2019-09-06``), if readable."""
    return _date(meta.get("date_begin", "")), _date(meta.get("date_end", ""))


def _date(text: str) -> date | None:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
    return None


def _default_title(meta: Mapping[str, str]) -> str:
    return " ".join(filter(None, (meta.get("unit"), meta.get("subunit"), meta.get("instance"))))


def election_from_poll(
    definition: Mapping[str, Any],
    ballots: Sequence[Sequence[str]],
    result: Mapping[str, Any] | None,
    *,
    unit: str,
    country: str = "Germany",
) -> PbElection:
    """A pabulib election of a (closed) budget poll: its definition, ballots and result."""
    cumulative = definition.get("max_points") is not None
    selected = set(result["selected"]) if result else set()
    supporters: Counter[str] = Counter()
    points: Counter[str] = Counter()
    votes = []
    for number, ballot in enumerate(ballots, start=1):
        given = Counter(ballot)
        supporters.update(given.keys())
        points.update(given)
        votes.append(
            PbVote(
                str(number),
                tuple(given),
                tuple(Decimal(n) for n in given.values()) if cumulative else None,
            )
        )
    projects = tuple(
        PbProject(
            option["key"],
            Decimal(option["cost"]),
            {
                "votes": str(supporters[option["key"]]),
                "score": str(points[option["key"]]),
                "name": option.get("title_de", ""),
                "district": option.get("district", ""),
                "selected": "1" if option["key"] in selected else "0",
            },
        )
        for option in definition["options"]
    )
    meta = {
        "description": definition.get("title_de", ""),
        "country": country,
        "unit": unit,
        "instance": str(definition.get("closes_at", ""))[:4],
        "num_projects": str(len(projects)),
        "num_votes": str(len(votes)),
        "budget": str(definition["budget"]),
        "vote_type": "cumulative" if cumulative else "approval",
        "rule": EXPORT_RULES[Rule(definition["rule"])],
        "date_begin": str(definition.get("opens_at", ""))[:10],
        "date_end": str(definition.get("closes_at", ""))[:10],
        "min_length": str(definition.get("min_choices") or 0),
    }
    optional = {
        "max_length": definition.get("max_choices"),
        "max_sum_cost": definition.get("max_cost"),
        "max_sum_points": definition.get("max_points"),
    }
    meta.update({key: str(value) for key, value in optional.items() if value is not None})
    project_columns = ("project_id", "cost", "votes", "score", "name", "district", "selected")
    vote_columns = ("voter_id", "vote", "points") if cumulative else ("voter_id", "vote")
    if not cumulative:
        project_columns = tuple(column for column in project_columns if column != "score")
    return PbElection(meta, projects, tuple(votes), project_columns, vote_columns)
