"""Polls inside a participation process: open only during its voting phase, shown with it."""

import json
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone

from rathaus.participation import phases
from rathaus.participation.models import Phase, Process
from rathaus.voting.errors import PollInvalid, PollNotOpen
from rathaus.voting.services import ballot_cast
from rathaus.voting.window import PollState
from tests.participation.factories import ProcessFactory
from tests.voting.factories import PollFactory, make_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def voting_process():
    """A process whose voting phase runs from a day ago for ten days."""
    return ProcessFactory(running=phases.VOTING, slug="innenstadt")


def test_a_poll_in_the_voting_phase_is_open_and_takes_ballots(voting_process):
    poll = PollFactory(kind="single", process=voting_process.pk)

    assert poll.state() is PollState.OPEN
    assert ballot_cast(poll=poll, choices=["a"], code=make_codes(poll, 1)[0])


def test_a_poll_must_lie_within_the_voting_phase(voting_process):
    with pytest.raises(PollInvalid) as refused:
        PollFactory(kind="single", process=voting_process.pk, closes=24 * 30)

    assert [problem.code for problem in refused.value.problems] == ["outside_voting_phase"]


def test_a_process_without_a_voting_phase_takes_no_poll():
    process = Process.objects.create(slug="ohne", title_de="Ohne Abstimmung")

    with pytest.raises(PollInvalid) as refused:
        PollFactory(kind="single", process=process.pk)

    assert [problem.code for problem in refused.value.problems] == ["no_voting_phase"]


def test_when_the_voting_phase_is_moved_the_poll_follows_it(voting_process):
    poll = PollFactory(kind="single", process=voting_process.pk)
    code = make_codes(poll, 1)[0]
    later = timezone.now() + timedelta(hours=2)
    Phase.objects.filter(process=voting_process, kind=phases.VOTING).update(starts_at=later)
    poll.refresh_from_db()
    poll.process.refresh_from_db()

    assert poll.state() is PollState.UPCOMING
    with pytest.raises(PollNotOpen) as refused:
        ballot_cast(poll=poll, choices=["a"], code=code)
    assert refused.value.params["opens_at"] == later


def test_the_api_creates_a_poll_in_a_process(client, moderator, voting_process):
    from rathaus.accounts.tokens import api_token_create

    now = timezone.now()
    body = {
        "title": "Welche Idee zuerst?",
        "kind": "single",
        "options": [{"key": "a", "title": "A"}, {"key": "b", "title": "B"}],
        "opens_at": now.isoformat(),
        "closes_at": (now + timedelta(days=2)).isoformat(),
        "eligibility": "codes",
        "process": voting_process.pk,
    }

    response = client.post(
        "/api/v1/polls",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api_token_create(user=moderator, scope='write')}",
    )

    assert response.status_code == 201
    assert client.get(f"/api/v1/polls/{response.json()['id']}").json()["process"] == (
        voting_process.pk
    )


def test_the_process_page_tag_lists_its_polls(voting_process):
    PollFactory(kind="single", title_de="Umfrage im Prozess", process=voting_process.pk)
    PollFactory(kind="single", title_de="Andere Umfrage")

    html = Template("{% load voting %}{% process_polls process %}").render(
        Context({"process": voting_process})
    )

    assert "Umfrage im Prozess" in html and "Andere Umfrage" not in html
    assert "Jetzt abstimmen" in html


def test_the_poll_pages_show_the_process(client, voting_process):
    poll = PollFactory(kind="single", title_de="Umfrage im Prozess", process=voting_process.pk)
    PollFactory(kind="single", title_de="Andere Umfrage")

    listed = client.get("/votes/?process=innenstadt").content.decode()
    detail = client.get(f"/votes/{poll.pk}/").content.decode()

    assert "Umfrage im Prozess" in listed and "Andere Umfrage" not in listed
    assert voting_process.get_absolute_url() in detail
