"""Pagination for list pages: the page of objects plus the query string to keep filters."""

from django.core.paginator import Paginator


def paginate(request, objects, *, per_page: int = 25) -> dict:
    page = Paginator(objects, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page, "query_without_page": query.urlencode()}
