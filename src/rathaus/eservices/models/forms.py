"""Published versions of a service's form: immutable, so a submission keeps its form."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.formschema import FormSchema, parse_schema
from rathaus.eservices.models.catalogue import Service
from rathaus.eservices.models.immutable import Immutable


class FormVersion(Immutable):
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    schema = models.JSONField(_("form"))
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["service", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "number"], name="one_number_per_form_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service.slug} v{self.number}"

    @property
    def form(self) -> FormSchema:
        cached = getattr(self, "_parsed", None)
        if cached is None:
            cached = self._parsed = parse_schema(self.schema)
        return cached
