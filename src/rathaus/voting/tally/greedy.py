"""Greedy by support: fund projects in order of their score (points, or supporters for approval
ballots), skipping any project that no longer fits in the remaining budget.

This is pabulib's ``greedy`` rule and equals pabutools' ``greedy_utilitarian_welfare`` with a
cost satisfaction (``Cost_Sat`` for approval ballots; points times cost for cumulative ones),
whose order is score per cost times cost, i.e. the score. Ties go to the project earlier in the
profile's project order. Projects without any support are never funded (pabutools would still add
them at the very end if money is left; that is the only difference).
"""

from __future__ import annotations

from collections.abc import Iterable

from rathaus.voting.tally.budget_profile import BudgetProfile


def greedy(profile: BudgetProfile, *, funded: Iterable[str] = ()) -> list[str]:
    """Projects funded, in the order chosen; ``funded`` are already chosen (completion)."""
    _scale, costs, budget = profile.integral()
    scores = profile.scores()
    selected = list(funded)
    remaining = budget - sum(costs[key] for key in selected)
    position = {key: i for i, key in enumerate(profile.projects)}
    chosen = set(selected)
    candidates = sorted(
        (key for key in profile.projects if scores[key] > 0 and key not in chosen),
        key=lambda key: (costs[key] > 0, -scores[key], position[key]),
    )
    for key in candidates:
        if costs[key] <= remaining:
            selected.append(key)
            remaining -= costs[key]
    return selected
