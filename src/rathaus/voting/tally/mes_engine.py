"""Runs of the Method of Equal Shares for a growing per-voter budget, in exact integers.

The "add1" completion reruns MES with every voter's budget raised by one unit at a time, which
means hundreds or thousands of runs. Two facts make this fast without changing any result:

* Voters with the same ballot always hold the same budget, so they are counted once, with their
  multiplicity. All money is kept as integer numerators over one common denominator, so no
  fraction is ever reduced and every comparison is an integer comparison.
* Along the increments, each budget and each price is an affine function of the increment count
  as long as the run takes the same decisions. A run therefore also carries the slopes of these
  functions and records, for every decision it takes, how many further increments keep that
  decision unchanged: who pays fully and who pays the share of a selected project, which project
  wins a round (against exact prices or valid lower bounds of the others), and which projects
  stay unaffordable. Up to the nearest such limit every run selects the same projects, so the
  caller may jump straight to it. Rounds whose decisions still hold are not recomputed either.

Projects that do not win a round need no exact price along the increments, only a lower bound:
for any split of a project's supporters into some who pay all they have and others who pay an
equal price per point, that price is at most the true one (the true price comes from the one
split that is consistent). Bounds from earlier rounds stay valid, because budgets only shrink
from round to round. So only the winner's split is certified, the others are compared through
their bounds, and an unaffordable project gets the bound of the split "all but its richest
supporter pay everything".

Once a run holds for the next increment only (``_Certificate.settled``), the rest of it certifies
nothing, so it also stops carrying slopes: its later rounds only read and write budgets. A
project found unaffordable stays so for the increments its certificate names, also in the runs
resuming from a snapshot taken after it. Supporters are sorted by their keys rounded to floats
(rounding is monotone), starting from the order found the last time the project was priced; the
split found in that order is then checked exactly, and only supporters whose rounded key equals
the first payer's can need the exact order (ADR 0411). Floats only choose the order to walk in:
every decision is still an integer comparison.

Projects are numbered by the tie-break order (a lower number wins a tie). A project's price is
``rho``: what one unit of utility costs its supporters; with utility = points x cost a supporter
pays ``rho * points * cost``, so ``q = rho * cost`` is the price of one point.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat
from math import lcm
from operator import add, itemgetter, mul, neg

# A price (rho) as an affine function of the increment count t: (value + slope * t) / denominator.
Price = tuple[int, int, int]


class _Certificate:
    """The first increment count from which some decision of the current run may change."""

    __slots__ = ("k", "until")

    def __init__(self, k: int, until: int | None) -> None:
        self.k = k
        self.until = until

    def limit(self, until: int) -> None:
        if self.until is None or until < self.until:
            self.until = until

    @property
    def settled(self) -> bool:
        """The run holds for the next increment only: no further decision can shorten that
        (every decision holds at ``k`` itself), so certifying more is wasted work. The runs go
        to higher ``k`` only, where a limit of ``k + 1`` and a lower one mean the same."""
        return self.until is not None and self.until <= self.k + 1

    def steps(self, gap: int, rate: int) -> int | None:
        """For how many increments t = 0, 1, ... a decision with margin ``gap - rate * t`` holds:
        a positive margin while it stays positive, a zero margin (a tie, or someone paying
        exactly all they have) only at t = 0 unless it does not shrink. None: for ever."""
        if rate <= 0:
            return None
        return 1 if gap == 0 else max(1, -(-gap // rate))

    def holds_while(self, gap: int, rate: int) -> None:
        steps = self.steps(gap, rate)
        if steps is not None:
            self.limit(self.k + steps)


@dataclass
class _State:
    """A run at the start of a round: the budget of one voter of each group and its slope, the
    lower bounds of every unselected project's price, the selection, and the projects found
    unaffordable in this run (with the increment up to which they stay so).

    Budgets are numerators over ``denominator``, written lazily: a group's numerator was written
    when its denominator was smaller, and ``scales[epochs[g]]`` brings it to the current one, so
    a round only touches the groups that pay."""

    denominator: int
    budgets: list[int]
    slopes: list[int]
    epochs: list[int]
    scales: list[int]
    bounds: dict[int, Price]
    selected: list[int]
    dead: dict[int, int | None]

    def at(self, shift: int, k: int = 0) -> _State:
        """A copy, moved ``shift`` increments further along the affine functions, to increment
        ``k``: the projects found unaffordable stay so up to the increment recorded for each."""
        budgets, bounds = self.budgets, self.bounds
        if shift:
            budgets = list(map(add, budgets, map(mul, self.slopes, repeat(shift))))
            bounds = {j: (v + s * shift, s, d) for j, (v, s, d) in bounds.items()}
        return _State(
            self.denominator,
            list(budgets),
            list(self.slopes),
            list(self.epochs),
            list(self.scales),
            dict(bounds),
            list(self.selected),
            {j: until for j, until in self.dead.items() if until is None or until > k},
        )

    def scaled(self, supporters: _Supporters) -> list[int]:
        """For each supporting group, the factor that brings its numerators up to date."""
        return list(map(self.scales.__getitem__, supporters.pick(self.epochs)))

    def read(self, values: list[int], supporters: _Supporters, scaled: list[int]) -> list[int]:
        return list(map(mul, supporters.pick(values), scaled))

    def current(self, supporters: _Supporters) -> list[int]:
        """The supporters' budgets, brought up to date (``read`` without keeping the factors)."""
        factors = map(self.scales.__getitem__, supporters.pick(self.epochs))
        return list(map(mul, supporters.pick(self.budgets), factors))


