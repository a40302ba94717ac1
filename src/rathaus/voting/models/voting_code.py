"""Voting codes of a poll, kept only as HMAC digests under the poll's salt (see codes.py)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from rathaus.voting.models.poll import Poll


class VotingCode(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(_("digest"), max_length=64)

    class Meta:
        verbose_name = _("voting code")
        verbose_name_plural = _("voting codes")
        constraints = [
            models.UniqueConstraint(fields=["poll", "digest"], name="voting_code_unique_in_poll")
        ]

    def __str__(self) -> str:
        return self.digest[:12]
