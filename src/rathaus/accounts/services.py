"""Every write on accounts: profile changes and verified attributes, each audited."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from rathaus.accounts.models import User, VerifiedAttribute
from rathaus.core.audit import audit_record

PROFILE_FIELDS = ("display_name", "language", "email_notifications", "email_news")


@transaction.atomic
def user_update_profile(*, user: User, actor, **changes) -> User:
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    before = User.objects.filter(pk=user.pk).values(*changes).get()
    for field, value in changes.items():
        setattr(user, field, value)
    user.save(update_fields=list(changes))
    after = {field: getattr(user, field) for field in changes}
    if before != after:
        audit_record(
            actor=actor, action="user.profile_update", target=user, before=before, after=after
        )
    return user


@transaction.atomic
def verified_attributes_set(
    *, user: User, values: dict[str, object], source: str, assurance_level: str, actor=None
) -> list[VerifiedAttribute]:
    """Store (or refresh) attributes confirmed by `source` at `assurance_level`."""
    stored = []
    now = timezone.now()
    for name, value in values.items():
        existing = VerifiedAttribute.objects.filter(user=user, name=name).first()
        before = (
            {"value": existing.value, "source": existing.source, "level": existing.assurance_level}
            if existing
            else None
        )
        attribute, _ = VerifiedAttribute.objects.update_or_create(
            user=user,
            name=name,
            defaults={
                "value": value,
                "source": source,
                "assurance_level": assurance_level,
                "verified_at": now,
            },
        )
        after = {"value": value, "source": source, "level": assurance_level}
        if before != after:
            audit_record(
                actor=actor or user,
                action="user.verified_attribute_set",
                target=user,
                before={name: before},
                after={name: after},
            )
        stored.append(attribute)
    return stored


@transaction.atomic
def verified_attributes_replace(
    *, user: User, by_level: dict[str, dict[str, object]], source: str, actor=None
) -> None:
    """Store what `source` verified now (level → attributes) and drop what it no longer does.

    An attribute that `source` verified at an earlier sign-in but not at this one (a residence
    after a move away) is deleted; attributes from other sources stay.
    """
    names = set()
    for level, values in by_level.items():
        verified_attributes_set(
            user=user, values=values, source=source, assurance_level=level, actor=actor
        )
        names.update(values)
    for attribute in VerifiedAttribute.objects.filter(user=user, source=source).exclude(
        name__in=names
    ):
        audit_record(
            actor=actor or user,
            action="user.verified_attribute_withdrawn",
            target=user,
            before={
                attribute.name: {
                    "value": attribute.value,
                    "source": attribute.source,
                    "level": attribute.assurance_level,
                }
            },
            after={attribute.name: None},
        )
        attribute.delete()
