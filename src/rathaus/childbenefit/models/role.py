"""What this city does with child benefit: decide and pay, or hand applications over."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BenefitRole(models.TextChoices):
    DECIDE = "decide", _("The city decides and pays as Familienkasse")
    HANDOVER = (
        "handover",
        _(
            "The city hands complete digital applications over to the Familienkasse of the Federal "
            "Employment Agency"
        ),
    )


class BenefitRoleSetting(models.Model):
    """One row (pk 1); ``decide`` until set. Read it with ``selectors.benefit_role``."""

    role = models.CharField(
        _("role of the city"),
        max_length=20,
        choices=BenefitRole.choices,
        default=BenefitRole.DECIDE,
    )

    class Meta:
        verbose_name = _("child benefit role")
        verbose_name_plural = _("child benefit role")

    def __str__(self) -> str:
        return self.get_role_display()
