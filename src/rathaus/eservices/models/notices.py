"""Notices (Bescheide): rendered once to PDF/A, stored unchangeably with their checksum."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.models.cases import Case
from rathaus.eservices.models.immutable import Immutable


class Notice(Immutable):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notices")
    title = models.CharField(_("title"), max_length=200)
    template = models.CharField(max_length=200)
    language = models.CharField(max_length=2)
    file = models.FileField(upload_to="eservices/notices/%Y/")
    sha256 = models.CharField(_("checksum (SHA-256)"), max_length=64)
    issued_at = models.DateTimeField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["issued_at", "id"]

    def __str__(self) -> str:
        return f"{self.case} – {self.title}"
