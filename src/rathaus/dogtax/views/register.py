"""The dog register in the back office: households for the tax office, the tag lookup for the
public order office (every lookup is audited)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from rathaus.core.audit import audit_read, audit_record
from rathaus.core.backoffice import staff_view
from rathaus.core.paging import open_page, page_number
from rathaus.dogtax.forms import RegisterSearchForm, TagLookupForm
from rathaus.dogtax.selectors import (
    exemption_names,
    household_detail,
    household_search,
    tag_lookup_find,
)

PAGE_SIZE = 50
# Deep pages are for browsing, not for finding: the search finds a household at once.
MAX_PAGE = 1000


@staff_view("dogtax.view_register")
def register(request):
    form = RegisterSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    # Not counted: counting 30,000 households on every view cost more than the page (issue 15).
    number = page_number(request.GET.get("page"), last=MAX_PAGE)
    page = open_page(household_search(query=query), number=number, per_page=PAGE_SIZE)
    return render(
        request, "dogtax/backoffice/register.html", {"form": form, "page": page, "query": query}
    )


@staff_view("dogtax.view_register")
def household(request, number: str):
    account = household_detail(number=number)
    if account is None:
        raise Http404
    audit_read(request, action="dogtax.register.read", target=account)
    return render(
        request,
        "dogtax/backoffice/household.html",
        {"account": account, "exemption_names": exemption_names()},
    )


@staff_view("dogtax.lookup_tag")
def tag_lookup(request):
    form = TagLookupForm(request.GET or None)
    tag = None
    searched = False
    if form.is_valid():
        searched = True
        number = form.cleaned_data["number"].strip()
        tag = tag_lookup_find(number=number)
        audit_record(
            actor=request.user,
            action="dogtax.tag.lookup",
            target=tag,
            after={"number": number, "found": tag is not None},
        )
    return render(
        request,
        "dogtax/backoffice/tag_lookup.html",
        {"form": form, "tag": tag, "searched": searched},
    )
