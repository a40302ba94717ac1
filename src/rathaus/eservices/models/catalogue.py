"""The service catalogue: what the city offers online, who is responsible, what it costs."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.models.bilingual import in_language
from rathaus.organization.models import OrgUnit

leika_validator = RegexValidator(
    r"^99\d{12}$",
    _("A LeiKa key has 14 digits and starts with 99."),
    code="invalid_leika",
)

# Paths of the citizen pages that a service's address name must not take.
RESERVED_SLUGS = frozenset({"apply", "drafts", "resume", "mailbox", "cases", "my-data"})


def validate_free_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address name is reserved."), code="reserved")


class OzgMaturity(models.IntegerChoices):
    """Online maturity levels of the Onlinezugangsgesetz (OZG) reifegradmodell."""

    NONE = 0, _("0 – information not online")
    INFORMATION = 1, _("1 – information online")
    FORM = 2, _("2 – form online, submission on paper")
    ONLINE = 3, _("3 – applied for online, documents online")
    END_TO_END = 4, _("4 – completely online including the notice")


class LifeSituation(models.Model):
    """A life situation ("Lebenslage") that groups services for citizens."""

    slug = models.SlugField(_("short name"), unique=True)
    name_de = models.CharField(_("name (German)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("life situation")
        verbose_name_plural = _("life situations")
        ordering = ["order", "name_de"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self, "name")


def empty_schema() -> dict:
    return {"steps": [], "rules": []}


class Service(models.Model):
    leika = models.CharField(
        _("LeiKa key"),
        max_length=14,
        validators=[leika_validator],
        db_index=True,
        help_text=_("The 14-digit key of the service in the federal service catalogue (LeiKa)."),
    )
    slug = models.SlugField(
        _("address name"), unique=True, max_length=80, validators=[validate_free_slug]
    )
    name_de = models.CharField(_("name (German)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    summary_de = models.CharField(_("summary (German)"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    life_situations = models.ManyToManyField(
        LifeSituation, verbose_name=_("life situations"), blank=True, related_name="services"
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("responsible department"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    fees_de = models.CharField(_("fees (German)"), max_length=300, blank=True)
    fees_en = models.CharField(_("fees (English)"), max_length=300, blank=True)
    fee_amount = models.DecimalField(
        _("fee to charge"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Proposed as the amount to pay when a case is decided; empty for none."),
    )
    documents_de = models.TextField(
        _("required documents (German)"), blank=True, help_text=_("One document per line.")
    )
    documents_en = models.TextField(
        _("required documents (English)"), blank=True, help_text=_("One document per line.")
    )
    ozg_maturity = models.PositiveSmallIntegerField(
        _("online maturity (OZG)"), choices=OzgMaturity.choices, default=OzgMaturity.ONLINE
    )
    is_open = models.BooleanField(
        _("open for applications"),
        default=False,
        help_text=_("Citizens can apply online only while the service is open."),
    )
    handler = models.CharField(
        _("processing plug-in"),
        max_length=50,
        blank=True,
        help_text=_("Key of a registered service handler; empty for the generic processing."),
    )
    outboxes = models.JSONField(
        _("hand-off to specialist systems"),
        default=list,
        blank=True,
        help_text=_("Keys of registered outboxes every case of this service is delivered to."),
    )
    processing_days = models.PositiveSmallIntegerField(
        _("processing time in days"),
        default=30,
        validators=[MaxValueValidator(730)],
        help_text=_("A case is overdue when it is not decided this many days after submission."),
    )
    draft_retention_days = models.PositiveSmallIntegerField(
        _("keep unfinished applications (days)"),
        default=90,
        validators=[MaxValueValidator(3650)],
    )
    case_retention_days = models.PositiveIntegerField(
        _("keep finished cases (days)"),
        default=3 * 365,
        validators=[MaxValueValidator(30 * 365)],
        help_text=_("Counted from closing or withdrawal; then the case is anonymised."),
    )
    form_working_copy = models.JSONField(_("form being edited"), default=empty_schema)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name_de"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("eservices:service", args=[self.slug])

    @property
    def name(self) -> str:
        return in_language(self, "name")

    @property
    def summary(self) -> str:
        return in_language(self, "summary")

    @property
    def description(self) -> str:
        return in_language(self, "description")

    @property
    def fees(self) -> str:
        return in_language(self, "fees")

    @property
    def documents(self) -> list[str]:
        return [
            line.strip() for line in in_language(self, "documents").splitlines() if line.strip()
        ]
