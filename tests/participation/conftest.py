"""People with participation roles (moderator and administrator are in the root conftest), and
the helpers for the participation tests."""

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.participation.factories import ProfileFactory


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
