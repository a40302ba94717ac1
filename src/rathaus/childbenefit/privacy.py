"""The person's child-benefit data for "download all my data": claims, children, decisions.

No eraser: claims belong to cases the law requires to keep; when the account is deleted the
claims lose their link to it (recipient set to null) and the cases' retention applies.
"""

from __future__ import annotations

from rathaus.accounts.privacy import ExportPart
from rathaus.childbenefit.models import BenefitClaim


def childbenefit_export(user) -> ExportPart:
    claims = (
        BenefitClaim.objects.filter(recipient=user)
        .select_related("case")
        .prefetch_related("children__lines")
        .order_by("created_at")
    )
    return ExportPart(
        data={
            "claims": [
                {
                    "reference": claim.case.reference,
                    "kind": claim.kind,
                    "received_on": claim.received_on,
                    "decided_at": claim.decided_at,
                    "iban": claim.iban,
                    "account_holder": claim.account_holder,
                    "checks": claim.checks,
                    "children": [
                        {
                            "first_name": child.first_name,
                            "family_name": child.family_name,
                            "born_on": child.born_on,
                            "tax_id": child.tax_id,
                            "relationship": child.relationship,
                            "in_household": child.in_household,
                            "qualifying_periods": child.periods,
                            "decision": [
                                {
                                    "month": line.month,
                                    "granted": line.granted,
                                    "amount": line.amount,
                                    "reason": line.reason,
                                    "reason_text": line.reason_text,
                                    "payable_on": line.payable_on,
                                    "in_force": line.in_force,
                                }
                                for line in child.lines.all()
                            ],
                        }
                        for child in claim.children.all()
                    ],
                }
                for claim in claims
            ]
        }
    )
