import pytest

from rathaus.voting.errors import PollChangeRefused
from rathaus.voting.models import VotingCode
from rathaus.voting.services import ballot_cast, poll_close, voting_codes_generate
from tests.voting.factories import PollFactory

pytestmark = pytest.mark.django_db


def test_generated_codes_are_distinct_and_each_lets_one_ballot_in():
    poll = PollFactory(kind="single")

    generated = voting_codes_generate(actor=None, poll=poll, count=20)

    assert len(set(generated)) == 20
    trackers = {ballot_cast(poll=poll, choices=["a"], code=code) for code in generated}
    assert len(trackers) == 20


def test_only_digests_of_the_codes_are_stored():
    poll = PollFactory(kind="single")

    generated = voting_codes_generate(actor=None, poll=poll, count=5)

    stored = list(VotingCode.objects.filter(poll=poll).values_list("digest", flat=True))
    assert len(stored) == 5
    assert stored == sorted(stored)
    plain = {code.replace("-", "") for code in generated} | set(generated)
    stored_values = {str(value) for row in VotingCode.objects.values() for value in row.values()}
    assert not plain & stored_values


def test_a_resident_poll_has_no_codes():
    poll = PollFactory(kind="single", eligibility="residents")

    with pytest.raises(PollChangeRefused) as refused:
        voting_codes_generate(actor=None, poll=poll, count=5)

    assert refused.value.code == "codes_only"


def test_no_codes_are_made_for_a_closed_poll():
    poll = PollFactory(kind="single")
    poll_close(actor=None, poll=poll)

    with pytest.raises(PollChangeRefused):
        voting_codes_generate(actor=None, poll=poll, count=5)
