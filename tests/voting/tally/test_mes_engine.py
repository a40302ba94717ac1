import pytest

from rathaus.voting.tally import mes_engine as mes_engine_module
from rathaus.voting.tally.equal_shares import mes_engine
from rathaus.voting.tally.mes_engine import _split_holds
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


def test_a_split_found_in_rounded_order_is_checked_against_the_exact_keys():
    # 2**60 and 2**60 + 1 round to the same float, so the rounded order may put them either way.
    close = [2**60 + 1, 2**60, 2**61]
    rounded = [float(key) for key in close]

    # The first payer (2**60 + 1) is followed by a smaller exact key: not the exact split.
    assert not _split_holds([0, 1, 2], 0, close, rounded)
    # In exact order, or with the smaller key counted poor, the split stands.
    assert _split_holds([1, 0, 2], 0, close, rounded)
    assert _split_holds([1, 0, 2], 1, close, rounded)
    # Equal exact keys are no reason to doubt it.
    assert _split_holds([0, 1], 0, [2**60, 2**60], [float(2**60)] * 2)


@pytest.mark.parametrize("cumulative", [False, True], ids=["approval", "cumulative"])
def test_coarse_rounding_of_the_keys_changes_no_run(monkeypatch, cumulative):
    def runs(profile):
        engine = mes_engine(profile)[0]
        return [engine.run(k) for k in range(0, 60, 7)]

    # Rounding that maps many different keys to one float (still monotone) sends most splits to
    # the exact check and many to the exact order; every run must come out the same.
    profiles = [
        random_profile(seed, cumulative=cumulative, voters=60, projects=10) for seed in range(30)
    ]
    profiles = [profile for profile in profiles if profile.ballots]
    expected = [runs(profile) for profile in profiles]
    monkeypatch.setattr(mes_engine_module, "float", lambda key: float(key >> 12), raising=False)
    assert [runs(profile) for profile in profiles] == expected
