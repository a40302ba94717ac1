"""pabutools (GPL, a test dependency only) as the reference for the budget rules.

Cost satisfaction: pabutools' ``Cost_Sat`` for approval ballots; for cumulative ballots the same
weighted by the points (``PointsCost``), which pabutools has no class for.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from pabutools.election import (
    ApprovalBallot,
    ApprovalProfile,
    Cost_Sat,
    CumulativeBallot,
    CumulativeProfile,
    Instance,
    Project,
    parse_pabulib,
)
from pabutools.election.satisfaction.additivesatisfaction import AdditiveSatisfaction
from pabutools.fractions import frac
from pabutools.rules import (
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
)

from rathaus.voting.tally import BudgetProfile, Rule

ROOT = Path(__file__).resolve().parents[2]


def shared_pabulib_dir() -> Path:
    """The shared pabulib files: ``../shared/data/pabulib`` next to the repository, or the
    directory named by RATHAUS_PABULIB_DIR (for worktrees that live elsewhere)."""
    path = Path(os.environ.get("RATHAUS_PABULIB_DIR") or ROOT.parent / "shared/data/pabulib")
    if not sorted(path.glob("*.pb")):
        pytest.skip(f"no shared pabulib files in {path} (set RATHAUS_PABULIB_DIR)")
    return path


def _points_cost(instance, profile, ballot, project, precomputed):
    return ballot.get(project, 0) * project.cost


class PointsCost(AdditiveSatisfaction):
    def __init__(self, instance, profile, ballot):
        super().__init__(instance, profile, ballot, _points_cost)


def reference_outcome(profile: BudgetProfile, rule: Rule, *, cumulative: bool) -> set[str]:
    """pabutools' outcome, less projects nobody supports (which pabutools may add at the end)."""
    projects = {key: Project(key, frac(cost)) for key, cost in profile.costs.items()}
    instance = Instance(projects.values(), budget_limit=frac(profile.budget))
    if cumulative:
        ballots = [
            CumulativeBallot({projects[k]: p for k, p in b.items()}) for b in profile.ballots
        ]
        pb_profile = CumulativeProfile(ballots)
    else:
        pb_profile = ApprovalProfile(
            [ApprovalBallot(projects[k] for k in b) for b in profile.ballots]
        )
    supported = {key for key, score in profile.scores().items() if score > 0}
    return _run(instance, pb_profile, rule) & supported


@cache
def reference_file_outcome(path: Path, rule: Rule) -> tuple[frozenset[str], int]:
    """pabutools' outcome on a pabulib file read by pabutools itself: (projects, total cost),
    computed once per test session."""
    return pabutools_file_outcome(path, rule)


def pabutools_file_outcome(path: Path, rule: Rule) -> tuple[frozenset[str], int]:
    instance, profile = parse_pabulib(str(path))
    supported = {project.name for ballot in profile for project in ballot}
    selected = frozenset(_run(instance, profile, rule) & supported)
    return selected, int(sum(project.cost for project in instance if project.name in selected))


def _run(instance, profile, rule: Rule) -> set[str]:
    sat = Cost_Sat if isinstance(profile, ApprovalProfile) else PointsCost
    if rule is Rule.GREEDY:
        outcome = greedy_utilitarian_welfare(instance, profile, sat_class=sat)
    else:
        outcome = completion_by_rule_combination(
            instance,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": sat, "voter_budget_increment": 1}, {"sat_class": sat}],
        )
    return {project.name for project in outcome}
