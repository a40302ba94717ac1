"""The annual assessment (Jahresveranlagung): one run per year over every household with
liable dogs, one item per household, and the payment files made when the run has finished.

The run is restartable: an item is written in the same transaction as the household's annual
``TaxNotice``, which is unique per account and year (ADR 0037).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rathaus.dogtax.models.register import TaxAccount, TaxNotice


class AssessmentRun(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("assessment run", "queued")
        RUNNING = "running", pgettext_lazy("assessment run", "running")
        FINISHED = "finished", pgettext_lazy("assessment run", "finished")
        FAILED = "failed", pgettext_lazy("assessment run", "stopped with errors")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    state = models.CharField(
        pgettext_lazy("assessment run", "state"),
        max_length=20,
        choices=State.choices,
        default=State.QUEUED,
    )
    issued_on = models.DateField(_("notice date"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    total = models.PositiveIntegerField(_("households"), default=0)
    done = models.PositiveIntegerField(_("households done"), default=0)
    failed = models.PositiveIntegerField(_("households with errors"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("annual assessment")
        verbose_name_plural = _("annual assessments")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)

    @property
    def is_finished(self) -> bool:
        return self.state == self.State.FINISHED

    @property
    def processed(self) -> int:
        return self.done + self.failed


class AssessmentItem(models.Model):
    """One household in a run: its notice (PDF/A kept for printing and archiving), or why it
    could not be assessed."""

    class State(models.TextChoices):
        DONE = "done", pgettext_lazy("assessment item", "notice issued")
        SKIPPED = "skipped", pgettext_lazy("assessment item", "no liable dog")
        FAILED = "failed", pgettext_lazy("assessment item", "error")

    run = models.ForeignKey(AssessmentRun, on_delete=models.CASCADE, related_name="items")
    account = models.ForeignKey(TaxAccount, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=10, choices=State.choices)
    tax_notice = models.OneToOneField(
        TaxNotice, null=True, blank=True, on_delete=models.PROTECT, related_name="assessment_item"
    )
    file = models.FileField(upload_to="dogtax/annual/%Y/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    mandate_reference = models.CharField(max_length=35, blank=True)
    payable = models.JSONField(default=list, blank=True)
    error = models.CharField(max_length=500, blank=True)
    letter = models.ForeignKey(
        "eservices.Letter", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assessed household")
        verbose_name_plural = _("assessed households")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "account"], name="dogtax_item_once_per_run")
        ]

    def __str__(self) -> str:
        return f"{self.run} {self.account}"


class AssessmentExport(models.Model):
    """A file for the bank or the finance system, made once when the run has finished."""

    class Kind(models.TextChoices):
        PAIN008 = "pain008", _("SEPA direct debits (pain.008)")
        CSV = "csv", _("Finance system (CSV)")

    run = models.ForeignKey(AssessmentRun, on_delete=models.CASCADE, related_name="exports")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    file = models.FileField(upload_to="dogtax/exports/%Y/")
    sha256 = models.CharField(max_length=64)
    count = models.PositiveIntegerField(_("entries"))
    total = models.DecimalField(_("total"), max_digits=12, decimal_places=2)
    message_id = models.CharField(max_length=35, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assessment export")
        verbose_name_plural = _("assessment exports")
        ordering = ["kind", "due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "kind", "due_on"],
                condition=Q(due_on__isnull=False),
                name="dogtax_export_once_per_date",
            ),
            models.UniqueConstraint(
                fields=["run", "kind"], condition=Q(due_on__isnull=True), name="dogtax_export_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.run} {self.kind} {self.due_on or ''}"

    @property
    def download_name(self) -> str:
        if self.kind == self.Kind.CSV:
            return f"hundesteuer-{self.run.year}.csv"
        return f"hundesteuer-{self.run.year}-lastschriften-{self.due_on.isoformat()}.xml"
