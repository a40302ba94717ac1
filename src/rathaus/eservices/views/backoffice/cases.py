"""Processing one case: read it, change its status, assign, note, deadline, ask, inform, decide."""

from __future__ import annotations

import hashlib
import json
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import ModelChoiceIterator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rathaus.core.audit import audit_read
from rathaus.core.backoffice import staff_view
from rathaus.core.fragments import version
from rathaus.eservices import workflow
from rathaus.eservices.downloads import file_response
from rathaus.eservices.handlers import Decision, Outcome, handler_for
from rathaus.eservices.models import Case, Upload
from rathaus.eservices.models.cases import CaseStatus
from rathaus.eservices.models.handoff import Delivery
from rathaus.eservices.selectors.cases import assignable_staff
from rathaus.eservices.selectors.handoff import deliveries_for_clerk
from rathaus.eservices.selectors.inbox import PEOPLE_TOPIC, case_for_staff, case_history
from rathaus.eservices.services.cases import (
    TransitionNotAllowed,
    case_assign,
    case_deadline_set,
    case_note_add,
    case_transition,
)
from rathaus.eservices.services.decisions import case_decide
from rathaus.eservices.services.handoff import RetryNotAllowed, delivery_retry
from rathaus.eservices.services.mailbox import message_ask, message_inform, messages_mark_read
from rathaus.eservices.sources import form_for, source_topics
from rathaus.eservices.summary import summary_sections

# What a read of each case page is recorded as (need to know); other pages read the case itself.
READ_ACTIONS = {
    "case_file": "case.upload.read",
    "case_notice": "case.notice.read",
    "case_receipt": "case.receipt.read",
}

# Status changes offered as plain buttons; asking and deciding have their own forms.
PLAIN_TARGETS = (workflow.IN_REVIEW, workflow.CLOSED)


def case_view(view):
    """Staff view of one case: 404 for unknown references, 403 outside the clerk's departments."""

    @staff_view("eservices.view_inbox")
    @wraps(view)
    def wrapped(request, reference: str, *args, **kwargs):
        try:
            case = case_for_staff(reference)
        except Case.DoesNotExist:
            raise Http404 from None
        if not request.user.has_perm("eservices.process_case", case):
            raise PermissionDenied
        if request.method == "GET":
            action = READ_ACTIONS.get(view.__name__, "case.read")
            audit_read(request, action=action, target=case, **kwargs)
        return view(request, case, *args, **kwargs)

    return wrapped


class StatusForm(forms.Form):
    to = forms.ChoiceField(choices=CaseStatus.choices)
    expected = forms.ChoiceField(choices=CaseStatus.choices, widget=forms.HiddenInput)


