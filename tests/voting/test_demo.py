import io

import pytest
from django.core.management.base import OutputWrapper

from rathaus.voting import demo
from rathaus.voting.demo_budget import kaiserslautern_budget
from rathaus.voting.errors import AlreadyVoted
from rathaus.voting.models import Ballot, Poll
from rathaus.voting.services import ballot_cast, poll_unseal
from rathaus.voting.tally import Rule
from rathaus.voting.window import PollState

pytestmark = pytest.mark.django_db


def test_the_demo_loads_four_marked_polls_once():
    demo.load()
    demo.load()

    polls = Poll.objects.order_by("pk")
    assert polls.count() == 4
    assert all(poll.title_de.startswith("Demo:") for poll in polls)
    assert [poll.state() for poll in polls] == [
        PollState.OPEN,
        PollState.OPEN,
        PollState.CLOSED,
        PollState.ENDED,
    ]


def test_the_printed_shares_of_two_demo_trustees_open_the_sealed_demo_poll():
    out = io.StringIO()
    demo.load(stdout=OutputWrapper(out))
    poll = Poll.objects.get(title_de=demo.SEALED)
    shares = [line.split(": ", 1)[1] for line in out.getvalue().splitlines() if "(Demo): " in line]

    assert len(shares) == 3 and not Ballot.objects.filter(poll=poll).exists()
    poll = poll_unseal(actor=None, poll=poll, shares=shares[1:])
    assert poll.result["ballots"] == len(demo.SEALED_VOTES)
    assert poll.result["options"][0] == {"key": "yes", "votes": 4, "share": "0.571429"}


def test_the_published_demo_codes_work_and_the_used_ones_are_refused():
    demo.load()
    square = Poll.objects.get(title_de=demo.SQUARE)

    assert ballot_cast(poll=square, choices=["werk"], code="demo-0000-0000-0001")
    with pytest.raises(AlreadyVoted):
        ballot_cast(poll=square, choices=["werk"], code="DEMO-0000-0000-0016")
    assert Ballot.objects.filter(poll=square).count() == 6


def test_the_demo_budget_funds_projects_in_several_districts():
    demo.load()
    budget = Poll.objects.get(title_de=demo.BUDGET_TITLE)

    result = budget.result
    funded_districts = [row["district"] for row in result["districts"] if row["selected"]]
    assert result["rule"] == Rule.EQUAL_SHARES
    assert result["ballots"] == 900
    assert len(funded_districts) >= 4
    assert 0 < int(result["cost"].split(".")[0]) <= 500_000
    assert budget.title_en.startswith("Demo:")


def test_the_generated_election_is_the_same_every_time():
    assert kaiserslautern_budget() == kaiserslautern_budget()


def test_the_demo_puts_a_poll_into_the_participation_demo_process():
    from rathaus.participation import phases
    from tests.participation.factories import ProcessFactory

    process = ProcessFactory(slug=demo.DEMO_PROCESS, running=phases.VOTING)

    demo.load()

    ideas = Poll.objects.get(title_de=demo.IDEAS)
    assert ideas.process == process
    assert ideas.state() is PollState.OPEN


def test_the_demo_residents_district_decides_who_may_vote_on_the_city_centre_ideas():
    from rathaus.accounts import demo as accounts_demo
    from rathaus.accounts.models import User
    from rathaus.participation import phases
    from rathaus.voting.eligibility import Ineligibility
    from rathaus.voting.selectors import voter_check
    from tests.participation.factories import ProcessFactory

    accounts_demo.load()
    ProcessFactory(slug=demo.DEMO_PROCESS, running=phases.VOTING)
    demo.load()
    ideas = Poll.objects.get(title_de=demo.IDEAS)

    anna = voter_check(poll=ideas, user=User.objects.get(email="anna.schmidt@example.org"))
    john = voter_check(poll=ideas, user=User.objects.get(email="john.miller@example.org"))

    assert ideas.districts == ["Innenstadt"]
    assert anna.allowed
    assert john.problem is Ineligibility.DISTRICT_NOT_INCLUDED
