"""The full permission matrix: every role × phase × action, asked through the named permissions
that views, API and templates use."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.participation.factories import ProcessFactory, ProposalFactory
from tests.participation.matrix import EXPECTED, PHASES, ROLES, allowed

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(request, citizen, moderator, administrator, blocked_citizen):
    def for_role(role, proposal):
        return {
            "anonymous": AnonymousUser(),
            "citizen": citizen,
            "author": proposal.author,
            "moderator": moderator,
            "administrator": administrator,
            "blocked": blocked_citizen,
        }[role]

    return for_role


def proposal_in(phase: str):
    process = ProcessFactory(running=None if phase == "closed" else phase)
    return ProposalFactory(process=process)


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(person, role, phase, action):
    proposal = proposal_in(phase)
    user = person(role, proposal)
    target = proposal.process if action == "propose" else proposal

    assert user.has_perm(f"participation.{action}", target) is allowed(action, phase, role)


def test_hidden_proposals_take_no_comments_supports_or_edits(citizen):
    proposal = ProposalFactory(process=ProcessFactory(running="proposals"), hidden=True)

    assert not citizen.has_perm("participation.comment", proposal)
    assert not citizen.has_perm("participation.support", proposal)
    assert not proposal.author.has_perm("participation.edit_proposal", proposal)
    assert citizen.has_perm("participation.view", proposal)


def test_unpublished_processes_are_seen_by_moderators_only(citizen, moderator):
    process = ProcessFactory(running="proposals", is_published=False)

    assert not citizen.has_perm("participation.view", process)
    assert not citizen.has_perm("participation.propose", process)
    assert moderator.has_perm("participation.view", process)


def test_clerks_without_a_moderator_role_do_not_moderate(clerk):
    proposal = proposal_in("proposals")

    assert not clerk.has_perm("participation.moderate", proposal)
    assert not clerk.has_perm("participation.answer", proposal)
