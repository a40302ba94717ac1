"""The back office for moderators and administrators: polls, codes, closing, pabulib import.

Staff see how many ballots were cast and how many people voted per day (the roll keeps the day
only); nothing here shows who cast which ballot, because nothing stores it.
"""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from rathaus.core.backoffice import staff_view
from rathaus.voting import pabulib, selectors
from rathaus.voting.errors import PollInvalid, VotingError
from rathaus.voting.forms.backoffice import (
    CloseForm,
    CodesForm,
    OptionForm,
    OptionFormSet,
    PabulibUploadForm,
    PollForm,
    SealForm,
    UnsealForm,
    poll_spec,
)
from rathaus.voting.models import Eligibility, Poll, VotingCode
from rathaus.voting.services import (
    poll_close,
    poll_create,
    poll_import_pabulib,
    poll_seal,
    poll_unseal,
    poll_update,
    voting_codes_generate,
)
from rathaus.voting.window import PollState

MANAGE = "voting.manage_polls"
MAX_UPLOAD = 20 * 1024 * 1024


@staff_view(MANAGE)
def poll_list(request):
    polls = Poll.objects.order_by("-opens_at", "-pk")
    return render(request, "voting/backoffice/poll_list.html", {"polls": polls})


def _filled(formset) -> list[OptionForm]:
    return [form for form in formset if form.has_changed()]


def _show_problems(error: PollInvalid, form: PollForm, options: list[OptionForm]) -> None:
    """Put each problem of the poll definition next to its field."""
    names = {"title": "title_de"}
    for field, message in error.errors:
        if field.startswith("options[") and "]." in field:
            index, name = field[len("options[") :].split("].", 1)
            if int(index) < len(options):
                target = options[int(index)]
                target.add_error(name if name in target.fields else None, message)
                continue
        name = names.get(field, field)
        form.add_error(name if name in form.fields else None, message)


def _poll_form_page(request, form, formset, poll=None, *, status=200):
    return render(
        request,
        "voting/backoffice/poll_form.html",
        {"form": form, "formset": formset, "poll": poll},
        status=status,
    )


def _save_poll(request, poll: Poll | None):
    form = PollForm(request.POST)
    formset = OptionFormSet(request.POST, prefix="options")
    if not (form.is_valid() and formset.is_valid()):
        return _poll_form_page(request, form, formset, poll, status=422)
    options = _filled(formset)
    try:
        spec = poll_spec(form, options)
        if poll is None:
            poll = poll_create(actor=request.user, spec=spec)
        else:
            poll = poll_update(actor=request.user, poll=poll, spec=spec)
    except PollInvalid as error:
        _show_problems(error, form, options)
        return _poll_form_page(request, form, formset, poll, status=422)
    except VotingError as error:
        form.add_error(None, error.message)
        return _poll_form_page(request, form, formset, poll, status=409)
    messages.success(request, _("The poll has been saved."))
    return redirect("backoffice:voting:poll", pk=poll.pk)


@staff_view(MANAGE)
def poll_create_view(request):
    if request.method == "POST":
        return _save_poll(request, None)
    return _poll_form_page(request, PollForm(), OptionFormSet(prefix="options"))


@staff_view(MANAGE)
def poll_edit(request, pk: int):
    poll = get_object_or_404(selectors.polls_public(), pk=pk)
    if poll.state() is not PollState.UPCOMING:
        messages.error(request, _("This poll has opened and can no longer be changed."))
        return redirect("backoffice:voting:poll", pk=poll.pk)
    if request.method == "POST":
        return _save_poll(request, poll)
    formset = OptionFormSet(
        prefix="options",
        initial=[OptionForm.initial_of(option) for option in poll.options.all()],
    )
    return _poll_form_page(request, PollForm(initial=PollForm.initial_of(poll)), formset, poll)


@staff_view(MANAGE)
def poll_manage(request, pk: int):
    return _manage_page(request, get_object_or_404(Poll, pk=pk), status=200)


def _sealing_forms(poll: Poll, **forms) -> dict:
    if not poll.sealed:
        return {}
    if not poll.public_key:
        return {"seal_form": forms.get("seal_form") or SealForm()}
    return {"unseal_form": forms.get("unseal_form") or UnsealForm(threshold=poll.threshold)}


def _manage_page(request, poll: Poll, *, status: int, unseal_error: str = "", **forms):
    poll = get_object_or_404(selectors.polls_public(), pk=poll.pk)
    return render(
        request,
        "voting/backoffice/poll_manage.html",
        {
            "poll": poll,
            "state": poll.state(),
            "ballots": selectors.ballots_cast(poll),
            "turnout": selectors.voters_per_day(poll),
            "codes": VotingCode.objects.filter(poll=poll).count(),
            "codes_form": CodesForm() if poll.eligibility == Eligibility.CODES else None,
            "close_form": CloseForm(),
            **_sealing_forms(poll, **forms),
            "unseal_error": unseal_error,
        },
        status=status,
    )


