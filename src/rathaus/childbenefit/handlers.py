"""The child-benefit services in the online-services engine: application and change notice.

After submission the engine calls `decide_automatically`: the claim is recorded with its
automatic checks. In the role `decide` a Familienkasse clerk decides on
`/backoffice/childbenefit/cases/<reference>/decide/`; in the role `handover` the case is decided
at once as "forwarded", and on_decided schedules the package for the outbox.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from rathaus.childbenefit.messages import month_label
from rathaus.childbenefit.models import BenefitClaim, BenefitRole, ClaimKind, DecisionLine
from rathaus.childbenefit.selectors import benefit_role, claim_schedule, handover_package
from rathaus.childbenefit.services import claim_record
from rathaus.core.audit import audit_record
from rathaus.eservices.handlers import (
    Decision,
    NoticeSpec,
    Outcome,
    OutcomeAmount,
    ServiceHandler,
    register_handler,
)
from rathaus.eservices.models import Delivery


def handover_authority() -> str:
    return getattr(
        settings,
        "CHILDBENEFIT_HANDOVER_AUTHORITY",
        "Familienkasse der Bundesagentur für Arbeit",
    )


def handover_outbox() -> str:
    return getattr(settings, "CHILDBENEFIT_HANDOVER_OUTBOX", "folder")


class _ChildBenefitHandler(ServiceHandler):
    claim_kind = ClaimKind.APPLICATION

    def decide_automatically(self, *, case):
        claim_record(case=case, kind=self.claim_kind)
        if benefit_role() is BenefitRole.HANDOVER:
            return Decision(
                outcome=Outcome.NOTED,
                text=_("Your application has been forwarded to %(authority)s.")
                % {"authority": handover_authority()},
                legal_remedy=False,
            )
        return None  # a clerk of the Familienkasse decides

    def notice(self, *, case, decision):
        if decision.outcome == Outcome.NOTED:
            return NoticeSpec(
                template="childbenefit/notice_handover.html",
                title=_("Your child benefit application has been forwarded"),
                context={
                    "authority": handover_authority(),
                    "forwarded_on": timezone.localdate(),
                    "legal_remedy": False,
                },
            )
        claim = BenefitClaim.objects.get(case=case)
        schedule = claim_schedule(claim)
        title = (
            _("Child benefit: rejection")
            if decision.outcome == Outcome.REJECTED
            else _("Child benefit: notice of assessment (Festsetzung)")
        )
        return NoticeSpec(
            template="childbenefit/notice_decision.html",
            title=title,
            context={
                "schedule": schedule,
                "outcome": decision.outcome,
                "legal_remedy": {"kind": "einspruch", "authority": case.unit.name},
            },
        )

    def outcome_amounts(self, *, case, decision):
        """The months this decision pays and their sum (months carried over are not new)."""
        lines = list(
            DecisionLine.objects.filter(
                claim__case=case, granted=True, replaces__isnull=True
            ).values_list("month", "amount")
        )
        if not lines:
            return []
        months = sorted({month for month, _amount in lines})
        label = ngettext(
            "Child benefit for %(count)s month (%(first)s – %(last)s)",
            "Child benefit for %(count)s months (%(first)s – %(last)s)",
            len(months),
        ) % {
            "count": len(months),
            "first": month_label(months[0]),
            "last": month_label(months[-1]),
        }
        return [OutcomeAmount(label=label, amount=sum(amount for _month, amount in lines))]

    def on_decided(self, *, case, decision):
        if decision.outcome != Outcome.NOTED:
            return

        key = handover_outbox()
        _delivery, created = Delivery.objects.get_or_create(
            case=case, outbox=key, defaults={"next_attempt_at": timezone.now()}
        )
        if created:
            audit_record(
                actor=None,
                action="childbenefit.claim.handover",
                target=case,
                after={"outbox": key},
            )

    def delivery_payload(self, *, case):
        claim = BenefitClaim.objects.filter(case=case).first()
        return {"childbenefit": handover_package(claim)} if claim else {}

    def decide_url(self, *, case):
        if benefit_role() is BenefitRole.HANDOVER:
            return None
        return reverse("backoffice:childbenefit:decide", args=[case.reference])

    def citizen_links(self, *, case):
        if not BenefitClaim.objects.filter(case=case, decided_at__isnull=False).exists():
            return []
        return [(_("Payment schedule"), reverse("childbenefit:schedule", args=[case.reference]))]


@register_handler
class ChildBenefitApplication(_ChildBenefitHandler):
    key = "childbenefit.application"
    answer_keys = frozenset({"given_name", "family_name", "tax_id", "children", "iban"})
    label = gettext_lazy("Child benefit: application")


@register_handler
class ChildBenefitChange(_ChildBenefitHandler):
    key = "childbenefit.change"
    answer_keys = frozenset({"given_name", "family_name", "tax_id", "children", "iban"})
    label = gettext_lazy("Child benefit: change notice")
    claim_kind = ClaimKind.CHANGE
