"""Seeded synthetic approval elections of city size in the pabulib format.

No real election of the size the issue names (about 6,500 voters, 64 projects) is among the
shared pabulib files, so the benchmark (bench/equal_shares.py) and a test use these: voters favour
projects by a skewed popularity, approve 1 to 15 projects each, costs span two orders of magnitude
and the budget is a fifth of the total cost.
"""

from __future__ import annotations

import random


def synthetic_instance(voters: int, projects: int, seed: int) -> str:
    """A seeded approval election in the pabulib format (see the module's docstring)."""
    rng = random.Random(seed)
    ids = [str(100 + i) for i in range(projects)]
    costs = {key: rng.choice([1, 2, 5]) * 10 ** rng.randint(4, 5) for key in ids}
    popularity = [1 / (rank + 3) ** 0.8 for rank in range(projects)]
    rng.shuffle(popularity)
    budget = sum(costs.values()) // 5
    lines = [
        "META",
        "key;value",
        f"description;synthetic Equal Shares benchmark (seed {seed})",
        f"num_projects;{projects}",
        f"num_votes;{voters}",
        f"budget;{budget}",
        "vote_type;approval",
        "rule;equal-shares",
        "PROJECTS",
        "project_id;cost",
        *(f"{key};{costs[key]}" for key in ids),
        "VOTES",
        "voter_id;vote",
    ]
    for voter in range(voters):
        length = min(projects, max(1, int(rng.expovariate(1 / 5)) + 1), 15)
        chosen: set[str] = set()
        while len(chosen) < length:
            chosen.add(rng.choices(ids, popularity)[0])
        lines.append(f"{voter};{','.join(sorted(chosen, key=int))}")
    return "\n".join(lines) + "\n"
