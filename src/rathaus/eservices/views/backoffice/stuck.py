"""Stuck submissions of the clerk's departments, each with a button to run its processing again."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rathaus.core.backoffice import staff_view
from rathaus.eservices.rules import case_unit_ids
from rathaus.eservices.selectors.stuck import stuck_cases
from rathaus.eservices.services.processing import NotStuck, case_processing_retry
from rathaus.eservices.views.backoffice.cases import case_view


@staff_view("eservices.view_inbox")
def stuck_list(request):
    return render(
        request,
        "eservices/backoffice/stuck.html",
        {
            "cases": stuck_cases(unit_ids=case_unit_ids(request.user)),
            "stuck_after": settings.ESERVICES_STUCK_AFTER_MINUTES,
        },
    )


@case_view
@require_POST
def stuck_retry(request, case):
    try:
        case_processing_retry(case=case, actor=request.user)
    except NotStuck:
        messages.error(
            request, _("%(reference)s is not stuck any more.") % {"reference": case.reference}
        )
    else:
        messages.success(
            request,
            _("The processing of %(reference)s runs again.") % {"reference": case.reference},
        )
    return redirect("backoffice:eservices:stuck")
