"""Participants: pseudonym and settings, and blocking by moderators."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from rathaus.accounts.models import User
from rathaus.core.audit import audit_record
from rathaus.participation import pseudonyms
from rathaus.participation.models import ParticipantProfile
from rathaus.participation.services import require

PROBLEMS = {
    "email": lambda: _("A pseudonym must not be an e-mail address."),
    "too_short": lambda: _("Use at least %(count)d characters.") % {"count": pseudonyms.MIN_LENGTH},
    "too_long": lambda: _("Use at most %(count)d characters.") % {"count": pseudonyms.MAX_LENGTH},
    "characters": lambda: _("Use letters, digits, blanks, dots and hyphens only."),
    "taken": lambda: _("This pseudonym is taken. Please choose another one."),
}


def pseudonym_problem(pseudonym: str, *, user: User | None = None) -> str | None:
    """A translated reason why `pseudonym` cannot be used by `user`, or None."""
    code = pseudonyms.problem(pseudonym)
    if code is None:
        taken = ParticipantProfile.objects.annotate(lowered=Lower("pseudonym")).filter(
            lowered=pseudonym.lower()
        )
        if user is not None:
            taken = taken.exclude(user=user)
        code = "taken" if taken.exists() else None
    return PROBLEMS[code]() if code else None


def _free_generated_pseudonym() -> str:
    for _attempt in range(20):
        candidate = pseudonyms.generate()
        if pseudonym_problem(candidate) is None:
            return candidate
    raise RuntimeError("No free pseudonym found; extend pseudonyms.WORDS.")


def participant_profile_ensure(*, user: User, pseudonym: str = "") -> ParticipantProfile:
    """The person's profile, created on first use with `pseudonym` or a generated one."""
    existing = ParticipantProfile.objects.filter(user=user).first()
    if existing is not None:
        return existing
    chosen = pseudonyms.normalise(pseudonym) if pseudonym else _free_generated_pseudonym()
    problem = pseudonym_problem(chosen, user=user)
    if problem:
        raise ValidationError({"pseudonym": problem})
    try:
        with transaction.atomic():
            profile = ParticipantProfile.objects.create(user=user, pseudonym=chosen)
            audit_record(
                actor=user,
                action="participation.participant_create",
                target=profile,
                after={"pseudonym": chosen},
            )
    except IntegrityError as error:  # the same pseudonym chosen at the same moment
        raise ValidationError({"pseudonym": PROBLEMS["taken"]()}) from error
    return profile


SETTINGS = ("pseudonym", "notify_phase", "notify_answer", "notify_reply")


@transaction.atomic
def participant_update_settings(*, user: User, **changes) -> ParticipantProfile:
    unknown = set(changes) - set(SETTINGS)
    if unknown:
        raise ValueError(f"Not participant settings: {sorted(unknown)}")
    profile = participant_profile_ensure(user=user)
    if "pseudonym" in changes:
        changes["pseudonym"] = pseudonyms.normalise(changes["pseudonym"])
        problem = pseudonym_problem(changes["pseudonym"], user=user)
        if problem:
            raise ValidationError({"pseudonym": problem})
    before = {field: getattr(profile, field) for field in changes}
    for field, value in changes.items():
        setattr(profile, field, value)
    profile.save(update_fields=list(changes))
    if before != changes:
        audit_record(
            actor=user,
            action="participation.participant_settings",
            target=profile,
            before=before,
            after=changes,
        )
    return profile


@transaction.atomic
def participant_block(*, user: User, actor: User, reason: str) -> ParticipantProfile:
    """Block a person from contributing (they can still read); the reason is kept."""
    require(actor, "participation.block_user")
    if not reason.strip():
        raise ValidationError({"reason": _("Please give a reason.")})
    profile = participant_profile_ensure(user=user)
    profile = ParticipantProfile.objects.select_for_update().get(pk=profile.pk)
    profile.blocked_at = timezone.now()
    profile.blocked_reason = reason.strip()
    profile.blocked_by = actor
    profile.save(update_fields=["blocked_at", "blocked_reason", "blocked_by"])
    user._participation_blocked = True
    audit_record(
        actor=actor,
        action="participation.participant_block",
        target=profile,
        after={"reason": profile.blocked_reason},
    )
    return profile


@transaction.atomic
def participant_unblock(*, user: User, actor: User) -> ParticipantProfile:
    require(actor, "participation.block_user")
    profile = ParticipantProfile.objects.select_for_update().get(user=user)
    before = {"reason": profile.blocked_reason}
    profile.blocked_at = None
    profile.blocked_reason = ""
    profile.blocked_by = None
    profile.save(update_fields=["blocked_at", "blocked_reason", "blocked_by"])
    user._participation_blocked = False
    audit_record(
        actor=actor, action="participation.participant_unblock", target=profile, before=before
    )
    return profile
