"""People: citizens and staff sign in with their e-mail address.

Verified attributes are facts about a person confirmed by an identity service (BundID, an eID
service, the city's Keycloak) or a register, kept with their source and assurance level so that
eligibility checks (residence, age) can rely on them.
"""

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class Language(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("How the platform greets you. Public contributions use your pseudonym."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.GERMAN
    )
    email_notifications = models.BooleanField(
        _("e-mail me when something new is in my mailbox"), default=True
    )
    email_news = models.BooleanField(
        _("e-mail me about things I follow (participation)"), default=True
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email

    def has_perm(self, perm, obj=None) -> bool:
        """The platform's named rules hold for everybody alike, superusers included.

        Django lets an active superuser pass every permission check. For the named permissions
        of `rules.py` (reading cases, the dog register, child-benefit decisions, ...) that would
        make the platform administrator a reader of every citizen's case; need to know says
        otherwise, so these are answered by their rule alone. Django's model permissions
        (the admin) keep the superuser shortcut.
        """
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)


class AttributeName(models.TextChoices):
    GIVEN_NAME = "given_name", _("given name")
    FAMILY_NAME = "family_name", _("family name")
    BIRTH_DATE = "birth_date", _("date of birth")
    ADDRESS = "address", _("address")
    RESIDENCE = "residence", _("residence in the municipality")


class AssuranceLevel(models.TextChoices):
    """eIDAS levels of assurance, lowest first."""

    LOW = "low", _("low")
    SUBSTANTIAL = "substantial", _("substantial")
    HIGH = "high", _("high")


ASSURANCE_ORDER = [AssuranceLevel.LOW, AssuranceLevel.SUBSTANTIAL, AssuranceLevel.HIGH]


class VerifiedAttribute(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verified_attributes"
    )
    name = models.CharField(_("attribute"), max_length=30, choices=AttributeName.choices)
    value = models.JSONField(_("value"))
    source = models.CharField(
        _("source"), max_length=100, help_text=_("For example oidc:bundid, register or demo")
    )
    assurance_level = models.CharField(
        _("level of assurance"), max_length=12, choices=AssuranceLevel.choices
    )
    verified_at = models.DateTimeField(_("verified at"), default=timezone.now)

    class Meta:
        verbose_name = _("verified attribute")
        verbose_name_plural = _("verified attributes")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "name"], name="one_verified_value_per_attribute"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.source}, {self.assurance_level})"


class TokenScope(models.TextChoices):
    READ = "read", _("read only")
    WRITE = "write", _("read and write")


class ApiToken(models.Model):
    """A bearer token for the API; only its SHA-256 digest is stored.

    A token expires (`API_TOKEN_DAYS`), can be revoked by its owner, and carries a scope: a
    read-only token is refused on every request that changes something.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    scope = models.CharField(
        _("scope"), max_length=5, choices=TokenScope.choices, default=TokenScope.READ
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} – {self.name or self.pk}"
