"""Create, change and close polls."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from rathaus.core.audit import audit_record
from rathaus.core.fragments import changed
from rathaus.participation.models import Process
from rathaus.participation.phases import VOTING
from rathaus.voting import publication
from rathaus.voting.errors import PollChangeRefused, PollInvalid
from rathaus.voting.models import Ballot, Kind, Option, Poll, SealedBallot
from rathaus.voting.selectors import poll_ballots_for_count, poll_definition
from rathaus.voting.services.ballots import ballot_box_mix
from rathaus.voting.specs import OptionSpec, PollSpec, process_problems, spec_problems
from rathaus.voting.window import PollState

POLL_FIELDS = (
    "title_de",
    "title_en",
    "description_de",
    "description_en",
    "kind",
    "eligibility",
    "opens_at",
    "closes_at",
    "min_choices",
    "max_choices",
    "budget",
    "max_cost",
    "max_points",
    "rule",
    "min_age",
    "min_assurance",
    "sealed",
)
OPTION_FIELDS = (
    "key",
    "title_de",
    "title_en",
    "description_de",
    "description_en",
    "cost",
    "district",
)


def yes_no_options() -> tuple[OptionSpec, ...]:
    """The three options of a yes/no poll, titled from the translation catalogue."""
    labels = {
        "yes": gettext_noop("Yes"),
        "no": gettext_noop("No"),
        "abstain": gettext_noop("Abstain"),
    }
    titles = {}
    for language in ("de", "en"):
        with translation.override(language):
            titles[language] = {key: gettext(label) for key, label in labels.items()}
    return tuple(
        OptionSpec(key=key, title_de=titles["de"][key], title_en=titles["en"][key])
        for key in labels
    )


def _voting_phase(process_id: int | None) -> tuple[bool, tuple | None]:
    if process_id is None:
        return False, None
    process = Process.objects.prefetch_related("phases").filter(pk=process_id).first()
    if process is None:
        return False, None
    phase = process.phase_of_kind(VOTING)
    return True, (phase.starts_at, phase.ends_at) if phase else None


def _checked(spec: PollSpec) -> PollSpec:
    if spec.kind == Kind.YES_NO and not spec.options:
        spec = replace(spec, options=yes_no_options())
    found, voting_phase = _voting_phase(spec.process)
    problems = spec_problems(spec) + process_problems(spec, found=found, voting_phase=voting_phase)
    if problems:
        raise PollInvalid(problems)
    return spec


def _store(poll: Poll, spec: PollSpec) -> None:
    for name in POLL_FIELDS:
        setattr(poll, name, getattr(spec, name))
    poll.districts = list(spec.districts)
    poll.process_id = spec.process
    poll.rule = spec.rule or ""
    if not poll.sealed:
        poll.public_key, poll.trustees, poll.threshold = "", [], None
    poll.save()
    poll.options.all().delete()
    Option.objects.bulk_create(
        Option(
            poll=poll, position=position, **{name: getattr(option, name) for name in OPTION_FIELDS}
        )
        for position, option in enumerate(spec.options, start=1)
    )
    changed("voting")


@transaction.atomic
def poll_create(*, actor, spec: PollSpec) -> Poll:
    spec = _checked(spec)
    poll = Poll(created_by=actor if getattr(actor, "is_authenticated", False) else None)
    _store(poll, spec)
    audit_record(actor=actor, action="poll.create", target=poll, after=poll_definition(poll))
    return poll


@transaction.atomic
def poll_update(*, actor, poll: Poll, spec: PollSpec) -> Poll:
    """Change a poll before it opens (and before any ballot)."""
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if poll.state() is not PollState.UPCOMING or _has_ballots(poll):
        raise PollChangeRefused("poll_started")
    spec = _checked(spec)
    before = poll_definition(poll)
    _store(poll, spec)
    audit_record(
        actor=actor, action="poll.update", target=poll, before=before, after=poll_definition(poll)
    )
    return poll


def _poll_end_sealed(*, actor, poll: Poll, now: datetime) -> Poll:
    """End a sealed poll's vote; its count waits for the trustees (``poll_unseal``)."""
    if poll.state(now) is PollState.ENDED:
        return poll
    poll.closes_at = min(poll.window()[1], now)
    mixed = ballot_box_mix(poll=poll)
    poll.save(update_fields=["closes_at"])
    audit_record(
        actor=actor,
        action="poll.end",
        target=poll,
        after={"sealed_ballots": mixed, "closes_at": poll.closes_at},
    )
    return poll


def _has_ballots(poll: Poll) -> bool:
    return (
        Ballot.objects.filter(poll=poll).exists() or SealedBallot.objects.filter(poll=poll).exists()
    )


def poll_close(*, actor, poll: Poll, now: datetime | None = None) -> Poll:
    """End the vote (now, if it is still open), mix the ballot box and count it. Idempotent.

    A sealed poll is only ended: its ballots can be counted once the trustees open them."""
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        if poll.closed_at is not None:
            return poll
        now = now or timezone.now()
        if now <= poll.opens_at:
            raise PollChangeRefused("not_opened")
        if poll.sealed:
            return _poll_end_sealed(actor=actor, poll=poll, now=now)
        poll.closes_at = min(poll.window()[1], now)
        mixed = ballot_box_mix(poll=poll)
        poll.result = publication.count(poll_definition(poll), poll_ballots_for_count(poll))
        poll.closed_at = now
        poll.save(update_fields=["closes_at", "closed_at", "result"])
        audit_record(
            actor=actor,
            action="poll.close",
            target=poll,
            after={
                "ballots": mixed,
                "closes_at": poll.closes_at,
                "result": publication.api_result(poll.result),
            },
        )
    return poll


def poll_close_if_due(*, poll: Poll) -> Poll:
    """Count a poll whose closing time has passed (the first read of its results does this,
    so results appear at closing time without a scheduler; ``close_due_polls`` does it too)."""
    if poll.state() is PollState.ENDED and not poll.sealed:
        return poll_close(actor=None, poll=poll)
    return poll
