"""Applying: start, one page per step, save and resume, review, submit (idempotent)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rathaus.eservices.formschema import (
    Issue,
    Step,
    first_incomplete_step,
    text_in,
    visible_answers,
    visible_steps,
)
from rathaus.eservices.formschema.schema import step_has_files
from rathaus.eservices.messages import issue_message
from rathaus.eservices.models import Draft, Service
from rathaus.eservices.selectors.mailbox import draft_for_citizen
from rathaus.eservices.services.drafts import (
    ResumeLinkInvalid,
    ServiceNotOpen,
    draft_attach_file,
    draft_delete,
    draft_save_step,
    draft_start,
    resume_link_send,
    resume_link_use,
)
from rathaus.eservices.services.submission import SubmissionInvalid, draft_submit
from rathaus.eservices.services.uploads import UploadRejected
from rathaus.eservices.sources import form_for
from rathaus.eservices.stepforms import StepForm
from rathaus.eservices.summary import summary_sections

REVIEW = "review"


@login_required
@require_POST
def apply_start(request, slug: str):
    service = get_object_or_404(Service, slug=slug)
    try:
        draft = draft_start(user=request.user, service=service)
    except ServiceNotOpen:
        messages.error(request, _("This service does not take online applications at the moment."))
        return redirect(service)
    return redirect("eservices:draft", draft.public_id)


def _schema(draft: Draft):
    """The draft's form with the options of its choice sources listed for its owner."""
    return form_for(draft.form_version.form, draft.user)


def _open_draft(request, public_id) -> Draft:
    draft = draft_for_citizen(request.user, public_id)
    if draft.is_submitted:
        raise _Submitted(draft)
    return draft


class _Submitted(Exception):
    def __init__(self, draft: Draft):
        self.draft = draft


def _redirect_if_submitted(view):
    """A submitted draft's pages lead to its case (e.g. the back button after submitting)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _Submitted as submitted:
            return redirect(submitted.draft.case)

    return wrapped


def _progress(draft: Draft, current: str) -> dict:
    """The steps shown for the answers so far, each done, current or still to come."""
    schema = _schema(draft)
    answers = visible_answers(schema, draft.answers)
    steps = visible_steps(schema, answers)
    incomplete = first_incomplete_step(schema, answers, today=timezone.localdate())
    reachable_until = steps.index(incomplete) if incomplete in steps else len(steps)
    entries = []
    for index, step in enumerate(steps):
        entries.append(
            {
                "key": step.key,
                "title": step.title_in(_language()),
                "done": index < reachable_until and step.key != current,
                "current": step.key == current,
                "reachable": index <= reachable_until,
            }
        )
    entries.append(
        {
            "key": REVIEW,
            "title": _("Check and submit"),
            "done": False,
            "current": current == REVIEW,
            "reachable": incomplete is None,
        }
    )
    position = next((index for index, entry in enumerate(entries) if entry["current"]), 0)
    return {"steps": entries, "position": position + 1, "total": len(entries)}


def _language() -> str:
    from django.utils import translation

    return translation.get_language() or "de"


@login_required
@_redirect_if_submitted
def draft_continue(request, public_id):
    """Where the person left off: the saved step if it is still shown, else the first open one."""
    draft = _open_draft(request, public_id)
    schema = _schema(draft)
    shown = [step.key for step in visible_steps(schema, draft.answers)]
    incomplete = first_incomplete_step(schema, draft.answers, today=timezone.localdate())
    if draft.step_key == REVIEW and incomplete is None:
        return redirect("eservices:review", draft.public_id)
    if draft.step_key in shown:
        return redirect("eservices:step", draft.public_id, draft.step_key)
    target = incomplete.key if incomplete else REVIEW
    if target == REVIEW:
        return redirect("eservices:review", draft.public_id)
    return redirect("eservices:step", draft.public_id, target)


def _next_key(draft: Draft, step: Step, answers: dict) -> str:
    steps = visible_steps(_schema(draft), answers)
    keys = [item.key for item in steps]
    index = keys.index(step.key) if step.key in keys else -1
    return keys[index + 1] if index + 1 < len(keys) else REVIEW


def _previous_key(draft: Draft, step: Step) -> str | None:
    keys = [item.key for item in visible_steps(_schema(draft), draft.answers)]
    index = keys.index(step.key)
    return keys[index - 1] if index > 0 else None


def _store_group_files(request, form: StepForm, draft: Draft, item) -> dict:
    """Files of a repeating group's entries: {index: {key: file answer}}."""
    files = [sub for sub in item.fields if sub.is_file]
    group = form.groups.get(item.key)
    if not files or group is None:
        return {}
    values: dict = {}
    for index, entry in enumerate(group.forms):
        for sub in files:
            stored = entry.stored.get(sub.key)
            uploaded = request.FILES.get(entry.add_prefix(sub.key))
            if uploaded is None:
                if stored:
                    values.setdefault(index, {})[sub.key] = stored
                continue
            try:
                values.setdefault(index, {})[sub.key] = draft_attach_file(
                    draft=draft,
                    field_key=f"{item.key}[{index}].{sub.key}",
                    uploaded=uploaded,
                    accept=sub.accept,
                    max_size_mb=sub.max_size_mb,
                    previous=stored if isinstance(stored, dict) else {},
                )
            except UploadRejected as rejected:
                entry.add_error(sub.key, issue_message(Issue(sub.key, rejected.code)))
    return values


