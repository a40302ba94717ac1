"""Pagination for list pages: the page of objects plus the query string to keep filters."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject

# Page numbers a cached fragment may be keyed by (deeper pages are rendered each time).
CACHED_PAGES = 9999


def paginate(request, objects, *, per_page: int = 25) -> dict:
    page = Paginator(objects, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page, "query_without_page": query.urlencode()}


def paginate_lazily(request, objects, *, per_page: int = 25) -> SimpleLazyObject:
    """`paginate()` run only when the template reads it: not at all when a cached fragment
    holds the list (see `plain_page`)."""
    return SimpleLazyObject(lambda: paginate(request, objects, per_page=per_page))


def plain_page(request) -> str | None:
    """The page number when the request asks for a page of the plain list and nothing else
    (no search, no filter), as a key for a cached fragment of that page; None otherwise.

    Only plain pages are cached: a search or filter could make an unbounded number of keys.
    """
    if set(request.GET) - {"page"}:
        return None
    page = request.GET.get("page", "1")
    if not page.isdigit() or not 1 <= int(page) <= CACHED_PAGES:
        return None
    return page
