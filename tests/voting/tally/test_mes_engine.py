import pytest

from rathaus.voting.tally.equal_shares import mes_engine
from tests.voting.random_profiles import random_profile


def assert_skips_are_exact(profile, *, seed, horizon=150):
    engine, k = mes_engine(profile)[0], 0
    while k < horizon:
        selected, until = engine.run(k)
        following = min(horizon, until if until is not None else k + 1)
        for skipped in range(k, following):
            assert mes_engine(profile)[0].run(skipped)[0] == selected, (seed, k, skipped)
        k = max(following, k + 1)


@pytest.mark.parametrize("cumulative", [False, True], ids=["approval", "cumulative"])
@pytest.mark.parametrize("batch", range(4))
def test_every_skipped_increment_selects_what_the_run_before_it_certified(batch, cumulative):
    for seed in range(batch * 25, batch * 25 + 25):
        profile = random_profile(seed, cumulative=cumulative, voters=80, projects=12)
        if profile.ballots:
            assert_skips_are_exact(profile, seed=seed)


def test_a_tie_won_by_the_project_priced_second_is_certified_with_the_winners_price():
    # In this profile a round ends in an exact tie whose winner (the earlier project) is priced
    # after the other one; their prices move apart at different rates along the increments.
    profile = random_profile(118, cumulative=True, voters=200, projects=16)

    assert_skips_are_exact(profile, seed=118)
