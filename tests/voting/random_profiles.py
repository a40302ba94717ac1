"""Seeded random budget profiles for comparing the rules with pabutools.

Voters fall into factions of different sizes, each favouring its own projects (so proportional
and greedy outcomes differ), with a few distinct costs and many identical ballots (so ties are
common), and budgets that are tight, exact subset sums, one cost, or everything.
"""

from __future__ import annotations

import random
from fractions import Fraction

from rathaus.voting.tally import BudgetProfile


def random_profile(seed: int, *, cumulative: bool, voters: int = 30, projects: int = 8):
    rng = random.Random(seed)
    names = [f"p{i:02d}" for i in range(rng.randint(1 if seed % 10 == 0 else 3, projects))]
    unit = rng.choice([1, 10, 100, Fraction(1, 2)])
    pool = [unit * rng.randint(1, 12) for _ in range(rng.randint(1, 4))]
    costs = {name: rng.choice(pool) if rng.random() > 0.04 else 0 for name in names}
    factions = [rng.sample(names, rng.randint(1, len(names))) for _ in range(rng.randint(1, 3))]
    weights = [rng.randint(1, 6) for _ in factions]
    ballots = []
    for _ in range(rng.randint(0 if seed % 10 == 0 else 5, voters)):
        favoured = rng.choices(factions, weights)[0]
        chosen = set(rng.sample(favoured, rng.randint(1, len(favoured))))
        if rng.random() < 0.2:
            chosen ^= {rng.choice(names)}
        ballots.append({name: rng.randint(1, 3) if cumulative else 1 for name in sorted(chosen)})
    return BudgetProfile(
        projects=tuple(names), costs=costs, budget=_budget(rng, costs), ballots=ballots
    )


def _budget(rng: random.Random, costs: dict) -> Fraction:
    values = list(costs.values())
    kind = rng.randrange(4)
    if kind == 0:
        return sum(rng.sample(values, rng.randint(1, len(values))))
    if kind == 1:
        return rng.choice(values)
    if kind == 2:
        return sum(values)
    return Fraction(int(sum(values) * rng.uniform(0.1, 0.9)))
