"""The department inbox: the cases of the clerk's departments, filtered, searched, sorted."""

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rathaus.core.backoffice import staff_view
from rathaus.eservices.models.cases import CaseStatus
from rathaus.eservices.rules import case_unit_ids
from rathaus.eservices.selectors.inbox import (
    InboxFilters,
    inbox_cases,
    inbox_filter_choices,
    inbox_page,
)


class InboxFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Reference (e.g. KL-2026-0001) or the applicant's name"),
    )
    status = forms.ChoiceField(label=pgettext_lazy("case", "Status"), required=False)
    service = forms.TypedChoiceField(
        label=pgettext_lazy("public service", "Service"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    unit = forms.TypedChoiceField(
        label=_("Department"), required=False, coerce=int, empty_value=None
    )
    assignee = forms.ChoiceField(
        label=_("Assigned"),
        required=False,
        choices=[("", _("anyone")), ("me", _("to me")), ("nobody", _("to nobody"))],
    )
    overdue = forms.BooleanField(label=_("only overdue"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("newest first")),
            ("oldest", _("oldest first")),
            ("due", _("due date")),
            ("reference", _("reference")),
        ],
    )

    def __init__(self, *args, unit_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("open", _("open")),
            ("all", _("all")),
            *list(CaseStatus.choices),
        ]
        services, units = inbox_filter_choices(unit_ids)
        self.fields["service"].choices = [("", _("all services")), *services]
        self.fields["unit"].choices = [("", _("all my departments")), *units]
        if len(unit_ids) < 2:
            self.fields["unit"].widget = forms.HiddenInput()


@staff_view("eservices.view_inbox")
def inbox(request):
    unit_ids = case_unit_ids(request.user)
    form = InboxFilterForm(request.GET or None, unit_ids=unit_ids)
    values = form.cleaned_data if form.is_valid() else {}
    filters = InboxFilters(
        unit=values.get("unit"),
        status=values.get("status") or "open",
        service=values.get("service"),
        assignee=values.get("assignee") or "",
        overdue=bool(values.get("overdue")),
        query=values.get("q") or "",
        sort=values.get("sort") or "newest",
    )
    cases = inbox_cases(unit_ids=unit_ids, filters=filters, user=request.user)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "eservices/backoffice/inbox.html",
        {
            "form": form,
            "page": inbox_page(cases, number=number),
            "query": query.urlencode(),
            # The filter form's HTML depends on nothing else (no personal data in it).
            "filter_key": f"{sorted(unit_ids)}?{query.urlencode()}",
            # One reverse() for the page instead of one per row.
            "case_url": reverse("backoffice:eservices:case", args=["X"])[:-2],
        },
    )
