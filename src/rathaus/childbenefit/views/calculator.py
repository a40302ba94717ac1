"""Public pages: the child-benefit calculator (no sign-in, works without JavaScript)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from rathaus.childbenefit.calculator import (
    blank_forms,
    bound_forms,
    calculate,
    default_until,
    grown_forms,
    last_known_month,
)
from rathaus.childbenefit.selectors import amount_schedule

ADD_PERIOD = "add_period-"


def calculator(request):
    amounts = amount_schedule()
    outcome = None
    calculated = False
    if request.method != "POST":
        today = timezone.localdate()
        forms = blank_forms(today=today, until=default_until(amounts, today))
    else:
        action = request.POST.get("action", "calculate")
        if action == "add_child" or action.startswith(ADD_PERIOD):
            child = action.removeprefix(ADD_PERIOD)
            forms = grown_forms(
                request.POST,
                add_child=action == "add_child",
                add_period_to=int(child) if child.isdigit() else None,
            )
        else:
            forms = bound_forms(request.POST)
            outcome = calculate(forms, amounts)
            calculated = True
    return render(
        request,
        "childbenefit/calculator.html",
        {
            "forms": forms,
            "outcome": outcome,
            "errors": forms.error_summary() if calculated and outcome is None else [],
            "last_known_month": last_known_month(amounts),
        },
    )
