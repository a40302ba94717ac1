"""The Method of Equal Shares (Peters, Pierczyński, Skowron), completed as in Wieliczka, Świecie
and Aarau: utility = cost, every voter's budget raised one unit at a time while the outcome stays
within the budget ("add1"), then greedy by support on what is left.

Equal to pabutools (1.2) called as::

    completion_by_rule_combination(
        instance, profile, [method_of_equal_shares, greedy_utilitarian_welfare],
        [{"sat_class": Cost_Sat, "voter_budget_increment": 1}, {"sat_class": Cost_Sat}],
    )

with its default lexicographic tie-breaking, on approval ballots. For cumulative ballots the
utility of a project is points x cost (the cost satisfaction weighted by the points; an approval
is one point), used for both steps, so that the greedy step is pabulib's greedy by score. The tie
order is the profile's project order (pabutools: the project names; ``pb_outcome`` therefore
orders pabulib projects by their id). Projects without support are never funded.
"""

from __future__ import annotations

from collections import Counter

from rathaus.voting.tally.budget_profile import BudgetProfile
from rathaus.voting.tally.greedy import greedy
from rathaus.voting.tally.mes_engine import MesEngine


def equal_shares(profile: BudgetProfile) -> list[str]:
    """Projects funded, in the order chosen: first by Equal Shares with add1, then greedy."""
    return greedy(profile, funded=equal_shares_add1(profile))


def equal_shares_add1(profile: BudgetProfile) -> list[str]:
    """Equal Shares with the per-voter budget raised by one unit of money while the outcome
    stays affordable; stops at the first outcome that is exhaustive (nothing else supported
    fits) and falls back to the previous outcome at the first one that overspends."""
    if not profile.ballots:
        return []
    _scale, costs, budget = profile.integral()
    engine, paid = mes_engine(profile)
    free = [key for key, score in profile.scores().items() if score > 0 and costs[key] == 0]
    previous: list[int] = []
    k = 0
    while True:
        chosen, until = engine.run(k)
        left = budget - sum(costs[paid[j]] for j in chosen)
        if left < 0:
            chosen = previous
            break
        if all(costs[paid[j]] > left for j in set(range(len(paid))).difference(chosen)):
            break
        previous = chosen
        k = k + 1 if until is None else max(until, k + 1)
    return free + [paid[j] for j in chosen]


def mes_engine(profile: BudgetProfile) -> tuple[MesEngine, list[str]]:
    """The engine for a profile with ballots, and the projects it numbers: those with support
    and a positive cost, in tie-break order. Identical ballots form one group."""
    scale, costs, budget = profile.integral()
    scores = profile.scores()
    paid = [key for key in profile.projects if scores[key] > 0 and costs[key] > 0]
    number = {key: j for j, key in enumerate(paid)}
    groups = Counter(
        tuple(sorted((number[key], p) for key, p in ballot.items() if key in number and p > 0))
        for ballot in profile.ballots
    )
    engine = MesEngine(
        costs=[costs[key] for key in paid],
        budget=budget,
        voters=len(profile.ballots),
        increment=scale,
        groups=[(m, weights) for weights, m in groups.items() if weights],
    )
    return engine, paid
