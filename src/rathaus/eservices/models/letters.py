"""Letters: documents the city sends to a person's mailbox without an application.

A notice belongs to a case; some official letters have no case — the annual dog-tax notice is
issued to every household by the tax office on its own initiative. Such a letter is rendered by
the issuing app, stored here once with its checksum and listed in the recipient's mailbox
(ADR 0039). ``source`` names what issued it (e.g. ``dogtax.annual:2027:HSt-000123``) and makes
delivery idempotent.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.models.immutable import Immutable


class Letter(Immutable):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="mailbox_letters",
    )
    title = models.CharField(_("title"), max_length=200)
    sender = models.CharField(_("sender"), max_length=200)
    source = models.CharField(max_length=100, unique=True)
    language = models.CharField(max_length=2)
    file = models.FileField(upload_to="eservices/letters/%Y/")
    sha256 = models.CharField(_("checksum (SHA-256)"), max_length=64)
    issued_at = models.DateTimeField(_("issued"))

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-issued_at", "-id"]

    def __str__(self) -> str:
        return self.title
