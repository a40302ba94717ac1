"""Reads about people, for eligibility checks and prefilling forms."""

from __future__ import annotations

from datetime import date

from rathaus.accounts.models import ASSURANCE_ORDER, AttributeName, User, VerifiedAttribute


def verified_attributes(user: User, *, min_level: str = "low") -> dict[str, VerifiedAttribute]:
    """The person's verified attributes at or above `min_level`, by name."""
    if not user.is_authenticated:
        return {}
    floor = ASSURANCE_ORDER.index(min_level)
    return {
        attribute.name: attribute
        for attribute in VerifiedAttribute.objects.filter(user=user)
        if ASSURANCE_ORDER.index(attribute.assurance_level) >= floor
    }


def verified_birth_date(user: User, *, min_level: str = "substantial") -> date | None:
    attribute = verified_attributes(user, min_level=min_level).get(AttributeName.BIRTH_DATE)
    return date.fromisoformat(attribute.value) if attribute else None


def verified_residence(user: User, *, min_level: str = "substantial") -> dict | None:
    """`{"municipality_key", "municipality", "postal_code", "district"?}` or None."""
    attribute = verified_attributes(user, min_level=min_level).get(AttributeName.RESIDENCE)
    return attribute.value if attribute else None
