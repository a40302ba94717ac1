"""Who someone is for a contribution, and whether the running phase lets them act (django-rules).

`roles_of` maps a person (and the object at hand) to the roles of `participation.phases`; the
predicates ask the phase registry. Views, the API and templates reach them through the permissions
registered in `rules.py` (`user.has_perm("participation.comment", proposal)`).
"""

from __future__ import annotations

import rules
from django.utils import timezone

from rathaus.organization.predicates import is_administrator, is_moderator
from rathaus.participation.models import (
    Comment,
    ParticipantProfile,
    Process,
    Project,
    Proposal,
)
from rathaus.participation.phases import Action, Role, permitted


def is_blocked(user) -> bool:
    """Whether a moderator has blocked the person (cached on the user object per request)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_participation_blocked", None)
    if cached is None:
        cached = ParticipantProfile.objects.filter(user=user, blocked_at__isnull=False).exists()
        user._participation_blocked = cached
    return cached


def process_of(obj) -> Process | None:
    if isinstance(obj, Process):
        return obj
    if isinstance(obj, Proposal):
        return obj.process
    if isinstance(obj, Comment):
        return obj.proposal.process
    return None


def roles_of(user, obj=None) -> frozenset[Role]:
    if not user.is_authenticated or not user.is_active:
        return frozenset({Role.ANONYMOUS})
    roles: set[Role] = set()
    if not is_blocked(user):
        roles.add(Role.CITIZEN)
        if isinstance(obj, Proposal) and obj.author_id == user.pk:
            roles.add(Role.AUTHOR)
    if is_moderator(user):
        roles.add(Role.MODERATOR)
    if is_administrator(user):
        roles.add(Role.ADMINISTRATOR)
    # A blocked citizen still reads like anyone else, and does nothing more.
    return frozenset(roles or {Role.ANONYMOUS})


def current_phase_key(obj) -> str | None:
    process = process_of(obj)
    if process is None:
        return None
    phase = process.phase_at(timezone.now())
    return phase.kind if phase else None


def _is_hidden(obj) -> bool:
    return bool(getattr(obj, "hidden_at", None)) or (
        isinstance(obj, Comment) and obj.proposal.hidden_at is not None
    )


def phase_allows(action: Action, *, on_visible_only: bool = False):
    """A predicate: the running phase of the object's process lets one of the person's roles do
    `action` (and, with `on_visible_only`, the object is not hidden)."""

    def check(user, obj=None) -> bool:
        if on_visible_only and obj is not None and _is_hidden(obj):
            return False
        return permitted(phase=current_phase_key(obj), roles=roles_of(user, obj), action=action)

    return rules.predicate(check, name=f"phase_allows_{action.value}")


@rules.predicate
def process_is_visible(user, obj=None) -> bool:
    process = process_of(obj)
    if isinstance(obj, Project):
        return obj.is_published or is_moderator(user)
    return process is None or process.is_published or is_moderator(user)


may_view = process_is_visible & phase_allows(Action.VIEW)
may_follow = process_is_visible & phase_allows(Action.FOLLOW)
may_propose = process_is_visible & phase_allows(Action.PROPOSE)
may_edit_proposal = phase_allows(Action.EDIT_OWN_PROPOSAL, on_visible_only=True)
may_comment = phase_allows(Action.COMMENT, on_visible_only=True)
may_support = phase_allows(Action.SUPPORT, on_visible_only=True)
may_report = phase_allows(Action.REPORT)
may_moderate = phase_allows(Action.MODERATE)
may_answer = phase_allows(Action.ANSWER)
