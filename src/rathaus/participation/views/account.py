"""The participant's own pages: contributions, settings, data export, and unsubscribing."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from rathaus.accounts.models import User
from rathaus.accounts.services import user_update_profile
from rathaus.participation.exports import personal_export
from rathaus.participation.forms import SettingsForm, apply_service_errors
from rathaus.participation.models import Follow
from rathaus.participation.notifications import read_unsubscribe_token, unsubscribe_token
from rathaus.participation.services.follows import notifications_unsubscribe
from rathaus.participation.services.people import (
    participant_profile_ensure,
    participant_update_settings,
)
from rathaus.participation.views.common import form_data


@login_required
def my_contributions(request):
    user = request.user
    return render(
        request,
        "participation/my_contributions.html",
        {
            "profile": getattr(user, "participant", None),
            "proposals": user.participation_proposals.select_related("process", "official_answer"),
            "comments": user.participation_comments.select_related("proposal"),
            "supports": user.participation_supports.select_related("proposal"),
            "follows": Follow.objects.filter(user=user).select_related(
                "process", "project", "proposal"
            ),
        },
    )


@login_required
def my_settings(request):
    profile = participant_profile_ensure(user=request.user)
    form = SettingsForm(
        form_data(request), instance=profile, initial={"email_news": request.user.email_news}
    )
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        email_news = values.pop("email_news")
        try:
            participant_update_settings(user=request.user, **values)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            user_update_profile(user=request.user, actor=request.user, email_news=email_news)
            messages.success(request, _("Your settings have been saved."))
            return redirect("participation:my_contributions")
    return render(
        request,
        "participation/my_settings.html",
        {"form": form},
        status=422 if form.errors else 200,
    )


@login_required
def my_export(request):
    data = personal_export(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="participation-{stamp}.json"'
    return response


SCOPE_TEXT = {
    "follow": lambda: _("You no longer follow this and get no more e-mails about it."),
    "all": lambda: _("You get no more e-mails from the participation platform."),
    "phase": lambda: _("You get no more e-mails about new phases."),
    "answer": lambda: _("You get no more e-mails about answers of the city."),
    "reply": lambda: _("You get no more e-mails about replies to your comments."),
}


@csrf_exempt  # RFC 8058: mail programs POST without a form; the signed token is the proof
def unsubscribe(request, token: str):
    read = read_unsubscribe_token(token)
    user = User.objects.filter(pk=read[0], is_active=True).first() if read else None
    if user is None:
        raise Http404
    scope = read[1]
    if request.method == "POST":
        done = notifications_unsubscribe(user=user, scope=scope)
        return render(
            request,
            "participation/unsubscribed.html",
            {
                "message": SCOPE_TEXT[done](),
                "all_token": None
                if done == "all"
                else unsubscribe_token(user_id=user.pk, scope="all"),
            },
        )
    return render(request, "participation/unsubscribe.html", {"token": token, "scope": scope})
