"""The participation start page, a process's page, and following things."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rathaus.participation.models import Process, Project, Proposal
from rathaus.participation.panels import process_panels
from rathaus.participation.selectors import (
    follow_of,
    process_for_page,
    processes_visible,
    projects_for_list,
)
from rathaus.participation.services.follows import follow_add, follow_remove
from rathaus.participation.views.common import back, check


def index(request):
    now = timezone.now()
    processes = list(processes_visible(request.user))
    running = [process for process in processes if process.phase_at(now) is not None]
    other = [process for process in processes if process.phase_at(now) is None]
    return render(
        request,
        "participation/index.html",
        {
            "running": running,
            "other": other,
            "project_count": projects_for_list(request.user).count(),
        },
    )


def process_detail(request, slug: str):
    process = process_for_page(request.user, slug)
    check(request, "participation.view", process)
    return render(
        request,
        "participation/process_detail.html",
        {
            "process": process,
            "current_phase": process.current_phase,
            "proposal_count": process.proposals.count(),
            "follow": follow_of(request.user, process),
            "may_follow": request.user.has_perm("participation.follow", process),
            "may_propose": request.user.has_perm("participation.propose", process),
            "panels": process_panels(),
        },
    )


FOLLOWABLE = {"process": Process, "project": Project, "proposal": Proposal}


@login_required
@require_POST
def follow(request, kind: str, pk: int):
    if kind not in FOLLOWABLE:
        raise Http404
    target = get_object_or_404(FOLLOWABLE[kind], pk=pk)
    if request.POST.get("action") == "unfollow":
        follow_remove(actor=request.user, target=target)
        messages.success(request, _("You no longer follow this."))
    else:
        follow_add(actor=request.user, target=target)
        messages.success(request, _("You follow this now and will be told by e-mail what happens."))
    return back(request, target.get_absolute_url())
