"""Back-office forms: an amount row and the city's role."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rathaus.childbenefit.fields import MONTH_HINT, MonthField
from rathaus.childbenefit.models import BenefitAmount, BenefitRole

# Where the rules' field names (RowIssue.field) appear in the form.
ROW_ISSUE_FIELDS = {
    "valid_from": "valid_from",
    "valid_until": "valid_until",
    "amount": "amount",
    "ordinal": "child_ordinal",
}


class AmountForm(forms.Form):
    valid_from = MonthField(label=_("First month"), help_text=MONTH_HINT)
    valid_until = MonthField(label=_("Last month"), help_text=MONTH_HINT)
    child_ordinal = forms.IntegerField(
        label=_("Child number"),
        required=False,
        min_value=1,
        max_value=20,
        help_text=_(
            "Leave empty for the same amount for every child. A number such as 3 gives the "
            "amount for the third child and every further child, up to the next child number "
            "entered for the same months."
        ),
    )
    amount = forms.DecimalField(
        label=_("Amount per child and month in euro"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={"min_value": _("The amount must not be negative.")},
    )

    @classmethod
    def for_stored(cls, stored: BenefitAmount, data=None) -> AmountForm:
        row = stored.row
        return cls(
            data,
            initial={
                "valid_from": row.valid_from,
                "valid_until": row.valid_until,
                "child_ordinal": row.ordinal,
                "amount": row.amount,
            },
        )


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("What the city does with child benefit"),
        choices=BenefitRole.choices,
        widget=forms.RadioSelect,
    )
