"""Polls and their options. What a poll counts and how is the pure tally's business; the poll
keeps the definition (kind, options, limits, budget rule), the time window and who may vote."""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rathaus.accounts.models import AssuranceLevel
from rathaus.participation.phases import VOTING
from rathaus.voting import codes
from rathaus.voting.tally import Kind as TallyKind
from rathaus.voting.tally import Rule as TallyRule
from rathaus.voting.window import PollState, effective_window, poll_state


class Kind(models.TextChoices):
    YES_NO = TallyKind.YES_NO.value, _("Yes / no")
    SINGLE = TallyKind.SINGLE.value, _("Single choice")
    MULTIPLE = TallyKind.MULTIPLE.value, _("Multiple choice")
    RANKED = TallyKind.RANKED.value, _("Ranking (Schulze method)")
    BUDGET = TallyKind.BUDGET.value, _("Participatory budget")


class Eligibility(models.TextChoices):
    RESIDENTS = "residents", _("Residents with verified residence")
    CODES = "codes", _("Holders of a voting code (letter)")


class Rule(models.TextChoices):
    GREEDY = TallyRule.GREEDY.value, _("Greedy: most votes first, within the budget")
    EQUAL_SHARES = TallyRule.EQUAL_SHARES.value, _("Method of Equal Shares")


MONEY = {"max_digits": 14, "decimal_places": 2}


def _translated(obj, name: str) -> str:
    english = getattr(obj, f"{name}_en")
    return english if get_language() == "en" and english else getattr(obj, f"{name}_de")


class Poll(models.Model):
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind of ballot"), max_length=10, choices=Kind.choices)
    eligibility = models.CharField(_("who may vote"), max_length=10, choices=Eligibility.choices)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    min_choices = models.PositiveSmallIntegerField(_("minimum number of choices"), default=0)
    max_choices = models.PositiveSmallIntegerField(
        _("maximum number of choices"), null=True, blank=True
    )
    budget = models.DecimalField(_("budget"), null=True, blank=True, **MONEY)
    max_cost = models.DecimalField(_("cost limit per ballot"), null=True, blank=True, **MONEY)
    max_points = models.PositiveSmallIntegerField(
        _("points per ballot (cumulative voting)"), null=True, blank=True
    )
    rule = models.CharField(_("outcome rule"), max_length=12, choices=Rule.choices, blank=True)
    districts = models.JSONField(_("districts whose residents may vote"), default=list, blank=True)
    min_age = models.PositiveSmallIntegerField(
        _("minimum age on the closing day"), null=True, blank=True
    )
    min_assurance = models.CharField(
        _("minimum level of assurance"),
        max_length=12,
        choices=AssuranceLevel.choices,
        default=AssuranceLevel.SUBSTANTIAL,
        help_text=_(
            "Residents only: how securely residence and date of birth must have been confirmed. "
            "BundID: low = basic account (user name and password), substantial = ELSTER "
            "certificate, high = online ID card."
        ),
    )
    code_salt = models.BinaryField(default=codes.new_salt, editable=False)
    sealed = models.BooleanField(
        _("sealed ballot box"),
        default=False,
        help_text=_(
            "Ballots are sealed with the poll's public key; only trustees together can open "
            "the count."
        ),
    )
    public_key = models.CharField(_("public key"), max_length=64, blank=True, editable=False)
    trustees = models.JSONField(_("trustees"), default=list, blank=True, editable=False)
    threshold = models.PositiveSmallIntegerField(
        _("shares needed to open the count"), null=True, blank=True, editable=False
    )
    closed_at = models.DateTimeField(_("closed and counted at"), null=True, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True, editable=False)
    process = models.ForeignKey(
        "participation.Process",
        verbose_name=_("participation process"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="polls",
        help_text=_("The poll is open only during the voting phase of this process."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="poll_closes_after_opening"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("voting:poll", args=[self.pk])

    @property
    def title(self) -> str:
        return _translated(self, "title")

    @property
    def description(self) -> str:
        return _translated(self, "description")

    def voting_phase(self) -> tuple[datetime, datetime] | None:
        """The start and end of the voting phase of the poll's process (None if there is none)."""
        if self.process_id is None:
            return None
        phase = self.process.phase_of_kind(VOTING)
        return (phase.starts_at, phase.ends_at) if phase else None

    def window(self) -> tuple[datetime, datetime]:
        """When ballots can be cast: the poll's times, narrowed to its process's voting phase."""
        return effective_window(
            opens_at=self.opens_at,
            closes_at=self.closes_at,
            in_process=self.process_id is not None,
            voting_phase=self.voting_phase(),
        )

    def state(self, now=None) -> PollState:
        opens_at, closes_at = self.window()
        return poll_state(
            opens_at=opens_at,
            closes_at=closes_at,
            closed_at=self.closed_at,
            now=now or timezone.now(),
        )

    @property
    def cumulative(self) -> bool:
        return self.max_points is not None


class Option(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(_("position"))
    key = models.CharField(
        _("key"),
        max_length=40,
        help_text=_("Short identifier used in ballots and exports, e.g. a project number."),
    )
    title_de = models.CharField(_("title (German)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    cost = models.DecimalField(_("cost"), null=True, blank=True, **MONEY)
    district = models.CharField(_("district"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["poll", "position"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "key"], name="option_key_unique_in_poll"),
            models.UniqueConstraint(
                fields=["poll", "position"], name="option_position_unique_in_poll"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return _translated(self, "title")

    @property
    def description(self) -> str:
        return _translated(self, "description")
