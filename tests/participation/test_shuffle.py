"""The stable random order: the same seed gives the same order, in Python and in the database."""

import pytest

from rathaus.participation import shuffle
from rathaus.participation.models import Proposal
from rathaus.participation.selectors import shuffle_key_expression
from tests.participation.factories import ProcessFactory, ProposalFactory


def test_keys_stay_within_the_modulus_for_large_ids():
    assert all(
        0 <= shuffle.shuffle_key(pk, shuffle.MODULUS - 1) < shuffle.MODULUS
        for pk in [1, 2, 10**9, 2**40]
    )


@pytest.mark.parametrize(("seed", "other"), [(17, 4242), (77, 78), (1, 2)])
def test_different_seeds_give_different_orders(seed, other):
    ids = range(1, 101)

    first = sorted(ids, key=lambda pk: shuffle.shuffle_key(pk, seed))
    second = sorted(ids, key=lambda pk: shuffle.shuffle_key(pk, other))

    assert first[:10] != second[:10]
    assert first != list(ids)


@pytest.mark.parametrize("value", ["0", "-3", "abc", "", None, str(shuffle.MODULUS), "1.5"])
def test_untrusted_seeds_are_refused(value):
    assert shuffle.valid_seed(value) is None


def test_a_new_seed_is_valid():
    assert shuffle.valid_seed(shuffle.new_seed()) is not None


@pytest.mark.django_db
def test_the_database_computes_the_same_keys_as_python():
    process = ProcessFactory(running="proposals")
    proposals = ProposalFactory.create_batch(12, process=process)
    seed = 1_987_654_321

    from_db = dict(
        Proposal.objects.filter(process=process)
        .annotate(key=shuffle_key_expression(seed))
        .values_list("id", "key")
    )

    assert from_db == {p.pk: shuffle.shuffle_key(p.pk, seed) for p in proposals}


def test_the_seed_of_the_day_is_valid_and_changes_daily():
    import datetime

    today = datetime.date(2026, 11, 25)

    assert shuffle.valid_seed(shuffle.daily_seed(today)) == shuffle.daily_seed(today)
    assert shuffle.daily_seed(today) != shuffle.daily_seed(today + datetime.timedelta(days=1))