@never_cache
@require_POST
@staff_view(MANAGE)
def seal(request, pk: int):
    """Create the poll's key and show each trustee's share once (the answer to this POST)."""
    poll = get_object_or_404(Poll, pk=pk)
    form = SealForm(request.POST)
    if not form.is_valid():
        return _manage_page(request, poll, status=422, seal_form=form)
    try:
        shares = poll_seal(
            actor=request.user,
            poll=poll,
            trustees=form.trustee_names(),
            threshold=form.cleaned_data["threshold"],
        )
    except VotingError as error:
        form.add_error(None, error.message)
        return _manage_page(request, poll, status=error.status, seal_form=form)
    poll.refresh_from_db()
    sheets = list(zip(poll.trustees, (share.split() for share in shares), strict=True))
    return render(request, "voting/backoffice/shares.html", {"poll": poll, "sheets": sheets})


@never_cache
@require_POST
@staff_view(MANAGE)
def unseal(request, pk: int):
    """Open the count with the trustees' shares, all entered in one form. An invalid attempt
    shows the form empty again: entered shares are never sent back to the browser."""
    poll = get_object_or_404(Poll, pk=pk)
    if not (poll.sealed and poll.threshold):
        messages.error(request, _("This poll does not have a sealed ballot box."))
        return redirect("backoffice:voting:poll", pk=poll.pk)
    form = UnsealForm(request.POST, threshold=poll.threshold)
    if not form.is_valid():
        return _manage_page(
            request, poll, status=422, unseal_error=_("Every trustee must enter their share.")
        )
    try:
        poll_unseal(actor=request.user, poll=poll, shares=form.shares())
    except VotingError as error:
        return _manage_page(request, poll, status=error.status, unseal_error=error.message)
    messages.success(request, _("The sealed ballots have been opened, counted and published."))
    return redirect("backoffice:voting:poll", pk=poll.pk)


@never_cache
@require_POST
@staff_view(MANAGE)
def codes_generate(request, pk: int):
    """Generate a batch of codes and show it once: as a page to print or as a CSV file."""
    poll = get_object_or_404(Poll, pk=pk)
    form = CodesForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["count"]))
        return redirect("backoffice:voting:poll", pk=poll.pk)
    try:
        generated = voting_codes_generate(
            actor=request.user, poll=poll, count=form.cleaned_data["count"]
        )
    except VotingError as error:
        messages.error(request, error.message)
        return redirect("backoffice:voting:poll", pk=poll.pk)
    if request.POST.get("format") == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["code"])
        writer.writerows([code] for code in generated)
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="poll-{poll.pk}-codes.csv"'
        return response
    return render(request, "voting/backoffice/codes.html", {"poll": poll, "codes": generated})


@require_POST
@staff_view(MANAGE)
def close(request, pk: int):
    poll = get_object_or_404(Poll, pk=pk)
    if not CloseForm(request.POST).is_valid():
        messages.error(request, _("Please confirm that the vote ends now."))
        return redirect("backoffice:voting:poll", pk=poll.pk)
    try:
        poll_close(actor=request.user, poll=poll)
    except VotingError as error:
        messages.error(request, error.message)
    else:
        if poll.sealed:
            messages.success(request, _("The vote has ended. The trustees can now open the count."))
        else:
            messages.success(request, _("The poll is closed and counted."))
    return redirect("backoffice:voting:poll", pk=poll.pk)


@staff_view(MANAGE)
def import_pabulib(request):
    form = PabulibUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_UPLOAD:
                raise pabulib.PabulibError(_("The file is larger than 20 MB."))
            election = pabulib.loads(upload.read().decode("utf-8-sig"))
            poll = poll_import_pabulib(
                actor=request.user,
                election=election,
                opens_at=form.cleaned_data["opens_at"],
                closes_at=form.cleaned_data["closes_at"],
                title=form.cleaned_data["title"],
                with_votes=form.cleaned_data["with_votes"],
                source=upload.name,
            )
        except (UnicodeDecodeError, pabulib.PabulibError) as error:
            form.add_error(
                "file", _("The file is not a readable pabulib file: %(error)s") % {"error": error}
            )
        except PollInvalid as error:
            form.add_error(None, "; ".join(message for _field, message in error.errors))
        except VotingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The participatory budget has been imported."))
            return redirect("backoffice:voting:poll", pk=poll.pk)
    status = 422 if form.errors else 200
    return render(request, "voting/backoffice/import.html", {"form": form}, status=status)
