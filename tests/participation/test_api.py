"""The participation API: processes with phases, proposals of a process, writing with errors."""

import pytest

from rathaus.participation.models import OfficialAnswer, Proposal
from tests.participation.factories import CategoryFactory, ProcessFactory, ProposalFactory
from tests.participation.test_shuffle import seed_starting_at

pytestmark = pytest.mark.django_db


def test_processes_come_with_id_url_and_phases(client):
    process = ProcessFactory(running="discussion", slug="innenstadt")

    body = client.get("/api/v1/processes").json()

    assert [p["id"] for p in body] == [process.pk]
    assert body[0]["url"] == "http://testserver/participation/processes/innenstadt/"
    assert body[0]["current_phase"] == "discussion"
    assert [phase["kind"] for phase in body[0]["phases"]] == [
        "information",
        "proposals",
        "discussion",
        "voting",
        "results",
        "implementation",
    ]
    assert [phase["is_current"] for phase in body[0]["phases"]].count(True) == 1


def test_unpublished_processes_are_not_in_the_api(client):
    ProcessFactory(is_published=False)

    assert client.get("/api/v1/processes").json() == []


def test_proposals_of_a_process_are_paged_and_hide_what_moderation_hid(client):
    process = ProcessFactory(running="proposals")
    ProposalFactory.create_batch(3, process=process)
    hidden = ProposalFactory(process=process, hidden=True, hidden_reason="Werbung")
    ProposalFactory()  # another process
    OfficialAnswer.objects.create(proposal=hidden, status="not_feasible", text="Nein")

    body = client.get(f"/api/v1/proposals?process={process.pk}&sort=newest").json()

    assert body["count"] == 4
    first = body["items"][0]
    assert first["id"] == hidden.pk
    assert (first["title"], first["text"], first["hidden_reason"]) == (None, None, "Werbung")
    assert first["answer_status"] == "not_feasible"
    assert first["author"] == hidden.author.participant.pseudonym


def test_the_same_seed_gives_the_same_order_in_the_api(client):
    process = ProcessFactory(running="proposals")
    first, second = ProposalFactory.create_batch(2, process=process)
    ProposalFactory.create_batch(8, process=process)
    # Two seeds that start in the same gap between two keys give the same order (about one
    # pair in fifteen with ten proposals), so take seeds that start at two different proposals.
    one, other = (
        seed_starting_at(p.shuffle_key)
        for p in Proposal.objects.filter(pk__in=[first.pk, second.pk])
    )

    def order(seed):
        body = client.get(f"/api/v1/proposals?process={process.pk}&seed={seed}").json()
        return [item["id"] for item in body["items"]]

    assert order(one) == order(one)
    assert order(one) != order(other)


def test_making_a_proposal_by_api_with_a_bearer_token(client, citizen):
    from rathaus.accounts.tokens import api_token_create

    category = CategoryFactory()
    token = api_token_create(user=citizen, name="test", scope="write")

    response = client.post(
        "/api/v1/proposals",
        {
            "process": category.process_id,
            "title": "Bänke",
            "text": "Am Markt",
            "category": category.slug,
            "latitude": "49.4437",
            "longitude": "7.77",
        },
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 201
    assert response.json()["category"] == category.slug
    assert response.json()["latitude"] == "49.443700"


def test_half_a_coordinate_is_refused_with_the_field_named(client, citizen):
    process = ProcessFactory(running="proposals")
    client.force_login(citizen)

    response = client.post(
        "/api/v1/proposals",
        {"process": process.pk, "title": "Bänke", "text": "Am Markt", "latitude": "49.4"},
        content_type="application/json",
        headers={"Accept-Language": "de"},
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "latitude"


def test_supporting_by_api_is_idempotent(client, citizen):
    proposal = ProposalFactory()
    client.force_login(citizen)

    first = client.post(f"/api/v1/proposals/{proposal.pk}/support").json()
    second = client.post(f"/api/v1/proposals/{proposal.pk}/support").json()
    withdrawn = client.delete(f"/api/v1/proposals/{proposal.pk}/support").json()

    assert first == second == {"supported": True, "support_count": 1}
    assert withdrawn == {"supported": False, "support_count": 0}
