"""Back office of the participation platform: the moderators' queue, hiding, answers, blocking.

Every view stands behind `staff_view` (staff, TOTP used in this session, the named permission);
the services check the permission again against the object.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rathaus.core.backoffice import staff_view
from rathaus.participation.forms import apply_service_errors
from rathaus.participation.forms_backoffice import AnswerForm, BlockForm, ReasonForm
from rathaus.participation.models import (
    Comment,
    OfficialAnswer,
    ParticipantProfile,
    Proposal,
    Report,
)
from rathaus.participation.services.moderation import (
    answer_give,
    contribution_hide,
    contribution_unhide,
    reports_dismiss,
)
from rathaus.participation.services.people import participant_block, participant_unblock
from rathaus.participation.views.common import form_data

CONTRIBUTIONS = {"proposal": Proposal, "comment": Comment}


def _contribution(kind: str, pk: int) -> Proposal | Comment:
    if kind not in CONTRIBUTIONS:
        raise Http404
    model = CONTRIBUTIONS[kind]
    related = (
        ["process", "author__participant"]
        if model is Proposal
        else [
            "proposal__process",
            "author__participant",
        ]
    )
    return get_object_or_404(model.objects.select_related(*related), pk=pk)


@staff_view("participation.moderate")
def queue(request):
    reports = Report.objects.filter(resolved_at__isnull=True).select_related(
        "proposal__author__participant",
        "comment__author__participant",
        "comment__proposal",
    )
    grouped: dict[tuple[str, int], dict] = {}
    for report in reports:
        kind = "proposal" if report.proposal_id else "comment"
        entry = grouped.setdefault(
            (kind, report.target.pk), {"kind": kind, "target": report.target, "reports": []}
        )
        entry["reports"].append(report)
    return render(
        request,
        "participation/backoffice/queue.html",
        {
            "entries": list(grouped.values()),
            "hidden_comments": Comment.objects.filter(hidden_at__isnull=False)
            .select_related("proposal")
            .order_by("-hidden_at")[:20],
            "hidden_proposals": Proposal.objects.filter(hidden_at__isnull=False).order_by(
                "-hidden_at"
            )[:20],
            "unanswered": Proposal.objects.filter(
                official_answer__isnull=True, hidden_at__isnull=True
            )
            .select_related("process")
            .order_by("-support_count")[:20],
            "blocked": ParticipantProfile.objects.filter(blocked_at__isnull=False).order_by(
                "-blocked_at"
            ),
        },
    )


@staff_view("participation.moderate")
def hide(request, kind: str, pk: int):
    target = _contribution(kind, pk)
    form = ReasonForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            contribution_hide(actor=request.user, target=target, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The content is hidden; the reason is shown in its place."))
            return redirect(target)
    return render(
        request,
        "participation/backoffice/hide.html",
        {"form": form, "target": target, "kind": kind},
        status=422 if form.errors else 200,
    )


@staff_view("participation.moderate")
@require_POST
def unhide(request, kind: str, pk: int):
    target = _contribution(kind, pk)
    contribution_unhide(actor=request.user, target=target)
    messages.success(request, _("The content is visible again."))
    return redirect(target)


@staff_view("participation.moderate")
@require_POST
def dismiss(request, kind: str, pk: int):
    target = _contribution(kind, pk)
    reports_dismiss(actor=request.user, target=target)
    messages.success(request, _("The reports are closed; the content stays visible."))
    return redirect("backoffice:participation:queue")


@staff_view("participation.moderate")
def answer(request, pk: int):
    proposal = _contribution("proposal", pk)
    if not request.user.has_perm("participation.answer", proposal):
        raise PermissionDenied
    existing = OfficialAnswer.objects.filter(proposal=proposal).first()
    initial = {"status": existing.status, "text": existing.text} if existing else {}
    form = AnswerForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            answer_give(
                actor=request.user,
                proposal=proposal,
                unit=proposal.process.responsible_unit,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The answer is published; followers are told by e-mail."))
            return redirect(proposal)
    return render(
        request,
        "participation/backoffice/answer.html",
        {"form": form, "proposal": proposal, "existing": existing},
        status=422 if form.errors else 200,
    )


@staff_view("participation.block_user")
def block(request, pk: int):
    profile = get_object_or_404(ParticipantProfile.objects.select_related("user"), pk=pk)
    form = BlockForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        participant_block(user=profile.user, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request, _("%(name)s is blocked and cannot contribute.") % {"name": profile.pseudonym}
        )
        return redirect("backoffice:participation:queue")
    return render(
        request,
        "participation/backoffice/block.html",
        {
            "form": form,
            "profile": profile,
            "proposals": profile.user.participation_proposals.order_by("-created_at")[:10],
            "comments": profile.user.participation_comments.select_related("proposal").order_by(
                "-created_at"
            )[:10],
        },
        status=422 if form.errors else 200,
    )


@staff_view("participation.block_user")
@require_POST
def unblock(request, pk: int):
    profile = get_object_or_404(ParticipantProfile.objects.select_related("user"), pk=pk)
    participant_unblock(user=profile.user, actor=request.user)
    messages.success(request, _("%(name)s can contribute again.") % {"name": profile.pseudonym})
    return redirect("backoffice:participation:queue")
