"""The Schulze method (M. Schulze, "A new monotonic, clone-independent, reversal symmetric, and
Condorcet-consistent single-winner election method", Social Choice and Welfare 36, 2011), with the
winning-votes link strength as LiquidFeedback uses it.

Ballots rank some or all options, best first. Options a ballot leaves out rank below every option
it names and equal among themselves, so they add no preference between each other.

Tie-break: Schulze's relation (a beats b when the strongest path from a to b is stronger than the
one back) is a strict partial order, not always a complete ranking. The ranking is built by
repeatedly taking, among the options still unplaced, those that no other unplaced option beats,
and placing the one listed first on the poll. This uses the poll's option order in the role of
Schulze's tie-breaking ranking of the candidates (TBRC), as LiquidFeedback uses the creation order
of initiatives; unlike the full procedure it does not refine ties through a ranking of the links.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SchulzeOutcome:
    ranking: tuple[str, ...]
    """All options, best first, ties broken by the option order."""
    tie_broken: tuple[tuple[str, str], ...]
    """Neighbours in ``ranking`` whose order came from the tie-break, not from the ballots."""
    pairwise: dict[str, dict[str, int]]
    """``pairwise[a][b]``: ballots preferring a to b."""
    strongest_paths: dict[str, dict[str, int]]
    """``strongest_paths[a][b]``: strength of the strongest path from a to b."""


def pairwise_preferences(
    options: Sequence[str], ballots: Iterable[Sequence[str]]
) -> list[list[int]]:
    """d[i][j] = number of ballots that rank option i above option j (by option index)."""
    index = {option: i for i, option in enumerate(options)}
    size = len(options)
    d = [[0] * size for _ in range(size)]
    for ballot, count in Counter(map(tuple, ballots)).items():
        ranked = [index[key] for key in ballot]
        unranked = set(range(size)).difference(ranked)
        for position, better in enumerate(ranked):
            row = d[better]
            for worse in ranked[position + 1 :]:
                row[worse] += count
            for worse in unranked:
                row[worse] += count
    return d


def strongest_paths(d: list[list[int]]) -> list[list[int]]:
    """Widest paths (Floyd-Warshall) over links of winning-votes strength."""
    size = len(d)
    p = [[d[i][j] if i != j and d[i][j] > d[j][i] else 0 for j in range(size)] for i in range(size)]
    for k in range(size):
        for i in range(size):
            if i == k or p[i][k] == 0:
                continue
            via = p[i][k]
            row_i, row_k = p[i], p[k]
            for j in range(size):
                if j != i and j != k:
                    strength = min(via, row_k[j])
                    if strength > row_i[j]:
                        row_i[j] = strength
    return p


def schulze(options: Sequence[str], ballots: Iterable[Sequence[str]]) -> SchulzeOutcome:
    d = pairwise_preferences(options, ballots)
    p = strongest_paths(d)
    size = len(options)
    unplaced = list(range(size))
    order: list[int] = []
    tie_broken: list[tuple[str, str]] = []
    while unplaced:
        unbeaten = [i for i in unplaced if not any(p[j][i] > p[i][j] for j in unplaced)]
        chosen = unbeaten[0]
        if order and not p[order[-1]][chosen] > p[chosen][order[-1]]:
            tie_broken.append((options[order[-1]], options[chosen]))
        order.append(chosen)
        unplaced.remove(chosen)
    return SchulzeOutcome(
        ranking=tuple(options[i] for i in order),
        tie_broken=tuple(tie_broken),
        pairwise=_labelled(options, d),
        strongest_paths=_labelled(options, p),
    )


def _labelled(options: Sequence[str], matrix: list[list[int]]) -> dict[str, dict[str, int]]:
    return {
        a: {b: matrix[i][j] for j, b in enumerate(options) if j != i} for i, a in enumerate(options)
    }
