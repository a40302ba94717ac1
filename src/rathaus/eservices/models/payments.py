"""Payments: what a case asks to be paid, SEPA mandates, exports and imported statements."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rathaus.eservices.models.cases import Case


class PaymentStatus(models.TextChoices):
    OPEN = "open", _("open")
    COLLECTING = "collecting", _("being collected by direct debit")
    PAID = "paid", _("paid")
    CANCELLED = "cancelled", _("cancelled")


class Mandate(models.Model):
    """A SEPA direct-debit mandate a citizen gave the city for a case's payments."""

    reference = models.CharField(_("mandate reference"), max_length=35, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eservice_mandates",
    )
    debtor_name = models.CharField(pgettext_lazy("mandate", "account holder"), max_length=70)
    iban = models.CharField(_("IBAN"), max_length=34)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    signed_on = models.DateField(_("signed on"))
    collections = models.PositiveIntegerField(default=0)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("SEPA mandate")
        verbose_name_plural = _("SEPA mandates")

    def __str__(self) -> str:
        return self.reference


class SepaExport(models.Model):
    """A pain.008 file of direct debits handed to the bank."""

    message_id = models.CharField(max_length=35, unique=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    collection_date = models.DateField()
    file = models.FileField(upload_to="eservices/sepa/%Y/")
    count = models.PositiveIntegerField()
    total = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("direct-debit export")
        verbose_name_plural = _("direct-debit exports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message_id


class StatementImport(models.Model):
    """A camt.053 bank statement read once (the same file is never booked twice)."""

    sha256 = models.CharField(max_length=64, unique=True)
    imported_at = models.DateTimeField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entries = models.PositiveIntegerField()
    matched = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("bank statement import")
        verbose_name_plural = _("bank statement imports")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.imported_at:%Y-%m-%d %H:%M} ({self.matched}/{self.entries})"


class PaymentRequest(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="payments")
    amount = models.DecimalField(
        _("amount"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    purpose = models.CharField(_("purpose"), max_length=140)
    remittance = models.CharField(_("payment reference"), max_length=35, unique=True)
    due_on = models.DateField(_("due"))
    status = models.CharField(
        pgettext_lazy("payment", "status"),
        max_length=20,
        choices=PaymentStatus.choices,
        default=PaymentStatus.OPEN,
    )
    mandate = models.ForeignKey(
        Mandate, null=True, blank=True, on_delete=models.SET_NULL, related_name="payments"
    )
    export = models.ForeignKey(
        SepaExport, null=True, blank=True, on_delete=models.SET_NULL, related_name="payments"
    )
    paid_at = models.DateField(_("paid on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("payment request")
        verbose_name_plural = _("payment requests")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="payment_due")]

    def __str__(self) -> str:
        return self.remittance
