"""The stable random order: keys drawn once, a seed picks where the circle of keys starts."""

import datetime

import pytest

from rathaus.participation import shuffle
from rathaus.participation.models import Proposal
from rathaus.participation.selectors import SORT_RANDOM, ProposalFilter, proposals_for_list
from tests.participation.factories import ProcessFactory, ProposalFactory


def seed_starting_at(key: int) -> int:
    """The seed whose order starts exactly at `key` (the inverse of `shuffle.offset`)."""
    return key * pow(shuffle.SEED_MULTIPLIER, -1, shuffle.MODULUS) % shuffle.MODULUS


def test_new_keys_lie_on_the_circle():
    assert all(0 <= shuffle.new_key() < shuffle.MODULUS for _ in range(100))


@pytest.mark.parametrize(("seed", "other"), [(17, 4242), (77, 78), (1, 2)])
def test_neighbouring_seeds_start_far_apart(seed, other):
    assert abs(shuffle.offset(seed) - shuffle.offset(other)) > shuffle.MODULUS // 1000


def test_the_rotation_starts_at_the_seed_and_wraps_around():
    keys = [(10, 1), (500, 2), (20, 3), (900, 4), (500, 5)]
    seed = seed_starting_at(400)

    assert shuffle.rotated(keys, seed) == [(500, 2), (500, 5), (900, 4), (10, 1), (20, 3)]


@pytest.mark.parametrize("value", ["0", "-3", "abc", "", None, str(shuffle.MODULUS), "1.5"])
def test_untrusted_seeds_are_refused(value):
    assert shuffle.valid_seed(value) is None


def test_a_new_seed_is_valid():
    assert shuffle.valid_seed(shuffle.new_seed()) is not None


def test_the_seed_of_the_day_is_valid_and_changes_daily():
    today = datetime.date(2026, 11, 25)

    assert shuffle.valid_seed(shuffle.daily_seed(today)) == shuffle.daily_seed(today)
    assert shuffle.daily_seed(today) != shuffle.daily_seed(today + datetime.timedelta(days=1))


def random_rows(process, seed: int):
    return proposals_for_list(process, ProposalFilter(sort=SORT_RANDOM, seed=seed))


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 4242, 1_987_654_321])
def test_the_database_pages_through_the_order_python_defines(seed):
    process = ProcessFactory(running="proposals")
    ProposalFactory.create_batch(23, process=process)
    rows = random_rows(process, seed)
    expected = [
        pk
        for _, pk in shuffle.rotated(
            list(Proposal.objects.filter(process=process).values_list("shuffle_key", "id")), seed
        )
    ]

    # pages of 5, and slices that straddle the wrap of the circle
    paged = [p.pk for start in range(0, 25, 5) for p in rows[start : start + 5]]
    assert paged == expected
    assert [p.pk for p in rows[3:21]] == expected[3:21]
    assert rows[23:30] == []


@pytest.mark.django_db
def test_every_proposal_comes_first_for_some_seed():
    process = ProcessFactory(running="proposals")
    proposals = ProposalFactory.create_batch(8, process=process)

    for proposal in proposals:
        proposal.refresh_from_db()
        first = random_rows(process, seed_starting_at(proposal.shuffle_key))[0:1]
        assert [p.pk for p in first] == [proposal.pk]
