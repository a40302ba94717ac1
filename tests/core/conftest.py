"""Fixtures shared by the core tests."""

import pytest
from django.core.cache import caches


@pytest.fixture
def database_counters(settings):
    """The rate-limit counters in the database (rathaus.core.ratecounters), as in production
    without Redis."""
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {"BACKEND": "rathaus.core.ratecounters.DatabaseCounters"},
    }
    settings.RATELIMIT_USE_CACHE = "ratelimit"
    return caches["ratelimit"]
