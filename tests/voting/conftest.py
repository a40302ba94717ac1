"""Fixtures for polls: the default language, a resident and a moderator (the factories are in
`tests.voting.factories`)."""

from __future__ import annotations

import pytest
from django.utils import translation

from rathaus.organization.models import Role
from tests.factories import OrgUnitFactory, StaffFactory
from tests.voting.factories import make_resident


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
    return StaffFactory(
        email="moderator@example.org",
        with_totp=True,
        unit=OrgUnitFactory(slug="referat-digitalisierung"),
        unit__role=Role.MODERATOR,
    )