@dataclass(frozen=True)
class _Supporters:
    """The groups supporting one project, with their points and multiplicities."""

    groups: tuple[int, ...]
    points: tuple[int, ...]
    multiplicity: tuple[int, ...]
    factors: tuple[int, ...] | None
    """A common multiple of the points divided by each one: budget x factor orders by budget per
    point (None: all points are equal, the budgets order alike)."""
    total: int
    pick: Callable[[list[int]], tuple[int, ...]]
    crowded: Callable[[list[int]], tuple[int, ...]]
    """Picks, from values over the supporters, those of the groups of more than one voter."""
    surplus: tuple[int, ...]
    """Their multiplicities less one."""

    @classmethod
    def of(cls, entries: list[tuple[int, int, int]]) -> _Supporters:
        groups = tuple(g for g, _, _ in entries)
        points = tuple(w for _, w, _ in entries)
        common = lcm(*points)
        crowded = [i for i, (_, _, m) in enumerate(entries) if m > 1]
        return cls(
            groups,
            points,
            tuple(m for _, _, m in entries),
            None if common == min(points) else tuple(common // w for w in points),
            sum(w * m for _, w, m in entries),
            _picker(groups),
            _picker(tuple(crowded)),
            tuple(entries[i][2] - 1 for i in crowded),
        )

    def money(self, values: list[int]) -> int:
        """Sum over the supporters of the values (per voter, up to date) times multiplicity."""
        return sum(values) + sum(map(mul, self.crowded(values), self.surplus))

    def keys(self, budgets: list[int]) -> list[int]:
        """Values that order the supporters by budget per point."""
        return budgets if self.factors is None else list(map(mul, budgets, self.factors))


def _picker(indices: tuple[int, ...]) -> Callable[[list[int]], tuple[int, ...]]:
    """The values at ``indices``, as a tuple."""
    if len(indices) > 1:
        return itemgetter(*indices)
    if indices:
        getter = itemgetter(*indices)
        return lambda values: (getter(values),)
    return lambda values: ()


class MesEngine:
    """MES with cost utility weighted by points; ``run(k)`` uses budget/voters + k*increment."""

    def __init__(
        self,
        *,
        costs: Sequence[int],
        budget: int,
        voters: int,
        increment: int,
        groups: Sequence[tuple[int, Sequence[tuple[int, int]]]],
    ) -> None:
        """``groups``: (multiplicity, ((project, points), ...)) for each distinct ballot; every
        project must have a supporter and a positive cost."""
        self.costs = list(costs)
        self.budget, self.voters, self.increment = budget, voters, increment
        self.groups = len(groups)
        entries: list[list[tuple[int, int, int]]] = [[] for _ in self.costs]
        for g, (m, weights) in enumerate(groups):
            for j, w in weights:
                entries[j].append((g, w, m))
        self.supporters = [_Supporters.of(e) for e in entries]
        self._orders = [list(range(len(s.groups))) for s in self.supporters]
        self._snapshots: list[tuple[int, _State]] = []
        self._limits: list[int | None] = []

    def run(self, k: int) -> tuple[list[int], int | None]:
        """Projects MES selects at increment ``k`` (in order), and the first increment count at
        which the selection may differ (None: never, as far as this run can tell)."""
        state, until = self._resume(k)
        certificate = _Certificate(k, until)
        while True:
            done = self._round(state, certificate)
            self._limits.append(certificate.until)
            if done:
                return state.selected, certificate.until
            if not certificate.settled:  # a later run resumes at the first settled round
                self._snapshots.append((k, state.at(0)))

    def _resume(self, k: int) -> tuple[_State, int | None]:
        """The state at the start of the first round whose decisions may differ at ``k``."""
        if not self._snapshots:
            start = self.budget + k * self.increment * self.voters
            initial = _State(
                self.voters,
                [start] * self.groups,
                [self.increment * self.voters] * self.groups,
                [0] * self.groups,
                [1],
                {j: (1, 0, s.total) for j, s in enumerate(self.supporters)},
                [],
                {},
            )
            self._snapshots.append((k, initial))
        valid = 0
        while valid < len(self._snapshots) - 1 and (
            self._limits[valid] is None or self._limits[valid] > k
        ):
            valid += 1
        del self._limits[valid:]
        del self._snapshots[valid + 1 :]
        base, snapshot = self._snapshots[valid]
        return snapshot.at(k - base, k), (self._limits[valid - 1] if valid else None)

    def _round(self, state: _State, cert: _Certificate) -> bool:
        """One round of MES; returns True when nothing affordable is left."""
        evaluations = {}
        best: Price | None = None
        tied: list[int] = []
        bounds, dead = state.bounds, state.dead
        for j in sorted(bounds, key=lambda j: bounds[j][0] / bounds[j][2]):
            if j in dead or (best is not None and _less(best, bounds[j])):
                continue
            evaluation = self._price(state, j, cert)
            if evaluation is None:
                continue
            evaluations[j] = evaluation
            price = bounds[j]
            if best is None or _less(price, best):
                best, tied = price, [j]
            elif not _less(best, price):
                tied.append(j)
        if best is None:
            self._certify_unaffordable(state, cert)
            return True
        chosen = min(tied)
        self._certify_win(state, chosen, bounds[chosen], cert)
        self._pay(state, chosen, evaluations[chosen], cert)
        return False

    def _price(self, state: _State, j: int, cert: _Certificate):
        """Exact price of project j (stored in ``state.bounds``), or None if unaffordable; then
        its bound becomes a lower bound of its price for when it becomes affordable."""
        denominator = state.denominator
        supporters = self.supporters[j]
        track = not cert.settled
        if track:
            scaled = state.scaled(supporters)
            budgets = state.read(state.budgets, supporters, scaled)
        else:
            scaled = None
            budgets = state.current(supporters)
        needed = self.costs[j] * denominator
        available = supporters.money(budgets)
        if available < needed:
            if not track:
                # Unaffordable at k, so for the rest of this run; its old bound stays valid.
                state.dead[j] = cert.k + 1
                return None
            slopes = state.read(state.slopes, supporters, scaled)
            available_slope = supporters.money(slopes)
            steps = cert.steps(needed - available, available_slope)
            state.dead[j] = None if steps is None else cert.k + steps
            # Lower bound: every supporter but the richest one pays all it has.
            keys = supporters.keys(budgets)
            richest = keys.index(max(keys))
            m = supporters.multiplicity[richest]
            state.bounds[j] = (
                needed - available + budgets[richest] * m,
                -(available_slope - slopes[richest] * m),
                denominator * supporters.points[richest] * m * self.costs[j],
            )
            return None
        keys = supporters.keys(budgets)
        slopes = state.slopes if track else None
        try:
            approximate = list(map(float, keys))
        except OverflowError:
            approximate = keys
        # The last order of these supporters is nearly sorted already: budgets change little.
        ordered = sorted(self._orders[j], key=approximate.__getitem__)
        self._orders[j] = ordered
        split = _split(ordered, needed, budgets, supporters, scaled, slopes)
        poor, paid, paid_slope, points = split
        if approximate is not keys and not _split_holds(ordered, poor, keys, approximate):
            ordered = sorted(range(len(keys)), key=keys.__getitem__)
            split = _split(ordered, needed, budgets, supporters, scaled, slopes)
            poor, paid, paid_slope, points = split
        state.bounds[j] = (needed - paid, -paid_slope, denominator * points * self.costs[j])
        return ordered, poor, needed - paid, -paid_slope, points, budgets, scaled

    def _certify_win(self, state: _State, chosen: int, best: Price, cert: _Certificate) -> None:
        """The chosen project keeps beating every other one: its exact price stays below their
        lower bounds, or they stay unaffordable."""
        if cert.settled:
            return
        for j, (value, slope, denominator) in state.bounds.items():
            if j == chosen:
                continue
            gap = value * best[2] - best[0] * denominator
            rate = best[1] * denominator - slope * best[2]
            # A tie goes to the lower number, so j < chosen must stay strictly dearer.
            if gap > 0 or (gap == 0 and j > chosen):
                steps = cert.steps(gap, rate)
                by_price = None if steps is None else cert.k + steps
            else:
                by_price = cert.k
            if j in state.dead:
                by_budget = state.dead[j]
                if by_price is None or by_budget is None:
                    continue
                by_price = max(by_price, by_budget)
            if by_price is not None:
                cert.limit(by_price)

    def _pay(self, state: _State, chosen: int, evaluation, cert: _Certificate) -> None:
        """Supporters pay the chosen project; certify who pays all and who pays the share."""
        points = evaluation[4]
        supporters = self.supporters[chosen]
        state.scales = [scale * points for scale in state.scales]
        state.scales.append(1)
        epoch = len(state.scales) - 1
        if cert.settled:
            self._pay_settled(state, supporters, evaluation, epoch)
        else:
            self._pay_certified(state, supporters, evaluation, epoch, cert)
        state.denominator *= points
        state.selected.append(chosen)
        del state.bounds[chosen]

    @staticmethod
    def _pay_certified(
        state: _State, supporters: _Supporters, evaluation, epoch: int, cert: _Certificate
    ) -> None:
        ordered, poor, share, share_slope, points, budgets, scaled = evaluation
        groups, weights, slopes = supporters.groups, supporters.points, state.slopes
        poorest, payers = ordered[:poor], ordered[poor:]
        # Margins and the rates at which they shrink: who pays all it has must stay short of
        # the share, and who pays the share must keep a budget of at least zero.
        margins = [share * weights[i] - budgets[i] * points for i in poorest]
        rates = [slopes[groups[i]] * scaled[i] * points - share_slope * weights[i] for i in poorest]
        left = [budgets[i] * points - share * weights[i] for i in payers]
        left_slopes = [
            slopes[groups[i]] * scaled[i] * points - share_slope * weights[i] for i in payers
        ]
        margins += left
        rates += map(neg, left_slopes)
        steps = [-(-gap // rate) for gap, rate in zip(margins, rates, strict=True) if rate > 0]
        if steps:
            cert.limit(cert.k + max(1, min(steps)))
        state_budgets, epochs = state.budgets, state.epochs
        for i in poorest:
            g = groups[i]
            state_budgets[g] = slopes[g] = 0
            epochs[g] = epoch
        for i, budget, slope in zip(payers, left, left_slopes, strict=True):
            g = groups[i]
            state_budgets[g] = budget
            slopes[g] = slope
            epochs[g] = epoch

    @staticmethod
    def _pay_settled(state: _State, supporters: _Supporters, evaluation, epoch: int) -> None:
        """Payments once the run is settled: the slopes are no longer read in this run."""
        ordered, poor, share, _slope, points, budgets, _scaled = evaluation
        groups, weights = supporters.groups, supporters.points
        state_budgets, epochs = state.budgets, state.epochs
        for g in groups:
            epochs[g] = epoch
        for i in ordered[:poor]:
            state_budgets[groups[i]] = 0
        if supporters.factors is None:
            share *= weights[0]
            for i in ordered[poor:]:
                state_budgets[groups[i]] = budgets[i] * points - share
        else:
            for i in ordered[poor:]:
                state_budgets[groups[i]] = budgets[i] * points - share * weights[i]

    def _certify_unaffordable(self, state: _State, cert: _Certificate) -> None:
        if cert.settled:
            return
        for j in state.bounds:
            supporters = self.supporters[j]
            scaled = state.scaled(supporters)
            cert.holds_while(
                self.costs[j] * state.denominator
                - supporters.money(state.read(state.budgets, supporters, scaled)),
                supporters.money(state.read(state.slopes, supporters, scaled)),
            )


def _split(
    ordered: list[int],
    needed: int,
    budgets: list[int],
    supporters: _Supporters,
    scaled: list[int],
    slopes: list[int] | None,
) -> tuple[int, int, int, int]:
    """Walks the supporters in ``ordered`` while each one cannot pay the price left by those
    before it: how many pay all they have, what they pay (and its slope, unless ``slopes`` is
    None) and the points of the others, who pay the equal price."""
    paid = paid_slope = poor = 0
    points = supporters.total
    weights, multiplicity = supporters.points, supporters.multiplicity
    if slopes is not None:
        groups = supporters.groups
        for i in ordered:
            w, m = weights[i], multiplicity[i]
            if (needed - paid) * w <= budgets[i] * points:
                break
            paid += budgets[i] * m
            paid_slope += slopes[groups[i]] * scaled[i] * m
            points -= w * m
            poor += 1
    elif supporters.factors is None:
        # A settled run needs no slopes (see _Certificate.settled). All points are equal here,
        # so the voters left stand for the points left.
        w = weights[0]
        voters, remaining = points // w, needed
        for poor, i in enumerate(ordered):  # noqa: B007 (the loop always breaks)
            budget = budgets[i]
            if remaining <= budget * voters:
                break
            m = multiplicity[i]
            remaining -= budget * m
            voters -= m
        return poor, needed - remaining, 0, voters * w
    else:
        for i in ordered:
            w = weights[i]
            if (needed - paid) * w <= budgets[i] * points:
                break
            m = multiplicity[i]
            paid += budgets[i] * m
            points -= w * m
            poor += 1
    return poor, paid, paid_slope, points


def _split_holds(ordered: list[int], poor: int, keys: list[int], approximate: list[float]) -> bool:
    """Whether a split found in the order of the rounded keys is the exact one.

    Everyone counted poor could not pay the price left before it, which only rises up to the
    final one, and the first payer can pay the final price. Rounding to a float is monotone, so
    every later supporter with a larger rounded key has a larger exact key and can pay too; only
    those whose rounded key equals the first payer's need the exact comparison."""
    first = ordered[poor]
    key, rounded = keys[first], approximate[first]
    for i in ordered[poor + 1 :]:
        if approximate[i] != rounded:
            return True
        if keys[i] < key:
            return False
    return True


def _less(a: Price, b: Price) -> bool:
    return a[0] * b[2] < b[0] * a[2]
