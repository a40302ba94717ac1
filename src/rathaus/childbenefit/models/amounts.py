"""Child benefit per child and month as the Familienkasse keeps it: dated rows, edited in the
back office, seeded from ``amount_defaults/kindergeld.toml``.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from rathaus.childbenefit.benefitrules import AmountRow, Month


class BenefitAmount(models.Model):
    """One amount for the months from ``valid_from`` to ``valid_until`` (both included).

    Months are stored as the first day of the month. ``child_ordinal`` empty: the amount for
    every child; ``n``: for the n-th child and every further child, up to the next ordinal given
    for the same months.
    """

    valid_from = models.DateField(_("valid from (month)"))
    valid_until = models.DateField(_("valid until (month)"))
    child_ordinal = models.PositiveSmallIntegerField(_("child number"), null=True, blank=True)
    amount = models.DecimalField(_("amount per child and month"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("child benefit amount")
        verbose_name_plural = _("child benefit amounts")
        ordering = ["valid_from", "child_ordinal"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="childbenefit_amount_order"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="childbenefit_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(child_ordinal__isnull=True) | Q(child_ordinal__gte=1),
                name="childbenefit_amount_ordinal_from_one",
            ),
        ]

    def __str__(self) -> str:
        ordinal = "" if self.child_ordinal is None else f" #{self.child_ordinal}"
        return f"{self.row.valid_from}–{self.row.valid_until}{ordinal}: {self.amount}"

    @property
    def row(self) -> AmountRow:
        return AmountRow(
            valid_from=Month.of(self.valid_from),
            valid_until=Month.of(self.valid_until),
            amount=self.amount,
            ordinal=self.child_ordinal,
        )

    def snapshot(self) -> dict[str, str | None]:
        """The row as the audit log keeps it."""
        row = self.row
        return {
            "valid_from": str(row.valid_from),
            "valid_until": str(row.valid_until),
            "child_ordinal": None if row.ordinal is None else str(row.ordinal),
            "amount": str(row.amount),
        }
