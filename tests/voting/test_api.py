import json
from datetime import timedelta

import pytest
from django.utils import timezone

from rathaus.accounts.tokens import api_token_create
from rathaus.voting.models import Ballot, Poll
from rathaus.voting.publication import api_result, recount
from tests.factories import UserFactory
from tests.voting.factories import PollFactory, make_codes
from tests.voting.tally.test_schulze import CLASSIC_45

pytestmark = pytest.mark.django_db


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, scope='write')}"}


def post(client, path, body, **headers):
    return client.post(
        f"/api/v1{path}", json.dumps(body), content_type="application/json", **headers
    )


def poll_body(**fields):
    now = timezone.now()
    return {
        "title": "Neuer Name für den Platz",
        "kind": "ranked",
        "options": [{"key": key, "title": f"Vorschlag {key}"} for key in "ABCDE"],
        "opens_at": (now - timedelta(minutes=5)).isoformat(),
        "closes_at": (now + timedelta(days=7)).isoformat(),
        "eligibility": "codes",
        **fields,
    }


@pytest.fixture
def manager(moderator):
    return bearer(moderator)


def test_a_moderator_creates_a_poll(client, manager):
    response = post(client, "/polls", poll_body(), **manager)

    assert response.status_code == 201
    poll = Poll.objects.get(pk=response.json()["id"])
    assert [option.key for option in poll.options.all()] == list("ABCDE")


def test_a_citizen_may_not_create_polls(client, resident):
    response = post(client, "/polls", poll_body(), **bearer(resident))

    assert response.status_code == 403


def test_creating_a_poll_needs_authentication(client):
    assert post(client, "/polls", poll_body()).status_code == 401


def test_an_inconsistent_poll_is_refused_with_field_errors(client, manager):
    body = poll_body(kind="budget", options=[{"key": "a", "title": "A"}])

    response = post(client, "/polls", body, HTTP_ACCEPT_LANGUAGE="en", **manager)

    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"options[0].cost", "budget", "rule"}


def test_codes_are_generated_for_a_moderator_only(client, manager, resident):
    poll = PollFactory(kind="single")

    created = post(client, f"/polls/{poll.pk}/codes", {"count": 5}, **manager)
    refused = post(client, f"/polls/{poll.pk}/codes", {"count": 5}, **bearer(resident))

    assert created.status_code == 201 and len(set(created.json()["codes"])) == 5
    assert refused.status_code == 403


def test_a_code_holder_casts_a_ballot_once(client):
    poll = PollFactory(kind="single")
    code = make_codes(poll, 1)[0]

    first = post(client, f"/polls/{poll.pk}/ballots", {"code": code, "choices": ["b"]})
    second = post(client, f"/polls/{poll.pk}/ballots", {"code": code, "choices": ["b"]})

    assert first.status_code == 201
    assert client.get(f"/api/v1/polls/{poll.pk}/trackers").json() == {
        "trackers": [first.json()["tracker"]]
    }
    assert second.status_code == 409


def test_a_resident_with_a_token_needs_no_code(client, resident):
    poll = PollFactory(kind="yes_no", eligibility="residents")

    response = post(
        client, f"/polls/{poll.pk}/ballots", {"choices": ["abstain"]}, **bearer(resident)
    )

    assert response.status_code == 201
    assert Ballot.objects.get(poll=poll).choices == ["abstain"]


