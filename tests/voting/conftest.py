"""Fixtures for polls: a resident (the moderator is in the root conftest, the factories are in
`tests.voting.factories`)."""

from __future__ import annotations

import pytest

from tests.voting.factories import make_resident


@pytest.fixture
def resident(db):
    return make_resident(email="resident@example.org")
