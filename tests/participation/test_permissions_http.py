"""The permission matrix enforced by the server: every role × phase × action through the pages
and the API, not only through the rules."""

import pytest

from rathaus.participation.models import Follow, Proposal, Support
from tests.factories import sign_in
from tests.participation.factories import ProcessFactory, ProposalFactory
from tests.participation.matrix import EXPECTED, PHASES, ROLES, allowed

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, citizen, moderator, administrator, blocked_citizen):
    def as_role(role, proposal):
        user = {
            "citizen": citizen,
            "author": proposal.author,
            "moderator": moderator,
            "administrator": administrator,
            "blocked": blocked_citizen,
        }.get(role)
        if user is not None and user.is_staff:
            sign_in(client, user)  # staff pages need the TOTP step
        elif user is not None:
            client.force_login(user)
        return client

    return as_role


def attempt(client, action: str, proposal: Proposal):
    pk = proposal.pk
    slug = proposal.process.slug
    return {
        "view": lambda: client.get(f"/participation/proposals/{pk}/"),
        "follow": lambda: client.post(f"/participation/follow/proposal/{pk}/"),
        "report": lambda: client.post(f"/participation/report/proposal/{pk}/", {"reason": "spam"}),
        "moderate": lambda: client.post(
            f"/backoffice/participation/hide/proposal/{pk}/", {"reason": "Werbung"}
        ),
        "propose": lambda: client.post(
            f"/participation/processes/{slug}/proposals/new/",
            {"title": "Neue Bänke", "text": "Am Rathaus", "pseudonym": "Neu-Hier"},
        ),
        "edit_proposal": lambda: client.post(
            f"/participation/proposals/{pk}/edit/", {"title": "Geändert", "text": "Neu"}
        ),
        "comment": lambda: client.post(
            f"/participation/proposals/{pk}/comments/",
            {"text": "Gute Idee", "pseudonym": "Neu-Hier"},
        ),
        "support": lambda: client.post(f"/participation/proposals/{pk}/support/"),
        "answer": lambda: client.post(
            f"/backoffice/participation/answer/{pk}/", {"status": "accepted", "text": "Machen wir."}
        ),
    }[action]()


def happened(action: str, proposal: Proposal) -> bool:
    """Whether the attempt changed what it should (for the actions that write)."""
    proposal.refresh_from_db()
    return {
        "view": lambda: True,
        "follow": lambda: Follow.objects.filter(proposal=proposal).exists(),
        "report": lambda: proposal.reports.exists(),
        "moderate": lambda: proposal.is_hidden,
        "propose": lambda: Proposal.objects.filter(title="Neue Bänke").exists(),
        "edit_proposal": lambda: proposal.title == "Geändert",
        "comment": lambda: proposal.comments.exists(),
        "support": lambda: Support.objects.filter(proposal=proposal).exists(),
        "answer": lambda: hasattr(proposal, "official_answer"),
    }[action]()


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_pages_enforce_the_permission_matrix(signed_in, role, phase, action):
    proposal = ProposalFactory(process=ProcessFactory(running=None if phase == "closed" else phase))
    client = signed_in(role, proposal)

    response = attempt(client, action, proposal)

    if allowed(action, phase, role):
        # The proposal page is shown; every change answers with a redirect to where it shows.
        assert response.status_code == (200 if action == "view" else 302), response.content[:500]
        assert "/accounts/" not in response.get("Location", "")
        assert happened(action, proposal)
    else:
        if role == "anonymous":
            assert response.status_code == 302
            assert response["Location"].startswith("/accounts/login/")
        else:
            assert response.status_code == 403
        assert action == "view" or not happened(action, proposal)


# What an allowed API action answers: a new proposal or comment is created, a support is not a
# resource of its own.
API_CREATED = {"propose": 201, "comment": 201, "support": 200}

API_ACTIONS = {
    "propose": lambda client, proposal: client.post(
        "/api/v1/proposals",
        {"process": proposal.process_id, "title": "Neue Bänke", "text": "Am Rathaus"},
        content_type="application/json",
    ),
    "support": lambda client, proposal: client.post(f"/api/v1/proposals/{proposal.pk}/support"),
    "comment": lambda client, proposal: client.post(
        f"/api/v1/proposals/{proposal.pk}/comments",
        {"text": "Gute Idee"},
        content_type="application/json",
    ),
}


@pytest.mark.parametrize("action", sorted(API_ACTIONS))
@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ["anonymous", "citizen", "blocked"])
def test_the_api_enforces_the_permission_matrix(signed_in, role, phase, action):
    proposal = ProposalFactory(process=ProcessFactory(running=None if phase == "closed" else phase))
    client = signed_in(role, proposal)
    client.handler.enforce_csrf_checks = False

    response = API_ACTIONS[action](client, proposal)

    if allowed(action, phase, role):
        assert response.status_code == API_CREATED[action], response.content
        assert happened(action, proposal)
    else:
        assert response.status_code == (401 if role == "anonymous" else 403)
        assert not happened(action, proposal)
