"""Pagination for list pages: the page of objects plus the query string to keep filters.

`paginate` counts every row (for "page 2 of 9"); `open_page` does not: it fetches one row beyond
the page to know whether a next page exists, so a page of a list of 50,000 rows costs the same
as one of 50 (the inbox does the same, ADR 0012).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
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


def paginate_counted_along(request, objects, *, per_page: int = 25) -> dict:
    """As `paginate`, but the number of rows comes with the page's rows (a window function)
    instead of a COUNT query of its own; only a page past the end costs a second query."""
    number = page_number(request.GET.get("page"), last=10**6)
    start = (number - 1) * per_page
    rows = list(objects.annotate(rows_in_all=Window(Count("pk")))[start : start + per_page])
    paginator = Paginator(objects, per_page)
    if rows:
        paginator.count = rows[0].rows_in_all  # the cached property, known already
        page = Page(rows, number, paginator)
    else:
        page = paginator.get_page(number)
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page, "query_without_page": query.urlencode()}


@dataclass(frozen=True)
class OpenPage:
    """A page of a list whose length is not counted."""

    object_list: list
    number: int
    has_previous: bool
    has_next: bool

    def __iter__(self) -> Iterator:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)


def page_number(value: str | None, *, last: int) -> int:
    """The page asked for in the query string, between 1 and `last` (1 when not a number)."""
    try:
        number = int(value or "1")
    except ValueError:
        number = 1
    return min(max(number, 1), last)


def open_page(objects, *, number: int, per_page: int) -> OpenPage:
    """Page `number` (from 1) of `objects`, fetched with one row more than the page holds."""
    start = (number - 1) * per_page
    rows = list(objects[start : start + per_page + 1])
    return OpenPage(
        object_list=rows[:per_page],
        number=number,
        has_previous=number > 1,
        has_next=len(rows) > per_page,
    )
