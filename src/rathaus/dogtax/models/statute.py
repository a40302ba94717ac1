"""The dog-tax statute (Hundesteuersatzung) as stored, staff-edited records.

One statute per installation, seeded once from the municipality's statute file
(``statute_defaults/<name>.toml``) and edited by the tax office from then on. The selector
``current_statute()`` turns the records into the pure ``taxrules.Statute`` value.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 9, "decimal_places": 2}

STATUTE_PK = 1
"""The primary key of the one stored statute (the city has one dog-tax statute)."""


class DogTaxStatute(models.Model):
    """The statute's options; its rate periods, exemption kinds and due dates hang off it."""

    name = models.CharField(_("name"), max_length=200)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    source = models.CharField(
        _("seeded from"), max_length=200, help_text=_("The statute file the figures came from.")
    )
    whole_year_due_month = models.PositiveSmallIntegerField(
        _("whole-year payment: month"), null=True, blank=True
    )
    whole_year_due_day = models.PositiveSmallIntegerField(
        _("whole-year payment: day"), null=True, blank=True
    )
    late_assessment_due_months = models.PositiveSmallIntegerField(
        _("months until an amount assessed late is due"), default=1
    )
    late_deregistration_enabled = models.BooleanField(
        _("charge more months for late deregistration"), default=False
    )
    late_deregistration_grace_days = models.PositiveSmallIntegerField(
        _("days allowed for deregistration"), default=14
    )
    late_deregistration_extra_months = models.PositiveSmallIntegerField(
        _("months charged for late deregistration"), default=1
    )
    dangerous_dogs_rank = models.BooleanField(
        _("dangerous dogs count in the ranking"), default=True
    )

    class Meta:
        verbose_name = _("dog tax statute")
        verbose_name_plural = _("dog tax statutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(whole_year_due_month__isnull=True, whole_year_due_day__isnull=True)
                | Q(whole_year_due_month__isnull=False, whole_year_due_day__isnull=False),
                name="dogtax_whole_year_due_complete",
            )
        ]

    def __str__(self) -> str:
        return self.name


class RatePeriod(models.Model):
    """Annual rates per dog from ``valid_from`` to ``valid_until`` (inclusive; empty: open)."""

    statute = models.ForeignKey(
        DogTaxStatute, on_delete=models.CASCADE, related_name="rate_periods"
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    first = models.DecimalField(_("first dog"), **MONEY)
    second = models.DecimalField(_("second dog"), **MONEY)
    further = models.DecimalField(_("each further dog"), **MONEY)
    dangerous = models.DecimalField(_("dangerous dog"), null=True, blank=True, **MONEY)

    class Meta:
        verbose_name = _("rate period")
        verbose_name_plural = _("rate periods")
        ordering = ["valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["statute", "valid_from"], name="dogtax_rate_period_start_unique"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="dogtax_rate_period_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(first__gte=0, second__gte=0, further__gte=0)
                & (Q(dangerous__isnull=True) | Q(dangerous__gte=0)),
                name="dogtax_rate_period_rates_not_negative",
            ),
        ]

    def __str__(self) -> str:
        if self.valid_until is None:
            return f"{self.valid_from.isoformat()} –"
        return f"{self.valid_from.isoformat()} – {self.valid_until.isoformat()}"


class ExemptionLevel(models.TextChoices):
    DOG = "dog", _("one dog")
    KEEPER = "keeper", _("the keeper (all dogs)")


class ExemptionKind(models.Model):
    EDITABLE = (
        "name_de",
        "name_en",
        "condition_de",
        "condition_en",
        "evidence_de",
        "evidence_en",
        "duration_months",
        "once_in_years",
        "clerk_check",
    )
    """What the tax office may change; the code and the level stay as they were seeded."""

    statute = models.ForeignKey(
        DogTaxStatute, on_delete=models.CASCADE, related_name="exemption_kinds"
    )
    code = models.SlugField(
        _("code"), max_length=50, help_text=_("Stable name used by the API and the applications.")
    )
    level = models.CharField(_("granted to"), max_length=10, choices=ExemptionLevel.choices)
    name_de = models.CharField(_("name (German)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    condition_de = models.TextField(_("who qualifies (German)"))
    condition_en = models.TextField(_("who qualifies (English)"))
    evidence_de = models.CharField(_("evidence (German)"), max_length=300)
    evidence_en = models.CharField(_("evidence (English)"), max_length=300)
    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"),
        null=True,
        blank=True,
        help_text=_(
            "Exempt for this many months from the start of liability; empty: while granted."
        ),
    )
    once_in_years = models.PositiveSmallIntegerField(
        _("at most once in … years"),
        null=True,
        blank=True,
        help_text=_(
            "A household gets this exemption at most once in this many years; empty: no limit."
        ),
    )
    clerk_check = models.BooleanField(
        _("a clerk checks the evidence"),
        default=True,
        help_text=_("Leave this on unless the evidence can be verified by machine."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("exemption kind")
        verbose_name_plural = _("exemption kinds")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["statute", "code", "level"], name="dogtax_exemption_kind_unique"
            ),
            models.CheckConstraint(
                condition=Q(duration_months__isnull=True) | Q(duration_months__gt=0),
                name="dogtax_exemption_duration_positive",
            ),
            models.CheckConstraint(
                condition=Q(once_in_years__isnull=True) | Q(once_in_years__gt=0),
                name="dogtax_exemption_once_in_years_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_de

    @property
    def condition(self) -> str:
        return self.condition_en if get_language() == "en" else self.condition_de

    @property
    def evidence(self) -> str:
        return self.evidence_en if get_language() == "en" else self.evidence_de


class InstallmentDate(models.Model):
    """An instalment due on ``day``.``month``., being the tax of the months it ``covers``."""

    statute = models.ForeignKey(
        DogTaxStatute, on_delete=models.CASCADE, related_name="installment_dates"
    )
    month = models.PositiveSmallIntegerField(_("month"))
    day = models.PositiveSmallIntegerField(_("day"))
    covers = models.JSONField(_("months covered"), help_text=_("For example [1, 2, 3]."))

    class Meta:
        verbose_name = _("instalment due date")
        verbose_name_plural = _("instalment due dates")
        ordering = ["month", "day"]

    def __str__(self) -> str:
        return f"{self.day:02d}.{self.month:02d}."
