"""Applications for child benefit as the Familienkasse works on them: a claim per case, its
children, the decided months (the payment schedule) and the reminders sent before 18."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The reasons a `DecisionLine` is rejected for, beside the rules' `RefusalReason`s.
PAID_TO_OTHER = "paid_to_other"
"""Reason code beside the rules' `RefusalReason`s: the child is already paid to someone else."""
ALREADY_GRANTED = "already_granted"
"""A new application for months the applicant already receives: a change notice is the way."""
CLERK_REJECTED = "clerk"
NOT_IN_HOUSEHOLD = "not_in_household"
"""Change notices: the child no longer lives in the recipient's household from this month."""


class ClaimKind(models.TextChoices):
    APPLICATION = "application", _("application")
    CHANGE = "change", _("change notice")


class BenefitClaim(models.Model):
    """One per case of the application or change-notice service; made after submission."""

    case = models.OneToOneField(
        "eservices.Case", on_delete=models.CASCADE, related_name="benefit_claim"
    )
    kind = models.CharField(max_length=20, choices=ClaimKind.choices, default=ClaimKind.APPLICATION)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="benefit_claims",
    )
    received_on = models.DateField()
    applicant_tax_id = models.CharField(max_length=11, blank=True)
    iban = models.CharField(max_length=34, blank=True)
    account_holder = models.CharField(max_length=200, blank=True)
    checks = models.JSONField(default=list, blank=True)
    """Automatic check results: [{"code", "ok", "child", "params"}], shown to the clerk."""
    created_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("child benefit claim")
        verbose_name_plural = _("child benefit claims")

    def __str__(self) -> str:
        return self.case.reference


class ClaimChild(models.Model):
    claim = models.ForeignKey(BenefitClaim, on_delete=models.CASCADE, related_name="children")
    position = models.PositiveSmallIntegerField()
    first_name = models.CharField(max_length=200)
    family_name = models.CharField(max_length=200, blank=True)
    born_on = models.DateField()
    tax_id = models.CharField(max_length=11)
    relationship = models.CharField(max_length=20, blank=True)
    in_household = models.BooleanField(default=True)
    periods = models.JSONField(default=list, blank=True)
    """[{"kind", "from": "YYYY-MM", "to": "YYYY-MM" | None, "evidence": file name}]"""
    proposal = models.JSONField(default=list, blank=True)
    """[{"month": "YYYY-MM", "amount": "259.00" | None, "reason": code | ""}] from the rules."""
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="benefit_children",
    )

    class Meta:
        ordering = ["claim", "position"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "position"], name="cb_child_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.family_name}".strip()


class DecisionLine(models.Model):
    """One child, one month: paid with `amount` on `payable_on`, or rejected with a reason.

    Granted lines in force are unique per child (Steuer-ID) and month across all recipients,
    so two decisions for the same child can never both pay a month (§ 64 EStG).
    """

    claim = models.ForeignKey(BenefitClaim, on_delete=models.CASCADE, related_name="lines")
    child = models.ForeignKey(ClaimChild, on_delete=models.CASCADE, related_name="lines")
    child_tax_id = models.CharField(max_length=11)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    month = models.CharField(max_length=7)
    granted = models.BooleanField()
    amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    reason = models.CharField(max_length=40, blank=True)
    reason_text = models.CharField(max_length=500, blank=True)
    payable_on = models.DateField(null=True, blank=True)
    in_force = models.BooleanField(default=True)
    replaces = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    """A change notice's grant of a month an earlier grant already pays: that payment is carried
    over (same payment day), the month is not paid again."""

    class Meta:
        ordering = ["child__position", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_tax_id", "month"],
                condition=models.Q(granted=True, in_force=True),
                name="cb_one_granted_line_per_child_month",
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_tax_id} {self.month}"


class AgeReminder(models.Model):
    """A reminder sent before a child with granted benefit turns 18; never twice per child."""

    child_tax_id = models.CharField(max_length=11, unique=True)
    case = models.ForeignKey("eservices.Case", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.child_tax_id