def test_an_anonymous_caller_cannot_vote_in_a_resident_poll(client):
    poll = PollFactory(kind="yes_no", eligibility="residents")

    response = post(
        client, f"/polls/{poll.pk}/ballots", {"choices": ["yes"]}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 403
    assert response.json()["detail"] == "Please sign in to vote in this poll."


def test_a_ballot_outside_the_time_window_is_refused(client):
    poll = PollFactory(kind="single", opens=2)
    code = make_codes(poll, 1)[0]

    response = post(client, f"/polls/{poll.pk}/ballots", {"code": code, "choices": ["a"]})

    assert response.status_code == 403


def test_invalid_choices_are_a_422_on_the_choices_field(client):
    poll = PollFactory(kind="single")
    code = make_codes(poll, 1)[0]

    response = post(client, f"/polls/{poll.pk}/ballots", {"code": code, "choices": ["a", "b"]})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "choices"


def test_results_and_export_are_published_only_after_closing(client, manager):
    poll = PollFactory(kind="single")

    assert client.get(f"/api/v1/polls/{poll.pk}/results").status_code == 403
    assert client.get(f"/api/v1/polls/{poll.pk}/export").status_code == 403
    closed = post(client, f"/polls/{poll.pk}/close", {}, **manager)
    assert closed.status_code == 200
    assert client.get(f"/api/v1/polls/{poll.pk}/results").json() == closed.json()


def test_a_poll_past_its_closing_time_is_counted_when_its_results_are_read(client):
    poll = PollFactory(kind="single", opens=-3, closes=-1)

    response = client.get(f"/api/v1/polls/{poll.pk}/results")

    assert response.status_code == 200 and response.json()["ballots"] == 0


def test_the_classic_45_voter_example_ranks_e_a_c_b_d_through_the_platform(client, manager):
    poll_id = post(client, "/polls", poll_body(), **manager).json()["id"]
    codes = post(client, f"/polls/{poll_id}/codes", {"count": 45}, **manager).json()["codes"]
    rankings = [list(order) for count, order in CLASSIC_45 for _ in range(count)]
    trackers = [
        post(client, f"/polls/{poll_id}/ballots", {"code": code, "choices": ranking}).json()[
            "tracker"
        ]
        for code, ranking in zip(codes, rankings, strict=True)
    ]

    result = post(client, f"/polls/{poll_id}/close", {}, **manager).json()
    export = client.get(f"/api/v1/polls/{poll_id}/export").json()

    assert result["ranking"] == list("EACBD")
    assert result["ballots"] == 45
    assert [row["votes"] for row in result["options"]] == [10, 8, 12, 7, 8]
    assert sorted(trackers) == [ballot["tracker"] for ballot in export["ballots"]]
    assert sorted(map(tuple, rankings)) == sorted(tuple(b["choices"]) for b in export["ballots"])
    assert api_result(recount(export)) == result


def test_the_export_holds_the_definition_and_no_voter(client, manager):
    poll = PollFactory(kind="single")
    code = make_codes(poll, 1)[0]
    post(client, f"/polls/{poll.pk}/ballots", {"code": code, "choices": ["c"]})
    post(client, f"/polls/{poll.pk}/close", {}, **manager)

    export = client.get(f"/api/v1/polls/{poll.pk}/export").json()

    assert export["poll"]["kind"] == "single"
    assert [option["key"] for option in export["poll"]["options"]] == ["a", "b", "c"]
    assert [set(ballot) for ballot in export["ballots"]] == [{"tracker", "choices"}]
    assert export["result"]["ballots"] == 1


def test_a_code_holder_needs_no_cookie_and_no_csrf_token():
    from django.test import Client

    poll = PollFactory(kind="single")
    code = make_codes(poll, 1)[0]
    client = Client(enforce_csrf_checks=True)

    response = post(client, f"/polls/{poll.pk}/ballots", {"code": code, "choices": ["a"]})

    assert response.status_code == 201


def test_a_ballot_with_a_session_needs_the_csrf_token(resident):
    from django.test import Client

    poll = PollFactory(kind="yes_no", eligibility="residents")
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)

    response = post(client, f"/polls/{poll.pk}/ballots", {"choices": ["yes"]})

    assert response.status_code == 403
    assert not Ballot.objects.filter(poll=poll).exists()


def test_another_citizens_token_votes_for_that_citizen_only(client, resident):
    poll = PollFactory(kind="yes_no", eligibility="residents")
    stranger = UserFactory()

    response = post(client, f"/polls/{poll.pk}/ballots", {"choices": ["yes"]}, **bearer(stranger))

    assert response.status_code == 403
