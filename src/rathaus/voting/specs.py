"""A poll's definition as entered (API, back office, pabulib import), checked before it is
stored. Plain values, no database: each problem is a field path and a stable code with its
parameters, which the platform translates (see messages.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from rathaus.voting.tally import Kind, Poll, PollDefinitionError
from rathaus.voting.tally.poll import YES_NO_OPTIONS

ASSURANCE_LEVELS = ("low", "substantial", "high")
"""The eIDAS levels of assurance a poll may require (the accounts' AssuranceLevel values)."""

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")
MAX_OPTIONS = 500


@dataclass(frozen=True, kw_only=True)
class OptionSpec:
    key: str
    title_de: str
    title_en: str = ""
    description_de: str = ""
    description_en: str = ""
    cost: Decimal | None = None
    district: str = ""


@dataclass(frozen=True, kw_only=True)
class PollSpec:
    title_de: str
    kind: str
    eligibility: str
    opens_at: datetime
    closes_at: datetime
    options: tuple[OptionSpec, ...] = ()
    title_en: str = ""
    description_de: str = ""
    description_en: str = ""
    min_choices: int = 0
    max_choices: int | None = None
    budget: Decimal | None = None
    max_cost: Decimal | None = None
    max_points: int | None = None
    rule: str = ""
    districts: tuple[str, ...] = field(default_factory=tuple)
    min_age: int | None = None
    min_assurance: str = "substantial"
    """The level of assurance residence and date of birth must have been verified at."""
    process: int | None = None
    """The participation process (id) whose voting phase the poll belongs to."""
    sealed: bool = False
    """Ballots are sealed with the poll's key; trustees open the count (ADR 171)."""


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    params: dict = field(default_factory=dict)


def spec_problems(spec: PollSpec) -> list[Problem]:
    """Everything wrong with ``spec``; an empty list if it can be stored."""
    problems = _general(spec) + _options(spec)
    if spec.kind == Kind.BUDGET:
        problems += _budget(spec)
    else:
        problems += [
            Problem(name, "budget_only")
            for name in ("budget", "max_cost", "max_points", "rule")
            if getattr(spec, name) not in (None, "")
        ]
    if not problems:
        problems += _limits(spec)
    return problems


def _general(spec: PollSpec) -> list[Problem]:
    problems = []
    if not spec.title_de.strip():
        problems.append(Problem("title", "required"))
    if spec.kind not in set(Kind):
        problems.append(Problem("kind", "unknown_kind"))
    if spec.eligibility not in ("residents", "codes"):
        problems.append(Problem("eligibility", "unknown_eligibility"))
    for name in ("opens_at", "closes_at"):
        if getattr(spec, name).tzinfo is None:
            problems.append(Problem(name, "timezone_required"))
    if not problems and spec.closes_at <= spec.opens_at:
        problems.append(Problem("closes_at", "closes_before_opening"))
    if spec.eligibility == "codes" and (spec.districts or spec.min_age):
        problems.append(Problem("eligibility", "residents_only_limits"))
    if spec.min_assurance not in ASSURANCE_LEVELS:
        problems.append(Problem("min_assurance", "unknown_assurance"))
    if spec.min_age is not None and not 0 <= spec.min_age <= 120:
        problems.append(Problem("min_age", "out_of_range", {"low": 0, "high": 120}))
    return problems


def _options(spec: PollSpec) -> list[Problem]:
    if spec.kind == Kind.YES_NO:
        keys = tuple(option.key for option in spec.options)
        return [] if keys == YES_NO_OPTIONS else [Problem("options", "yes_no_options")]
    minimum = 1 if spec.kind == Kind.BUDGET else 2
    if not minimum <= len(spec.options) <= MAX_OPTIONS:
        return [Problem("options", "option_count", {"low": minimum, "high": MAX_OPTIONS})]
    problems = []
    seen: set[str] = set()
    for index, option in enumerate(spec.options):
        where = f"options[{index}]"
        if not KEY_PATTERN.match(option.key):
            problems.append(Problem(f"{where}.key", "key_format"))
        elif option.key in seen:
            problems.append(Problem(f"{where}.key", "key_duplicate"))
        seen.add(option.key)
        if not option.title_de.strip():
            problems.append(Problem(f"{where}.title", "required"))
        if spec.kind == Kind.BUDGET and option.cost is None:
            problems.append(Problem(f"{where}.cost", "required"))
        elif spec.kind != Kind.BUDGET and option.cost is not None:
            problems.append(Problem(f"{where}.cost", "budget_only"))
        elif option.cost is not None and option.cost < 0:
            problems.append(Problem(f"{where}.cost", "negative"))
    return problems


def _budget(spec: PollSpec) -> list[Problem]:
    problems = []
    if spec.budget is None:
        problems.append(Problem("budget", "required"))
    elif spec.budget <= 0:
        problems.append(Problem("budget", "not_positive"))
    if spec.max_cost is not None and spec.max_cost <= 0:
        problems.append(Problem("max_cost", "not_positive"))
    if not spec.rule:
        problems.append(Problem("rule", "required"))
    elif spec.rule not in ("greedy", "equal-shares"):
        problems.append(Problem("rule", "unknown_rule"))
    if spec.max_points is not None and spec.max_points < 1:
        problems.append(Problem("max_points", "not_positive"))
    return problems


def _limits(spec: PollSpec) -> list[Problem]:
    count = len(spec.options)
    if spec.kind in (Kind.YES_NO, Kind.SINGLE):
        if spec.min_choices > 1 or (spec.max_choices or 1) != 1:
            return [Problem("max_choices", "single_choice_limits")]
        return []
    if spec.min_choices > count:
        return [Problem("min_choices", "more_than_options", {"count": count})]
    if spec.max_choices is not None and not spec.min_choices <= spec.max_choices:
        return [Problem("max_choices", "below_minimum")]
    try:
        tally_poll_of(spec)
    except PollDefinitionError as error:
        return [Problem("", "inconsistent", {"detail": str(error)})]
    return []


def process_problems(
    spec: PollSpec, *, found: bool, voting_phase: tuple[datetime, datetime] | None
) -> list[Problem]:
    """A poll in a process must lie inside the process's voting phase (it may narrow it)."""
    if spec.process is None:
        return []
    if not found:
        return [Problem("process", "process_unknown")]
    if voting_phase is None:
        return [Problem("process", "no_voting_phase")]
    start, end = voting_phase
    if spec.opens_at < start or spec.closes_at > end:
        return [Problem("opens_at", "outside_voting_phase", {"start": start, "end": end})]
    return []


def tally_poll_of(spec: PollSpec) -> Poll:
    """The tally's poll for a spec (raises PollDefinitionError if inconsistent)."""
    budget = spec.kind == Kind.BUDGET
    return Poll(
        kind=Kind(spec.kind),
        options=tuple(option.key for option in spec.options),
        min_choices=spec.min_choices,
        max_choices=None if spec.kind in (Kind.YES_NO, Kind.SINGLE) else spec.max_choices,
        budget=spec.budget if budget else None,
        costs={option.key: option.cost for option in spec.options} if budget else {},
        max_cost=spec.max_cost if budget else None,
        max_points=spec.max_points if budget else None,
        rule=spec.rule or None if budget else None,
    )