def _store_files(request, form: StepForm, draft: Draft) -> dict:
    """Check and keep the files sent with the step; errors go to their fields."""
    values = {}
    for item in form.shown_items:
        if item.is_group:
            group_files = _store_group_files(request, form, draft, item)
            if group_files:
                values[item.key] = group_files
            continue
        if not item.is_file:
            continue
        uploaded = request.FILES.get(item.key)
        if uploaded is None:
            if item.key in draft.answers:
                values[item.key] = draft.answers[item.key]
            continue
        try:
            values[item.key] = draft_attach_file(
                draft=draft,
                field_key=item.key,
                uploaded=uploaded,
                accept=item.accept,
                max_size_mb=item.max_size_mb,
            )
        except UploadRejected as rejected:
            form.add_error(item.key, issue_message(Issue(item.key, rejected.code)))
    return values


def _change_group(form: StepForm, draft: Draft, action: str) -> dict:
    """Answers with an entry added to or removed from a repeating group (nothing saved yet)."""
    answers = {**draft.answers, **form.raw_answers()}
    verb, _colon, rest = action.partition(":")
    key, _colon, index = rest.partition(":")
    group = form.step.field(key)
    if group is None or not group.is_group:
        raise Http404
    entries = list(answers.get(key) or [])
    if verb == "add" and len(entries) < group.max_items:
        entries.append({})
    elif verb == "remove" and index.isdigit() and int(index) < len(entries):
        del entries[int(index)]
    answers[key] = entries
    return answers


@login_required
@_redirect_if_submitted
def draft_step(request, public_id, step_key: str):
    draft = _open_draft(request, public_id)
    schema = _schema(draft)
    step = next(
        (item for item in visible_steps(schema, draft.answers) if item.key == step_key), None
    )
    if step is None:
        return redirect("eservices:draft", draft.public_id)
    progress = _progress(draft, step.key)
    if not next(entry for entry in progress["steps"] if entry["key"] == step.key)["reachable"]:
        return redirect("eservices:draft", draft.public_id)
    form = StepForm(schema=schema, step=step, answers=draft.answers, user=request.user)
    if request.method == "POST":
        action = request.POST.get("_action", "next")
        form = StepForm(
            request.POST,
            request.FILES,
            schema=schema,
            step=step,
            answers=draft.answers,
            user=request.user,
        )
        if action.startswith(("add:", "remove:")):
            form = StepForm(
                schema=schema,
                step=step,
                answers=_change_group(form, draft, action),
                user=request.user,
            )
        else:
            files = _store_files(request, form, draft)
            valid = form.is_valid()
            values = form.apply_core_validation(files) if valid else {}
            if not form.has_errors():
                next_key = _next_key(draft, step, {**draft.answers, **values})
                draft_save_step(draft=draft, step_key=step.key, values=values, next_step=next_key)
                if action == "save":
                    return _paused(request, draft)
                if next_key == REVIEW:
                    return redirect("eservices:review", draft.public_id)
                return redirect("eservices:step", draft.public_id, next_key)
            if action == "save":
                draft_save_step(
                    draft=draft,
                    step_key=step.key,
                    values=form.with_files(form.partial_answers(), files),
                    next_step=step.key,
                )
                return _paused(request, draft)
    return render(
        request,
        "eservices/apply/step.html",
        {
            "draft": draft,
            "service": draft.service,
            "step": step,
            "step_title": step.title_in(_language()),
            "step_intro": text_in(step.intro, _language()),
            "form": form,
            "progress": progress,
            "previous": _previous_key(draft, step),
            "multipart": step_has_files(step),
        },
    )


def _paused(request, draft: Draft):
    link = resume_link_send(draft=draft)
    return render(
        request,
        "eservices/apply/paused.html",
        {"draft": draft, "service": draft.service, "expires_at": link.expires_at},
    )


@login_required
@_redirect_if_submitted
def draft_review(request, public_id):
    draft = _open_draft(request, public_id)
    schema = _schema(draft)
    incomplete = first_incomplete_step(schema, draft.answers, today=timezone.localdate())
    if incomplete is not None:
        messages.warning(
            request, _("Some information is still missing. Please complete this step.")
        )
        return redirect("eservices:step", draft.public_id, incomplete.key)
    if request.method == "POST":
        try:
            case = draft_submit(draft=draft, user=request.user)
        except ServiceNotOpen:
            messages.error(
                request, _("This service does not take online applications at the moment.")
            )
            return redirect(draft.service)
        except SubmissionInvalid as invalid:
            for issue in invalid.issues[:3]:
                messages.error(request, issue_message(issue))
            return redirect("eservices:draft", draft.public_id)
        messages.success(
            request,
            _("Thank you. Your application has been submitted under the reference %(reference)s.")
            % {"reference": case.reference},
        )
        return redirect(case)
    return render(
        request,
        "eservices/apply/review.html",
        {
            "draft": draft,
            "service": draft.service,
            "sections": summary_sections(schema, draft.answers),
            "progress": _progress(draft, REVIEW),
        },
    )


@login_required
@require_POST
@_redirect_if_submitted
def draft_discard(request, public_id):
    draft = _open_draft(request, public_id)
    service = draft.service
    draft_delete(draft=draft, actor=request.user)
    messages.success(request, _("Your unfinished application has been deleted."))
    return redirect(service)


@login_required
def resume(request, token: str):
    """The e-mailed link: works for its owner, as often as needed, until it expires."""
    try:
        draft = resume_link_use(token=token, user=request.user)
    except ResumeLinkInvalid:
        return render(request, "eservices/apply/resume_invalid.html", status=404)
    messages.info(request, _("Welcome back. You can continue where you left off."))
    return redirect("eservices:draft", draft.public_id)
