import pytest

from rathaus.voting import pabulib
from rathaus.voting.pb_outcome import budget_profile
from rathaus.voting.tally import BudgetProfile, Rule, equal_shares
from tests.voting.pabutools_reference import (
    reference_file_outcome,
    reference_outcome,
    shared_pabulib_dir,
)
from tests.voting.random_profiles import random_profile
from tests.voting.synthetic_pabulib import synthetic_instance


@pytest.mark.parametrize("cumulative", [False, True], ids=["approval", "cumulative"])
@pytest.mark.parametrize("batch", range(10))
def test_equal_shares_equals_pabutools_on_generated_profiles(batch, cumulative):
    for seed in range(batch * 20, batch * 20 + 20):
        profile = random_profile(seed, cumulative=cumulative)

        funded = equal_shares(profile)

        assert set(funded) == reference_outcome(profile, Rule.EQUAL_SHARES, cumulative=cumulative)
        assert len(funded) == len(set(funded))


@pytest.mark.parametrize("seed", range(4))
def test_equal_shares_equals_pabutools_on_larger_generated_profiles(seed):
    profile = random_profile(1000 + seed, cumulative=seed % 2 == 1, voters=400, projects=14)

    funded = equal_shares(profile)

    assert set(funded) == reference_outcome(profile, Rule.EQUAL_SHARES, cumulative=seed % 2 == 1)


@pytest.mark.parametrize("name", ["dzbow", "mirow", "rakow"])
def test_equal_shares_equals_pabutools_on_the_shared_pabulib_files(name):
    path = shared_pabulib_dir() / f"poland_czestochowa_2020_{name}.pb"

    funded = equal_shares(budget_profile(pabulib.load(path)))

    assert set(funded) == reference_file_outcome(path, Rule.EQUAL_SHARES)[0]


# pabutools' outcome (completion_by_rule_combination as in ``pabutools_reference``) on the
# synthetic 6,500-voter instance, recorded once: pabutools needs minutes for it.
CITY_SCALE_OUTCOME = frozenset(
    [
        "101",
        "102",
        "105",
        "106",
        "107",
        "114",
        "117",
        "118",
        "121",
        "123",
        "124",
        "126",
        "127",
        "128",
        "129",
        "130",
        "132",
        "133",
        "134",
        "141",
        "142",
        "143",
        "146",
        "149",
        "151",
        "152",
        "153",
        "157",
        "160",
        "162",
        "163",
    ]
)


def test_equal_shares_equals_the_recorded_pabutools_outcome_at_city_scale():
    election = pabulib.loads(synthetic_instance(6500, 64, 2026))

    funded = equal_shares(budget_profile(election))

    assert set(funded) == CITY_SCALE_OUTCOME


def test_equal_shares_gives_a_cohesive_minority_its_share_where_greedy_does_not():
    profile = BudgetProfile(
        projects=("a1", "a2", "a3", "b1"),
        costs={"a1": 30, "a2": 30, "a3": 30, "b1": 30},
        budget=90,
        ballots=[{"a1": 1, "a2": 1, "a3": 1}] * 6 + [{"b1": 1}] * 4,
    )

    funded = equal_shares(profile)

    assert sorted(funded) == ["a1", "a2", "b1"]


def test_equal_shares_breaks_ties_by_the_project_order():
    ballots = [{"x": 1}, {"y": 1}]

    first = equal_shares(
        BudgetProfile(projects=("x", "y"), costs={"x": 5, "y": 5}, budget=5, ballots=ballots)
    )
    second = equal_shares(
        BudgetProfile(projects=("y", "x"), costs={"x": 5, "y": 5}, budget=5, ballots=ballots)
    )

    assert (first, second) == (["x"], ["y"])


def test_equal_shares_funds_nothing_without_ballots():
    profile = BudgetProfile(projects=("a",), costs={"a": 1}, budget=10, ballots=[])

    assert equal_shares(profile) == []
