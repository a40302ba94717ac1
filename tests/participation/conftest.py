"""People with participation roles, and helpers for the participation tests."""

import pytest
from django.utils import timezone

from rathaus.organization.models import Role
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory
from tests.participation.factories import ProfileFactory


def staff_member(email: str, unit: str, role: str):
    return StaffFactory(
        email=email, with_totp=True, unit=OrgUnitFactory(slug=unit), unit__role=role
    )


@pytest.fixture
def moderator(db):
    return staff_member("moderator.test@example.org", "daten-services", Role.MODERATOR)


@pytest.fixture
def administrator(db):
    return staff_member("admin.test@example.org", "ikt", Role.ADMINISTRATOR)


@pytest.fixture
def blocked_citizen(db):
    user = UserFactory(email="blocked@example.org")
    ProfileFactory(user=user, pseudonym="Blockiert", blocked_at=timezone.now(), blocked_reason="x")
    return user


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run the callbacks (e-mail tasks) that services register for after their commit."""

    def runner():
        return django_capture_on_commit_callbacks(execute=True)

    return runner
