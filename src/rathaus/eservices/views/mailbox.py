"""The citizen's mailbox: their applications, each case's messages, notices and payments."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rathaus.core.fragments import personal, render_fragment, with_csrf_token
from rathaus.core.paging import paginate_counted_along, plain_page
from rathaus.eservices.attachments import MultipleFileField
from rathaus.eservices.formschema import Issue
from rathaus.eservices.handlers import handler_for
from rathaus.eservices.messages import issue_message
from rathaus.eservices.personal import SHOWN_TOPICS
from rathaus.eservices.selectors.mailbox import (
    case_mailbox_for_citizen,
    citizen_cases,
    citizen_drafts,
    citizen_letters,
)
from rathaus.eservices.services.cases import TransitionNotAllowed, case_withdraw
from rathaus.eservices.services.mailbox import CaseNotOpen, message_reply, messages_mark_read
from rathaus.eservices.services.uploads import UploadRejected


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    files = MultipleFileField(
        label=gettext_lazy("Attachments"),
        required=False,
        help_text=gettext_lazy("Up to 5 files: PDF, JPEG or PNG."),
    )


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Yes, I withdraw my application."), required=True
    )


# Letters per page: a household with years of annual notices gets a short page, not 200 rows.
LETTERS_PER_PAGE = 20


def _mailbox_content(request) -> str:
    return render_fragment(
        "eservices/mailbox/index_content.html",
        {
            "cases": citizen_cases(request.user),
            "drafts": citizen_drafts(request.user),
            **paginate_counted_along(
                request, citizen_letters(request.user), per_page=LETTERS_PER_PAGE
            ),
            # One reverse() for the page instead of one per letter.
            "letter_url": reverse("eservices:letter", args=[0])[: -len("0.pdf")],
        },
    )


@login_required
def mailbox(request):
    # Kept per person until their own data changes (ADR 0421); a page with other parameters
    # than the page number is rendered each time.
    page = plain_page(request)
    if page is None:
        content = _mailbox_content(request)
    else:
        content = personal(
            request.user.pk,
            "eservices.mailbox",
            [page],
            lambda: _mailbox_content(request),
            topics=SHOWN_TOPICS,
        )
    context = {"content": mark_safe(content)}  # noqa: S308 - our own rendered HTML
    return render(request, "eservices/mailbox/index.html", context)


def _case_content(case, *, reply_form=None, withdraw_form=None) -> dict:
    context = {
        "case": case,
        "timeline": [event for event in case.events.all() if event.visible_to_citizen],
        "reply_form": reply_form or ReplyForm(),
        "withdraw_form": withdraw_form or WithdrawForm(),
        "service_links": handler_for(case.service).citizen_links(case=case),
    }
    return {
        "title": f"{case.reference} – {case.service.name}",
        "content": render_fragment("eservices/mailbox/case_content.html", context),
    }


def _case_page(request, content: dict, *, status=200):
    return render(
        request,
        "eservices/mailbox/case.html",
        {"title": content["title"], "content": with_csrf_token(request, content["content"])},
        status=status,
    )


@login_required
def case_detail(request, reference: str):
    def produce() -> dict:
        case = case_mailbox_for_citizen(request.user, reference)
        messages_mark_read(case=case, by_staff=False)
        # The forms' token is the request's own: put in on every view (with_csrf_token).
        return _case_content(case)

    # Kept per person until their own data changes (ADR 0421): another person's reference is a
    # 404 before anything is kept, and a kept page has no unread message (marking read changes
    # the person's data, so the next view renders afresh).
    content = personal(request.user.pk, "eservices.case", [reference], produce, topics=SHOWN_TOPICS)
    return _case_page(request, content)


@login_required
@require_POST
def case_reply(request, reference: str):
    case = case_mailbox_for_citizen(request.user, reference)
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            message_reply(
                case=case,
                body=form.cleaned_data["body"],
                user=request.user,
                files=form.cleaned_data["files"],
            )
        except UploadRejected as rejected:
            form.add_error("files", issue_message(Issue("files", rejected.code)))
        except CaseNotOpen:
            messages.error(request, _("This case is finished; messages can no longer be sent."))
            return redirect(case)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect(case)
    return _case_page(request, _case_content(case, reply_form=form), status=400)


@login_required
@require_POST
def case_withdraw_view(request, reference: str):
    case = case_mailbox_for_citizen(request.user, reference)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _case_page(request, _case_content(case, withdraw_form=form), status=400)
    try:
        case_withdraw(case=case, user=request.user)
    except TransitionNotAllowed:
        messages.error(request, _("This application can no longer be withdrawn."))
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect(case)
