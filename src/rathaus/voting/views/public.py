"""Public pages: the list of polls, a poll, the booth (choose → review → cast → receipt), the
tracker list and the results. Everything works without JavaScript.

The booth keeps no state on the server: the review page carries the choices (and the code) in
hidden fields, and the receipt is the answer to the casting request itself. The tracker is
therefore never written to the session, a cookie or a URL; see docs/adr/0060-vote-secrecy.md.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from rathaus.core.paging import paginate
from rathaus.core.ratelimit import rate_limit_response
from rathaus.participation.selectors import processes_visible
from rathaus.voting import codes, messages, results_display, selectors
from rathaus.voting.errors import AlreadyVoted, BallotInvalid, VotingError
from rathaus.voting.forms.booth import CodeForm, ballot_form_class, project_label
from rathaus.voting.models import Eligibility, Kind, Poll
from rathaus.voting.services import ballot_cast, poll_close_if_due
from rathaus.voting.window import PollState


def _poll(pk: int) -> Poll:
    return get_object_or_404(selectors.polls_public(), pk=pk)


def poll_list(request):
    """All polls, or with ``?process=<slug>`` those of one participation process."""
    process = None
    if request.GET.get("process"):
        process = get_object_or_404(processes_visible(request.user), slug=request.GET["process"])
    return render(
        request,
        "voting/poll_list.html",
        {"groups": selectors.polls_by_state(process=process), "process": process},
    )


def state_message(poll: Poll) -> str:
    opens_at, closes_at = poll.window()
    return messages.explain(
        messages.STATE, poll.state(), {"opens_at": opens_at, "closes_at": closes_at}
    )


def poll_detail(request, pk: int):
    poll = poll_close_if_due(poll=_poll(pk))
    return render(
        request,
        "voting/poll_detail.html",
        {
            "poll": poll,
            "state": poll.state(),
            "state_message": state_message(poll),
            "closing_day": selectors.closing_day(poll),
        },
    )


def _cannot_vote(request, poll: Poll, message: str, *, status: int):
    return render(
        request,
        "voting/cannot_vote.html",
        {"poll": poll, "message": message, "state": poll.state()},
        status=status,
    )


def _booth(request, poll: Poll, ballot_form, code_form, *, status: int = 200, error: str = ""):
    return render(
        request,
        "voting/booth.html",
        {"poll": poll, "form": ballot_form, "code_form": code_form, "error": error},
        status=status,
    )


def _resident_refusal(request, poll: Poll):
    """The page telling a person why they may not vote here, or None if they may."""
    if poll.eligibility != Eligibility.RESIDENTS:
        return None
    check = selectors.voter_check(poll=poll, user=request.user)
    if check.allowed:
        return None
    status = 409 if check.problem == "already_voted" else 403
    message = messages.explain(messages.INELIGIBILITY, check.problem, check.params)
    return _cannot_vote(request, poll, message, status=status)


def _code_problem(poll: Poll, code_form: CodeForm) -> bool:
    """Check the entered code early (on review); the cast checks it again."""
    if not code_form.is_valid():
        return True
    check = selectors.voter_check(poll=poll, code=code_form.cleaned_data["code"])
    if not check.allowed:
        code_form.add_error(
            "code", messages.explain(messages.INELIGIBILITY, check.problem, check.params)
        )
    return not check.allowed


@never_cache
@require_http_methods(["GET", "POST"])
def booth(request, pk: int):
    poll = _poll(pk)
    if poll.state() is not PollState.OPEN:
        return _cannot_vote(request, poll, state_message(poll), status=403)
    refusal = _resident_refusal(request, poll)
    if refusal is not None:
        return refusal
    form_class = ballot_form_class(poll)
    uses_codes = poll.eligibility == Eligibility.CODES
    if request.method == "GET" or request.POST.get("action") == "change":
        choices = request.POST.getlist("choice")
        initial = form_class.initial_for(poll, choices) if choices else None
        code_form = CodeForm(initial={"code": request.POST.get("code", "")}) if uses_codes else None
        return _booth(request, poll, form_class(poll=poll, initial=initial), code_form)
    if uses_codes and (refused := rate_limit_response(request, "voting_code")):
        return refused
    ballot_form = form_class(request.POST, poll=poll)
    code_form = CodeForm(request.POST) if uses_codes else None
    code_bad = uses_codes and _code_problem(poll, code_form)
    if not ballot_form.is_valid() or code_bad:
        return _booth(request, poll, ballot_form, code_form, status=422)
    ballot = ballot_form.ballot()
    return render(
        request,
        "voting/review.html",
        {
            "poll": poll,
            "choices": ballot,
            "summary": ballot_summary(poll, ballot),
            "code": code_form.cleaned_data["code"] if uses_codes else "",
        },
    )


def ballot_summary(poll: Poll, ballot: tuple[str, ...]) -> list[str]:
    """What the ballot says, in words, in the order of the ballot (ranked: best first)."""
    titles = {option.key: option for option in poll.options.all()}
    if poll.kind == Kind.BUDGET:
        counted: dict[str, int] = {}
        for key in ballot:
            counted[key] = counted.get(key, 0) + 1
        if poll.cumulative:
            return [
                _("%(project)s: %(points)s points")
                % {"project": project_label(titles[key]), "points": points}
                for key, points in counted.items()
            ]
        return [project_label(titles[key]) for key in counted]
    return [titles[key].title for key in ballot]


@never_cache
@require_POST
def cast(request, pk: int):
    poll = _poll(pk)
    choices = request.POST.getlist("choice")
    code = request.POST.get("code", "")
    if code and (refused := rate_limit_response(request, "voting_code")):
        return refused
    try:
        tracker = ballot_cast(poll=poll, choices=choices, user=request.user, code=code)
    except BallotInvalid as error:
        form_class = ballot_form_class(poll)
        ballot_form = form_class(poll=poll, initial=form_class.initial_for(poll, choices))
        code_form = CodeForm(initial={"code": code}) if code else None
        return _booth(request, poll, ballot_form, code_form, status=422, error=error.message)
    except VotingError as error:
        status = 409 if isinstance(error, AlreadyVoted) else error.status
        return _cannot_vote(request, poll, error.message, status=status)
    return render(request, "voting/receipt.html", {"poll": poll, "tracker": tracker}, status=201)


TRACKERS_PER_PAGE = 200


@never_cache
@require_http_methods(["GET", "POST"])
def trackers(request, pk: int):
    """The public list of trackers. Checking one is a POST, so that the tracker a person looks
    for never appears in a URL (and so in no access log)."""
    poll = _poll(pk)
    checked = None
    typed = request.POST.get("tracker", "") if request.method == "POST" else ""
    if typed:
        stored = codes.tracker_form(typed)
        checked = {
            "tracker": stored or typed,
            "found": bool(stored and selectors.tracker_listed(poll, stored)),
        }
    listed = selectors.trackers(poll)
    return render(
        request,
        "voting/trackers.html",
        {
            "poll": poll,
            "checked": checked,
            "total": len(listed),
            "state": poll.state(),
            **paginate(request, listed, per_page=TRACKERS_PER_PAGE),
        },
    )


def results(request, pk: int):
    """A closed poll's result. The result never changes once counted: the page's content is a
    cached fragment (topic "voting"), and its figures are worked out only to render it."""
    poll = get_object_or_404(selectors.polls_for_results(), pk=pk)
    if poll.closed_at is None:
        poll = poll_close_if_due(poll=poll)
    if poll.closed_at is None:
        return _cannot_vote(
            request, poll, _("The results are published when the poll closes."), status=403
        )
    return render(
        request,
        "voting/results.html",
        {"poll": poll, "result": SimpleLazyObject(lambda: _results_context(poll))},
    )


def _results_context(poll: Poll) -> dict:
    table = results_display.rows(poll)
    context = {
        "rows": table,
        "chart": results_display.votes_chart(poll, table),
        "state_message": state_message(poll),
        "roll": selectors.voters_on_roll(poll),
    }
    if poll.kind == Kind.RANKED:
        context["ranking"] = [
            next(row for row in table if row.key == key) for key in poll.result["ranking"]
        ]
        context["pairwise"] = [
            (row, [poll.result["pairwise"][row.key].get(other.key) for other in table])
            for row in table
        ]
    if poll.kind == Kind.BUDGET:
        districts = results_display.district_rows(poll)
        context.update(
            funded=[row for row in table if row.funded],
            summary=results_display.budget_summary(poll),
            districts=districts,
            district_chart=results_display.district_chart(districts),
        )
    return context
