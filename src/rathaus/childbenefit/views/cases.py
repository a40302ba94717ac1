"""The Familienkasse decides a child-benefit case; the citizen sees the payment schedule."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rathaus.childbenefit.fields import MonthField
from rathaus.childbenefit.handlers import ChildBenefitApplication, ChildBenefitChange
from rathaus.childbenefit.messages import check_text, euro, month_label
from rathaus.childbenefit.models import ClaimKind
from rathaus.childbenefit.selectors import (
    CLAIMS_TOPIC,
    claim_children,
    claim_for_case,
    claim_schedule,
    decided_claim_for_citizen,
    reason_text,
)
from rathaus.childbenefit.services import ChildChoice, GrantConflict, claim_decide, claim_record
from rathaus.core.audit import audit_read
from rathaus.core.backoffice import staff_view
from rathaus.core.fragments import personal, render_fragment, version
from rathaus.eservices import workflow
from rathaus.eservices.models import Case
from rathaus.eservices.selectors.inbox import case_header_for_staff
from rathaus.eservices.services.cases import TransitionNotAllowed

HANDLER_KEYS = (ChildBenefitApplication.key, ChildBenefitChange.key)


class ChildDecisionForm(forms.Form):
    use_required_attribute = False
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("grant", gettext_lazy("Grant the proposed months")),
            ("reject", gettext_lazy("Reject")),
        ],
        widget=forms.RadioSelect,
        initial="grant",
    )
    reject_from = MonthField(
        label=gettext_lazy("Reject only from month"),
        required=False,
        help_text=gettext_lazy("Optional, when granting: a range of months to reject."),
    )
    reject_to = MonthField(label=gettext_lazy("Reject until month"), required=False)
    reason = forms.CharField(
        label=gettext_lazy("Reason for the rejected months"), required=False, max_length=500
    )

    def clean(self):
        data = super().clean()
        rejects = data.get("decision") == "reject" or data.get("reject_from")
        if rejects and not data.get("reason"):
            self.add_error("reason", _("Please give the reason printed on the notice."))
        if data.get("reject_to") and not data.get("reject_from"):
            self.add_error("reject_from", _("Please give the first month to reject."))
        if (
            data.get("reject_from")
            and data.get("reject_to")
            and data["reject_to"] < data["reject_from"]
        ):
            self.add_error("reject_to", _("The last month lies before the first."))
        return data

    def choice(self) -> ChildChoice:
        data = self.cleaned_data
        return ChildChoice(
            grant=data["decision"] == "grant",
            reason=data.get("reason") or "",
            reject_from=data.get("reject_from"),
            reject_to=data.get("reject_to"),
        )


def _case(request, reference: str) -> Case:
    try:
        case = case_header_for_staff(reference)
    except Case.DoesNotExist:
        raise Http404 from None
    if case.service.handler not in HANDLER_KEYS:
        raise Http404
    if not request.user.has_perm("eservices.process_case", case):
        raise PermissionDenied
    return case


def _proposal_rows(child) -> list[dict]:
    return [
        {
            "label": month_label(entry["month"]),
            "amount": euro(entry["amount"]) if entry["amount"] else "",
            "reason": "" if entry["amount"] else reason_text(entry["reason"]),
        }
        for entry in child.proposal
    ]


class ChildEntry:
    """One child on the decision page: its form, and what the page shows of it from the claim
    (computed when the child's cached fragment is missing)."""

    def __init__(self, claim, child, form: ChildDecisionForm):
        self.claim, self.child, self.form = claim, child, form

    def _checks(self) -> list[dict]:
        return [c for c in self.claim.checks if c.get("child") == self.child.position]

    @cached_property
    def checks(self) -> list[str]:
        return [check_text(c) for c in self._checks()]

    @cached_property
    def warnings(self) -> list[str]:
        return [check_text(c) for c in self._checks() if not c["ok"]]

    @cached_property
    def existing(self) -> list[tuple[str, str]]:
        return _existing_decisions(self.claim.checks, self.child.position)

    @cached_property
    def rows(self) -> list[dict]:
        return _proposal_rows(self.child)


def _existing_decisions(checks: list[dict], position: int) -> list[tuple[str, str]]:
    """(reference, back-office URL) of the decisions that already pay this child's months."""
    references = sorted(
        {
            reference
            for check in checks
            if check.get("child") == position
            for reference in (check.get("params") or {}).get("references", [])
        }
    )
    return [
        (reference, reverse("backoffice:eservices:case", args=[reference]))
        for reference in references
    ]


@staff_view("childbenefit.process_claims")
def decide(request, reference: str):
    case = _case(request, reference)
    if request.method == "GET":
        audit_read(request, action="childbenefit.decision.read", target=case)
    claim = claim_for_case(case, rows=False)
    if claim is None:
        # Recorded after submission (`decide_automatically`); when that has not happened, the
        # clerk records it with a POST: showing the page never writes.
        if request.method != "POST":
            return render(request, "childbenefit/backoffice/claim_missing.html", {"case": case})
        claim_record(
            case=case,
            kind=ClaimKind.CHANGE
            if case.service.handler == ChildBenefitChange.key
            else ClaimKind.APPLICATION,
        )
        return redirect("backoffice:childbenefit:decide", case.reference)
    can_decide = workflow.can_transition(case.status, workflow.DECIDED, workflow.STAFF)
    bound = request.method == "POST" and can_decide

    def children() -> list[ChildEntry]:
        return [
            ChildEntry(
                claim,
                child,
                ChildDecisionForm(request.POST if bound else None, prefix=f"child{child.position}"),
            )
            for child in claim_children(claim)
        ]

    # Read when shown or checked: a decided claim's children come from a cached fragment.
    entries = SimpleLazyObject(children)
    if bound and all(entry.form.is_valid() for entry in entries):
        choices = {entry.child.position: entry.form.choice() for entry in entries}
        try:
            claim_decide(
                claim=claim,
                choices=choices,
                actor=request.user,
                expected=request.POST.get("expected"),
            )
        except GrantConflict:
            messages.error(
                request,
                _(
                    "Meanwhile another decision pays one of these children for some of these "
                    "months. Please check the case again."
                ),
            )
            return redirect("backoffice:childbenefit:decide", case.reference)
        except TransitionNotAllowed:
            messages.error(request, _("The case has changed meanwhile. Please check it again."))
            return redirect(case.get_backoffice_url())
        messages.success(
            request, _("The case has been decided; the notice is in the applicant's mailbox.")
        )
        return redirect(case.get_backoffice_url())
    return render(
        request,
        "childbenefit/backoffice/decide.html",
        {
            "case": case,
            "claim": claim,
            # The checks, the schedule and each child's proposal are cached fragments keyed by
            # the claims' data version (ADR 0431); computed only when a fragment is missing.
            "claims_version": "-".join(
                (version(CLAIMS_TOPIC), timezone.get_current_timezone_name())
            ),
            "general_checks": SimpleLazyObject(
                lambda: [
                    {"ok": c["ok"], "text": check_text(c)}
                    for c in claim.checks
                    if not c.get("child")
                ]
            ),
            "entries": entries,
            "can_decide": can_decide,
            "schedule": SimpleLazyObject(
                lambda: claim_schedule(claim) if claim.decided_at else None
            ),
        },
        status=400 if bound else 200,
    )


@login_required
def schedule(request, reference: str):
    def produce() -> str | None:
        claim = decided_claim_for_citizen(request.user, reference)
        if claim is None:
            return None
        return render_fragment(
            "childbenefit/schedule_content.html",
            {"case": claim.case, "schedule": claim_schedule(claim)},
        )

    # Kept per person until their own data changes (ADR 0421); another person's or an
    # undecided case is a 404 and nothing is kept.
    content = personal(request.user.pk, "childbenefit.schedule", [reference], produce)
    if content is None:
        raise Http404
    return render(
        request,
        "childbenefit/schedule.html",
        {"reference": reference, "content": mark_safe(content)},  # noqa: S308 - our HTML
    )
