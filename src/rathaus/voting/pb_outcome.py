"""The outcome of a pabulib election under one of the platform's budget rules.

``pb_outcome`` recomputes the funded projects of a .pb file with the same rule code the platform
uses for its own participatory budgets, so results can be compared with pabulib and pabutools.
Projects are taken in the order of their ids as text (pabutools' lexicographic tie-breaking);
approval and choose-1 ballots give one point per listed project, cumulative ballots their points.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rathaus.voting import pabulib
from rathaus.voting.tally.budget_profile import BudgetProfile
from rathaus.voting.tally.counting import BUDGET_RULES
from rathaus.voting.tally.poll import Rule

APPROVAL_TYPES = ("approval", "choose-1")


def pb_outcome(path: str | Path, rule: Rule | str) -> dict[str, list[str] | int | str]:
    """``{"selected": [project ids in the order funded], "cost": total cost}``; the cost is an
    integer when it is whole (as in all pabulib files), else a decimal string."""
    election = pabulib.load(path)
    profile = budget_profile(election)
    selected = BUDGET_RULES[Rule(rule)](profile)
    cost = sum((profile.costs[key] for key in selected), Decimal(0))
    return {"selected": selected, "cost": int(cost) if cost == cost.to_integral() else str(cost)}


def budget_profile(election: pabulib.PbElection) -> BudgetProfile:
    """The budget profile of a pabulib election with approval or cumulative ballots."""
    vote_type = election.vote_type
    if vote_type in APPROVAL_TYPES:
        ballots = [dict.fromkeys(vote.vote, 1) for vote in election.votes]
    elif vote_type == "cumulative":
        ballots = [_points(vote) for vote in election.votes]
    else:
        raise pabulib.PabulibError(
            f"budget rules need approval or cumulative ballots, not {vote_type!r}"
        )
    return BudgetProfile(
        projects=tuple(sorted(project.project_id for project in election.projects)),
        costs={project.project_id: project.cost for project in election.projects},
        budget=election.budget,
        ballots=ballots,
    )


def _points(vote: pabulib.PbVote) -> dict[str, int]:
    if vote.points is None:
        raise pabulib.PabulibError(f"voter {vote.voter_id}: cumulative ballots need points")
    points = vote.points
    if any(p != p.to_integral() or p < 0 for p in points) or len(set(vote.vote)) != len(vote.vote):
        raise pabulib.PabulibError(
            f"voter {vote.voter_id}: cumulative points must be whole, >= 0, one per project"
        )
    return {key: int(p) for key, p in zip(vote.vote, points, strict=True)}
