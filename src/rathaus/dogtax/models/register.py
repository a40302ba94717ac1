"""The dog register: households (tax accounts), their dogs, tax tags, history and notices.

Writes go through ``rathaus.dogtax.services.register``; every change is audited and leaves a
``DogEvent`` in the household's history, which the tax office sees on the household page.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MONEY = {"max_digits": 9, "decimal_places": 2}

ACCOUNT_PREFIX = "HSt"
"""Tax account numbers read ``HSt-000123``."""


class TaxAccount(models.Model):
    """One household keeping dogs: the keeper who owes the tax and the address notices go to."""

    number = models.CharField(_("tax account number"), max_length=20, unique=True)
    keeper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("keeper's user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dog_tax_accounts",
    )
    keeper_name = models.CharField(_("keeper"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    sepa_mandate_reference = models.CharField(
        _("SEPA mandate reference"), max_length=35, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("dog tax account")
        verbose_name_plural = _("dog tax accounts")
        ordering = ["number"]
        constraints = [
            # One open account per signed-in keeper; imported households have no user.
            models.UniqueConstraint(
                fields=["keeper"], condition=Q(keeper__isnull=False), name="dogtax_one_account"
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def address(self) -> dict:
        return {"street": self.street, "postal_code": self.postal_code, "city": self.city}


class AccountCounter(models.Model):
    """The last account number given; locked while an account takes the next one."""

    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.last)


class GivenUpReason(models.TextChoices):
    SOLD = "sold", _("sold")
    GIVEN_AWAY = "given_away", _("given away")
    DIED = "died", _("died")
    MOVED_AWAY = "moved_away", _("moved away from the city")


class Sex(models.TextChoices):
    FEMALE = "female", pgettext_lazy("dog", "female")
    MALE = "male", pgettext_lazy("dog", "male")


class Dog(models.Model):
    account = models.ForeignKey(
        TaxAccount, verbose_name=_("tax account"), on_delete=models.PROTECT, related_name="dogs"
    )
    name = models.CharField(_("name"), max_length=100)
    breed = models.CharField(_("breed"), max_length=100, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    born_on = models.DateField(_("born on"), null=True, blank=True)
    kept_since = models.DateField(_("kept since"))
    given_up_on = models.DateField(_("given up on"), null=True, blank=True)
    given_up_reason = models.CharField(
        _("reason"), max_length=20, choices=GivenUpReason.choices, blank=True
    )
    deregistered_on = models.DateField(_("deregistered on"), null=True, blank=True)
    new_keeper_name = models.CharField(_("new keeper"), max_length=200, blank=True)
    new_keeper_address = models.CharField(
        _("address of the new keeper"), max_length=300, blank=True
    )
    exemption_code = models.CharField(_("exemption"), max_length=40, blank=True)
    exemption_from = models.DateField(_("exempt from"), null=True, blank=True)
    exemption_until = models.DateField(_("exempt until"), null=True, blank=True)
    dangerous = models.BooleanField(_("dangerous dog"), default=False)
    source = models.CharField(
        _("registered by"),
        max_length=40,
        blank=True,
        help_text=_("The case reference of the registration, which makes it idempotent."),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("dog")
        verbose_name_plural = _("dogs")
        ordering = ["kept_since", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "name"], condition=~Q(source=""), name="dogtax_dog_once_per_case"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def current_tag(self):
        tags = [tag for tag in self.tags.all() if tag.invalidated_on is None]
        return tags[-1] if tags else None


class TagCounter(models.Model):
    """The last tag number given; locked while a tag takes the next one (never reused)."""

    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.last)


class TagInvalidation(models.TextChoices):
    LOST = "lost", _("lost")
    RETURNED = "returned", _("returned or dog deregistered")


class Tag(models.Model):
    """A tax tag (Hundesteuermarke); its number is never given again."""

    number = models.CharField(_("tag number"), max_length=20, unique=True)
    dog = models.ForeignKey(
        Dog, verbose_name=_("dog"), on_delete=models.PROTECT, related_name="tags"
    )
    issued_on = models.DateField(_("issued on"))
    invalidated_on = models.DateField(_("invalid since"), null=True, blank=True)
    invalidation_reason = models.CharField(
        _("why invalid"), max_length=20, choices=TagInvalidation.choices, blank=True
    )

    class Meta:
        verbose_name = _("tax tag")
        verbose_name_plural = _("tax tags")
        ordering = ["issued_on", "id"]

    def __str__(self) -> str:
        return self.number

    @property
    def is_valid(self) -> bool:
        return self.invalidated_on is None


class DogEvent(models.Model):
    """One entry of a household's history (who did what, when); shown to the tax office."""

    class Kind(models.TextChoices):
        ACCOUNT_OPENED = "account_opened", _("Tax account opened")
        REGISTERED = "registered", _("Dog registered")
        DEREGISTERED = "deregistered", _("Dog deregistered")
        TAG_ISSUED = "tag_issued", _("Tax tag issued")
        TAG_INVALIDATED = "tag_invalidated", _("Tax tag invalidated")
        ADDRESS_CHANGED = "address_changed", _("Address changed")
        EXEMPTION_GRANTED = "exemption_granted", _("Exemption granted")
        NOTICE_ISSUED = "notice_issued", _("Tax notice issued")
        MANDATE_GRANTED = "mandate_granted", _("SEPA direct-debit mandate granted")
        ERASED = "erased", _("Personal data erased")

    account = models.ForeignKey(TaxAccount, on_delete=models.CASCADE, related_name="events")
    dog = models.ForeignKey(Dog, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    case_reference = models.CharField(max_length=24, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("dog register event")
        verbose_name_plural = _("dog register events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.account} {self.kind}"


class TaxNotice(models.Model):
    """A dog-tax notice issued for an account and year: what it assessed and what replaced it.

    ``dogs`` holds each dog's line as printed (id, name, tag, months with rank and amount,
    amount); ``installments`` the due dates with amount and covered months.
    """

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("registration")
        CHANGE = "change", _("change")
        ANNUAL = "annual", _("annual assessment")

    account = models.ForeignKey(
        TaxAccount, verbose_name=_("tax account"), on_delete=models.PROTECT, related_name="notices"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    issued_on = models.DateField(_("issued on"))
    case = models.ForeignKey(
        "eservices.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    case_reference = models.CharField(_("case"), max_length=24, blank=True)
    notice = models.ForeignKey(
        "eservices.Notice", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    total = models.DecimalField(_("total"), **MONEY)
    previous_total = models.DecimalField(_("previously assessed"), null=True, blank=True, **MONEY)
    installments = models.JSONField(_("instalments"), default=list)
    dogs = models.JSONField(_("dogs"), default=list)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dog tax notice")
        verbose_name_plural = _("dog tax notices")
        ordering = ["-year", "-created_at", "-id"]
        indexes = [models.Index(fields=["account", "year"], name="dogtax_notice_year")]
        constraints = [
            models.UniqueConstraint(
                fields=["case_reference", "year"],
                condition=~Q(case_reference=""),
                name="dogtax_notice_once_per_case",
            ),
            # The annual assessment issues one notice per household and year (ADR 0037).
            models.UniqueConstraint(
                fields=["account", "year"],
                condition=Q(kind="annual"),
                name="dogtax_notice_annual_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account} {self.year}"
