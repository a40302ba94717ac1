"""Reading public pages in tests of cached fragments: the page's text, and how many queries a
request costs on a cold cache (the fragments rendered afresh) or a warm one."""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


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
