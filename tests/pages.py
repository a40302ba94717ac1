"""Reading pages in tests of cached fragments: the page's text, and how many queries a
request costs on a cold cache (the fragments rendered afresh) or a warm one."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from rathaus.core.fragments import changed_for
from tests.factories import UserFactory

# Who must never get a citizen's own pages: another citizen, and the administrator. Each is a
# function of the test's `request`, for `@pytest.mark.parametrize("someone_else", SOMEONE_ELSE)`.
SOMEONE_ELSE = [
    pytest.param(lambda request: UserFactory(), id="another citizen"),
    pytest.param(lambda request: request.getfixturevalue("administrator"), id="administrator"),
]


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries(url: str, *, cold: bool = True) -> int:
    """Queries of one anonymous request: with an empty cache, or after the same request."""
    client = Client()
    if cold:
        cache.clear()
    else:
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def second_view_queries(client, url: str, *, fresh=None) -> int:
    """Queries of the second view of `url` by this client; rendered afresh when `fresh` (a
    person) is given, as after a change of their data (their own pages are kept per person,
    ADR 0421)."""
    client.get(url)
    if fresh is not None:
        changed_for(fresh.pk)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)
