"""The tax office's pages on the dog-tax statute (back office, TOTP and permission checked)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rathaus.core.backoffice import staff_view
from rathaus.dogtax import taxrules
from rathaus.dogtax.forms import ExemptionKindForm, RatePeriodForm
from rathaus.dogtax.messages import problem_message
from rathaus.dogtax.models import STATUTE_PK, ExemptionKind
from rathaus.dogtax.selectors import current_statute, statute_record
from rathaus.dogtax.services import exemption_kind_update, rate_period_add


@staff_view("dogtax.view_statute")
def statute(request):
    return render(
        request,
        "dogtax/backoffice/statute.html",
        {"statute": statute_record(newest_rates_first=True)},
    )


@staff_view("dogtax.change_statute")
def rate_period_new(request):
    form = RatePeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _apply(
            request, form, lambda: rate_period_add(actor=request.user, **form.cleaned_data)
        )
        if done:
            messages.success(request, _("The rate period has been added."))
            return redirect("backoffice:dogtax:statute")
    return render(
        request,
        "dogtax/backoffice/rate_period_form.html",
        {"form": form, "statute": statute_record(newest_rates_first=True)},
    )


@staff_view("dogtax.change_statute")
def exemption_kind_edit(request, pk: int):
    kind = get_object_or_404(ExemptionKind, pk=pk, statute_id=STATUTE_PK)
    form = ExemptionKindForm(request.POST or None, instance=kind)
    if request.method == "POST" and form.is_valid():
        change = form.cleaned_data
        if _apply(
            request, form, lambda: exemption_kind_update(actor=request.user, kind=kind, **change)
        ):
            messages.success(request, _("The exemption has been saved."))
            return redirect("backoffice:dogtax:statute")
    return render(
        request, "dogtax/backoffice/exemption_kind_form.html", {"form": form, "kind": kind}
    )


def _apply(request, form, change: Callable[[], object]) -> bool:
    """Run the service; its problems become errors of the form's fields."""
    try:
        change()
    except taxrules.InvalidInput as error:
        statute = current_statute()
        for problem in error.problems:
            name = problem.field if problem.field in form.fields else None
            form.add_error(name, problem_message(problem, statute=statute))
        return False
    return True
