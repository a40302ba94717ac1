"""Named predicates about staff, used alike by views, API and templates (django-rules)."""

from __future__ import annotations

import rules

from rathaus.organization.models import Membership, Role, UnitDuty


def _roles(user) -> set[tuple[int, str]]:
    """(unit id, role) pairs of the user, cached on the user object for the request."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_rathaus_roles", None)
    if cached is None:
        cached = set(Membership.objects.filter(user=user).values_list("unit_id", "role"))
        user._rathaus_roles = cached
    return cached


@rules.predicate
def is_staff_member(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_administrator(user) -> bool:
    return is_staff_member(user) and (
        user.is_superuser or any(role == Role.ADMINISTRATOR for _, role in _roles(user))
    )


@rules.predicate
def is_moderator(user) -> bool:
    return is_staff_member(user) and (
        is_administrator(user) or any(role == Role.MODERATOR for _, role in _roles(user))
    )


def unit_ids(user, *roles: str) -> set[int]:
    """The units where the user holds any of `roles` (any role when none given)."""
    return {unit for unit, role in _roles(user) if not roles or role in roles}


@rules.predicate
def is_lead_of_unit(user, unit) -> bool:
    return is_staff_member(user) and unit is not None and unit.pk in unit_ids(user, Role.LEAD)


def holds_duty(user, duty: str, *roles: str) -> bool:
    """The user holds one of `roles` (any role when none given) in a department with `duty`."""
    if not is_staff_member(user):
        return False
    units = unit_ids(user, *roles)
    return bool(units) and UnitDuty.objects.filter(unit_id__in=units, duty=duty).exists()
