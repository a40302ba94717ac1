"""The voter roll (who voted) and the ballot box (what was voted): two tables with no link.

Neither refers to the other, they share no id, the roll keeps only the day of voting and the box
no time at all, and both use random primary keys. The box is read in tracker order (random) and
rewritten in that order when the poll closes (``ballot_box_mix``), so not even the physical order
of its rows tells in which sequence the ballots came. See docs/adr/0060-vote-secrecy.md.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from rathaus.voting.models.poll import Poll

USER_VOTER, CODE_VOTER = "user", "code"


class RollEntry(models.Model):
    """One person (``user:<id>``) or one voting code (``code:<digest>``) has voted in a poll."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="+")
    voter = models.CharField(_("voter"), max_length=80)
    voted_on = models.DateField(_("voted on"))

    class Meta:
        verbose_name = _("voter roll entry")
        verbose_name_plural = _("voter roll")
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter"], name="one_ballot_per_voter")
        ]

    def __str__(self) -> str:
        return f"{self.voter} ({self.voted_on})"


class Ballot(models.Model):
    """An anonymous ballot: the choices (for ranked polls best first) and its public tracker."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="+")
    tracker = models.CharField(_("tracker"), max_length=32, unique=True, null=True)  # noqa: DJ001 (unique: "" twice would clash)
    """None for the ballots of a sealed poll: their trackers belong to the sealed ballots."""
    choices = models.JSONField(_("choices"))

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["tracker"]
        indexes = [models.Index(fields=["poll", "tracker"], name="ballot_poll_tracker")]

    def __str__(self) -> str:
        return self.tracker


class SealedBallot(models.Model):
    """A ballot sealed with the poll's public key; its tracker is the hash of the sealed bytes.

    Nothing here can be read without the trustees' shares. When they open the count, the
    plaintext ballots are written as ``Ballot`` rows without trackers, in random order.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="+")
    tracker = models.CharField(_("tracker"), max_length=32, unique=True)
    sealed = models.BinaryField(_("sealed ballot"))

    class Meta:
        verbose_name = _("sealed ballot")
        verbose_name_plural = _("sealed ballots")
        ordering = ["tracker"]
        indexes = [models.Index(fields=["poll", "tracker"], name="sealed_ballot_poll_tracker")]

    def __str__(self) -> str:
        return self.tracker
