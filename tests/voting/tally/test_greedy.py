import pytest

from rathaus.voting import pabulib
from rathaus.voting.pb_outcome import budget_profile
from rathaus.voting.tally import BudgetProfile, Rule, greedy
from tests.voting.pabutools_reference import (
    reference_file_outcome,
    reference_outcome,
    shared_pabulib_dir,
)
from tests.voting.random_profiles import random_profile


@pytest.mark.parametrize("cumulative", [False, True], ids=["approval", "cumulative"])
def test_greedy_equals_pabutools_on_generated_profiles(cumulative):
    for seed in range(300):
        profile = random_profile(seed, cumulative=cumulative)

        funded = greedy(profile)

        assert set(funded) == reference_outcome(profile, Rule.GREEDY, cumulative=cumulative)


@pytest.mark.parametrize("name", ["dzbow", "mirow", "rakow"])
def test_greedy_equals_pabutools_on_the_shared_pabulib_files(name):
    path = shared_pabulib_dir() / f"poland_czestochowa_2020_{name}.pb"

    funded = greedy(budget_profile(pabulib.load(path)))

    assert set(funded) == reference_file_outcome(path, Rule.GREEDY)[0]


def profile_of(projects, costs, budget, ballots):
    return BudgetProfile(projects=projects, costs=costs, budget=budget, ballots=ballots)


def test_greedy_funds_by_support_and_skips_what_does_not_fit():
    costs = {"big": 80, "mid": 50, "small": 20}
    ballots = [{"mid": 1}] * 5 + [{"big": 1}] * 4 + [{"small": 1}] * 3

    funded = greedy(profile_of(("big", "mid", "small"), costs, 100, ballots))

    assert funded == ["mid", "small"]


def test_greedy_orders_cumulative_ballots_by_points_not_by_supporters():
    ballots = [{"a": 1}] * 3 + [{"b": 5}] * 2

    funded = greedy(profile_of(("a", "b"), {"a": 10, "b": 10}, 10, ballots))

    assert funded == ["b"]


def test_greedy_breaks_ties_by_the_project_order_and_never_funds_unsupported_projects():
    ballots = [{"x": 1}, {"y": 1}]
    costs = {"x": 5, "y": 5, "z": 1}

    first = greedy(profile_of(("x", "y", "z"), costs, 6, ballots))
    second = greedy(profile_of(("y", "x", "z"), costs, 6, ballots))

    assert (first, second) == (["x"], ["y"])


def test_free_projects_with_support_come_first():
    ballots = [{"paid": 1}] * 3 + [{"free": 1}]

    funded = greedy(profile_of(("paid", "free"), {"paid": 10, "free": 0}, 10, ballots))

    assert funded == ["free", "paid"]