class ListedChoices(ModelChoiceIterator):
    """The choices from one plain query: Django's `iterator()` opens a server-side cursor on
    PostgreSQL (DECLARE, FETCH, CLOSE) for the handful of staff of a department."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class StaffChoiceField(forms.ModelChoiceField):
    iterator = ListedChoices


class AssignForm(forms.Form):
    assignee = StaffChoiceField(
        label=gettext_lazy("Assigned to"), queryset=None, required=False, empty_label="–"
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignable_staff(case)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Internal note"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Only staff see notes."),
    )


class DeadlineForm(forms.Form):
    due_on = forms.DateField(
        label=gettext_lazy("Due on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class QuestionForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your question to the applicant"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("The case waits for the answer; the applicant is told by e-mail."),
    )
    expected = forms.ChoiceField(choices=CaseStatus.choices, widget=forms.HiddenInput)


class InformationForm(QuestionForm):
    body = forms.CharField(
        label=gettext_lazy("Information for the applicant"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(
        label=gettext_lazy("Decision"), choices=Outcome.CHOICES, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=gettext_lazy("Reasons (printed on the notice)"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    amount = forms.DecimalField(
        label=gettext_lazy("Amount to pay (EUR)"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        help_text=gettext_lazy("Leave empty when nothing is to be paid."),
    )
    due_on = forms.DateField(
        label=gettext_lazy("Payment due on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Empty: 30 days after the notice."),
    )
    legal_remedy = forms.BooleanField(
        label=gettext_lazy("Print the legal remedy notice"), required=False, initial=True
    )
    expected = forms.ChoiceField(choices=CaseStatus.choices, widget=forms.HiddenInput)


def _digest(value) -> str:
    return hashlib.blake2b(
        json.dumps(value, sort_keys=True, cls=DjangoJSONEncoder).encode(), digest_size=8
    ).hexdigest()


def _fragment_keys(case) -> dict[str, str]:
    """What the case page's cached fragments are keyed by, besides the case and the language
    (ADR 0431). Each key holds everything its fragment shows, so a change shows at once:

    - the application summary: the form version, the answers, the applicant, and the versions
      of the topics of the choice sources the form declares (the dogs a choice names);
    - the history: how many entries and the newest (entries are only added), the status and
      the outcome with its amounts (a decision's entry names them), the people's topic (names)
      and the time zone;
    - the assign form: the department, the assignee and the people's topic (staff, roles).
    """
    people = version(PEOPLE_TOPIC)
    schema = case.form_version.form
    topics = source_topics(schema)
    return {
        "summary": "-".join(
            (
                str(case.form_version_id),
                str(case.applicant_id),
                _digest(case.answers),
                version(*topics) if topics else "",
            )
        ),
        "history": "-".join(
            (
                str(case.events_count),
                str(case.events_last),
                case.status,
                _digest([case.outcome, case.outcome_amounts]),
                people,
                timezone.get_current_timezone_name(),
            )
        ),
        "assign": f"{case.unit_id}-{case.assignee_id}-{people}",
    }


def _page(request, case, **forms_given):
    messages_mark_read(case=case, by_staff=True)
    context = {
        "case": case,
        "fragment_keys": _fragment_keys(case),
        # Evaluated only when their fragment is not cached:
        "sections": SimpleLazyObject(
            lambda: summary_sections(form_for(case.form_version.form, case.applicant), case.answers)
        ),
        "history": case_history(case),
        "targets": [
            (target, CaseStatus(target).label)
            for target in workflow.next_statuses(case.status, workflow.STAFF)
            if target in PLAIN_TARGETS
        ],
        "can_ask": workflow.can_transition(case.status, workflow.WAITING, workflow.STAFF),
        "can_decide": workflow.can_transition(case.status, workflow.DECIDED, workflow.STAFF),
        "decide_url": handler_for(case.service).decide_url(case=case)
        or reverse("backoffice:eservices:case_decide", args=[case.reference]),
        "assign_form": forms_given.get("assign_form")
        or AssignForm(case=case, initial={"assignee": case.assignee_id}),
        "note_form": forms_given.get("note_form") or NoteForm(),
        "deadline_form": forms_given.get("deadline_form")
        or DeadlineForm(initial={"due_on": case.due_on}),
        "ask_form": forms_given.get("ask_form")
        or QuestionForm(prefix="ask", initial={"expected": case.status}),
        "inform_form": forms_given.get("inform_form")
        or InformationForm(prefix="inform", initial={"expected": case.status}),
        "deliveries": deliveries_for_clerk(case),
    }
    return render(
        request,
        "eservices/backoffice/case.html",
        context,
        status=400 if forms_given else 200,
    )


@case_view
def case_detail(request, case):
    return _page(request, case)


@case_view
@require_POST
def case_delivery_retry(request, case, delivery_id: int):
    delivery = get_object_or_404(Delivery, pk=delivery_id, case=case)
    try:
        delivery_retry(delivery=delivery, actor=request.user)
    except RetryNotAllowed:
        messages.error(request, _("Sending this hand-off again would not help."))
    else:
        messages.success(request, _("The hand-off will be sent again shortly."))
    return redirect(case.get_backoffice_url())


def _refused(request, case, error: TransitionNotAllowed):
    if error.stale:
        messages.error(
            request,
            _("Someone else changed this case meanwhile. Please check its current state."),
        )
    else:
        messages.error(request, _("This change is not possible in the case's current state."))
    return redirect(case.get_backoffice_url())


@case_view
@require_POST
def case_status(request, case):
    form = StatusForm(request.POST)
    if not form.is_valid() or form.cleaned_data["to"] not in PLAIN_TARGETS:
        raise PermissionDenied
    try:
        case_transition(
            case=case,
            to=form.cleaned_data["to"],
            actor=request.user,
            actor_kind=workflow.STAFF,
            expected=form.cleaned_data["expected"],
        )
    except TransitionNotAllowed as error:
        return _refused(request, case, error)
    messages.success(request, _("The status has been changed."))
    return redirect(case.get_backoffice_url())


@case_view
@require_POST
def case_assign_view(request, case):
    form = AssignForm(request.POST, case=case)
    if not form.is_valid():
        return _page(request, case, assign_form=form)
    case_assign(case=case, assignee=form.cleaned_data["assignee"], actor=request.user)
    messages.success(request, _("The assignment has been saved."))
    return redirect(case.get_backoffice_url())


@case_view
@require_POST
def case_note(request, case):
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _page(request, case, note_form=form)
    case_note_add(case=case, text=form.cleaned_data["text"], actor=request.user)
    messages.success(request, _("The note has been added."))
    return redirect(case.get_backoffice_url())


@case_view
@require_POST
def case_deadline(request, case):
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        return _page(request, case, deadline_form=form)
    case_deadline_set(case=case, due_on=form.cleaned_data["due_on"], actor=request.user)
    messages.success(request, _("The deadline has been changed."))
    return redirect(case.get_backoffice_url())


@case_view
@require_POST
def case_ask(request, case):
    form = QuestionForm(request.POST, prefix="ask")
    if not form.is_valid():
        return _page(request, case, ask_form=form)
    try:
        message_ask(
            case=case,
            body=form.cleaned_data["body"],
            actor=request.user,
            expected=form.cleaned_data["expected"],
        )
    except TransitionNotAllowed as error:
        return _refused(request, case, error)
    messages.success(request, _("Your question has been sent; the case now waits for the answer."))
    return redirect(case.get_backoffice_url())


@case_view
@require_POST
def case_inform(request, case):
    form = InformationForm(request.POST, prefix="inform")
    if not form.is_valid():
        return _page(request, case, inform_form=form)
    message_inform(case=case, body=form.cleaned_data["body"], actor=request.user)
    messages.success(request, _("Your message has been sent."))
    return redirect(case.get_backoffice_url())


@case_view
def case_decide_view(request, case):
    form = DecideForm(
        request.POST or None,
        initial={"amount": case.service.fee_amount, "legal_remedy": True, "expected": case.status},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case_decide(
                case=case,
                decision=Decision(
                    outcome=data["outcome"],
                    text=data["text"],
                    amount=data["amount"] or None,
                    due_on=data["due_on"],
                    legal_remedy=data["legal_remedy"],
                ),
                actor=request.user,
                expected=data["expected"],
            )
        except TransitionNotAllowed as error:
            return _refused(request, case, error)
        messages.success(
            request, _("The case has been decided; the notice is in the applicant's mailbox.")
        )
        return redirect(case.get_backoffice_url())
    return render(request, "eservices/backoffice/decide.html", {"case": case, "form": form})


@case_view
def case_file(request, case, upload_id):
    upload = get_object_or_404(Upload, pk=upload_id, case=case)
    return file_response(
        upload.file, filename=upload.original_name, content_type=upload.content_type
    )


@case_view
def case_notice(request, case, notice_id: int):
    notice = get_object_or_404(case.notices.all(), pk=notice_id)
    return file_response(
        notice.file,
        filename=f"{case.reference}-notice-{notice.pk}.pdf",
        content_type="application/pdf",
        inline=True,
    )


@case_view
def case_receipt(request, case):
    return file_response(
        case.receipt,
        filename=f"{case.reference}-receipt.pdf",
        content_type="application/pdf",
        inline=True,
    )
