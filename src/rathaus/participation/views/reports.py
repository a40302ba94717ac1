"""Reporting a proposal or comment to the moderators."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rathaus.participation.forms import ReportForm
from rathaus.participation.models import Comment, Proposal
from rathaus.participation.services.moderation import report_create
from rathaus.participation.views.common import check, form_data

REPORTABLE = {"proposal": Proposal, "comment": Comment}


@login_required
def report(request, kind: str, pk: int):
    if kind not in REPORTABLE:
        raise Http404
    target = get_object_or_404(REPORTABLE[kind].objects.all(), pk=pk)
    check(request, "participation.report", target)
    form = ReportForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        report_create(actor=request.user, target=target, **form.cleaned_data)
        messages.success(
            request, _("Thank you. The moderators will look at it as soon as possible.")
        )
        return redirect(target)
    proposal = target if isinstance(target, Proposal) else target.proposal
    return render(
        request,
        "participation/report_form.html",
        {"form": form, "target": target, "kind": kind, "proposal": proposal},
        status=422 if form.errors else 200,
    )
