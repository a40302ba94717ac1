"""Fixtures for polls: residents with verified attributes, polls of every kind, codes."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from rathaus.accounts.services import verified_attributes_set
from rathaus.voting.services import poll_create, voting_codes_generate
from rathaus.voting.specs import OptionSpec, PollSpec
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

MUNICIPALITY_KEY = "07312000"


def make_resident(*, birth_date="1990-05-01", level="substantial", district=None, key=None, **kw):
    user = UserFactory(**kw)
    residence = {"municipality_key": key or MUNICIPALITY_KEY, "municipality": "Kaiserslautern"}
    if district:
        residence["district"] = district
    values = {"residence": residence}
    if birth_date:
        values["birth_date"] = birth_date
    verified_attributes_set(user=user, values=values, source="test", assurance_level=level)
    return user


def options(*keys, **costs):
    return tuple(
        OptionSpec(
            key=key,
            title_de=f"Option {key}",
            title_en=f"Option {key} (en)",
            cost=Decimal(costs[key]) if key in costs else None,
            district=costs.get(f"{key}_district", ""),
        )
        for key in keys
    )


def spec(kind="single", *, eligibility="codes", opens=-1, closes=24, **fields) -> PollSpec:
    """A poll spec opening `opens` hours from now and closing `closes` hours from now."""
    now = timezone.now()
    defaults = {"options": options("a", "b", "c")} if kind != "yes_no" else {}
    return PollSpec(
        title_de=fields.pop("title_de", f"Umfrage {kind}"),
        title_en=fields.pop("title_en", f"Poll {kind}"),
        kind=kind,
        eligibility=eligibility,
        opens_at=now + timedelta(hours=opens),
        closes_at=now + timedelta(hours=closes),
        **{**defaults, **fields},
    )


def make_poll(kind="single", **fields):
    return poll_create(actor=None, spec=spec(kind, **fields))


def make_codes(poll, count=3):
    return voting_codes_generate(actor=None, poll=poll, count=count)


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Service messages come in the active language: start each test in the default one, not in
    whatever an earlier test's request (e.g. to an /en/ page) left active in this thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def resident(db):
    return make_resident(email="resident@example.org")


@pytest.fixture
def moderator(db):
    from rathaus.organization.models import Role

    return StaffFactory(
        email="moderator@example.org",
        with_totp=True,
        unit=OrgUnitFactory(slug="referat-digitalisierung"),
        unit__role=Role.MODERATOR,
    )
