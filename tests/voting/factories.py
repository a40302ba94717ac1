"""Factories for the voting tests: residents with verified attributes, polls in a given state
(made through the voting services), and voting codes."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from rathaus.accounts.services import verified_attributes_set
from rathaus.voting.models import Poll
from rathaus.voting.services import poll_close, poll_create, poll_seal, voting_codes_generate
from rathaus.voting.specs import OptionSpec, PollSpec
from tests.factories import UserFactory

MUNICIPALITY_KEY = "07312000"
TRUSTEES = ["Erika Mustermann", "Max Mustermann", "Petra Beispiel"]


def make_resident(*, birth_date="1990-05-01", level="substantial", district=None, key=None, **kw):
    user = UserFactory(**kw)
    residence = {"municipality_key": key or MUNICIPALITY_KEY, "municipality": "Kaiserslautern"}
    if district:
        residence["district"] = district
    values = {"residence": residence}
    if birth_date:
        values["birth_date"] = birth_date
    verified_attributes_set(user=user, values=values, source="test", assurance_level=level)
    return user


def options(*keys, **costs):
    return tuple(
        OptionSpec(
            key=key,
            title_de=f"Option {key}",
            title_en=f"Option {key} (en)",
            cost=Decimal(costs[key]) if key in costs else None,
            district=costs.get(f"{key}_district", ""),
        )
        for key in keys
    )


def spec(kind="single", *, eligibility="codes", opens=-1, closes=24, **fields) -> PollSpec:
    """A poll spec opening `opens` hours from now and closing `closes` hours from now."""
    now = timezone.now()
    defaults = {"options": options("a", "b", "c")} if kind != "yes_no" else {}
    return PollSpec(
        title_de=fields.pop("title_de", f"Umfrage {kind}"),
        title_en=fields.pop("title_en", f"Poll {kind}"),
        kind=kind,
        eligibility=eligibility,
        opens_at=now + timedelta(hours=opens),
        closes_at=now + timedelta(hours=closes),
        **{**defaults, **fields},
    )


def make_codes(poll, count=3):
    return voting_codes_generate(actor=None, poll=poll, count=count)


class PollFactory(factory.Factory):
    """A poll made by ``poll_create`` from ``spec(kind, …)``; by default it is open (opened an
    hour ago, closes in a day). Traits: ``upcoming``, ``open``, ``ended`` (past its closing
    time, not counted), ``closed`` (ended and counted by ``poll_close``) and
    ``sealed_by_trustees`` (a sealed ballot box keyed by ``poll_seal`` for TRUSTEES, two shares
    needed; the shares are in ``poll.shares``). ``sealed=True`` alone only asks for a sealed box.
    """

    class Meta:
        model = Poll

    kind = "single"
    opens = -1
    closes = 24
    count_now = False
    trustees = None

    class Params:
        upcoming = factory.Trait(opens=2, closes=24)
        open = factory.Trait(opens=-1, closes=24)
        ended = factory.Trait(opens=-3, closes=-1)
        closed = factory.Trait(count_now=True)
        sealed_by_trustees = factory.Trait(sealed=True, trustees=TRUSTEES)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("Polls are made through poll_create; use PollFactory().")

    @classmethod
    def _create(cls, model_class, *, kind, count_now, trustees, **fields):
        poll = poll_create(actor=None, spec=spec(kind, **fields))
        if trustees:
            shares = poll_seal(actor=None, poll=poll, trustees=trustees, threshold=2)
            poll = Poll.objects.get(pk=poll.pk)
            poll.shares = shares
        if count_now:
            poll = poll_close(actor=None, poll=poll)
        return poll
