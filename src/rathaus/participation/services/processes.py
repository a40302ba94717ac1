"""Processes, their schedule of phases, and announcing a phase once it has begun."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rathaus.accounts.models import User
from rathaus.core.audit import audit_record
from rathaus.core.taskruntime import enqueue_after_commit
from rathaus.participation import phases
from rathaus.participation.models import Phase, Process
from rathaus.participation.services import field_snapshot, require

SCHEDULE_PROBLEMS = {
    "unknown_kind": lambda: _("This kind of phase is not known."),
    "ends_before_start": lambda: _("A phase must end after it starts."),
    "duplicate_kind": lambda: _("Each kind of phase can occur only once."),
    "overlaps_previous": lambda: _("Phases must not overlap."),
}

PROCESS_FIELDS = (
    "title_de",
    "title_en",
    "summary_de",
    "summary_en",
    "description_de",
    "description_en",
    "responsible_unit",
    "district",
    "is_published",
)


@transaction.atomic
def process_save(
    *, actor: User, process: Process | None = None, slug: str = "", **fields
) -> Process:
    """Create a process (give `slug`) or change one; `fields` are those of PROCESS_FIELDS."""
    require(actor, "participation.manage_projects")
    unknown = set(fields) - set(PROCESS_FIELDS)
    if unknown:
        raise ValueError(f"Not process fields: {sorted(unknown)}")
    before = field_snapshot(process, PROCESS_FIELDS) if process else None
    process = process or Process(slug=slug)
    for field, value in fields.items():
        setattr(process, field, value)
    process.full_clean()
    process.save()
    audit_record(
        actor=actor,
        action="participation.process_save",
        target=process,
        before=before,
        after=field_snapshot(process, PROCESS_FIELDS),
    )
    return process


@transaction.atomic
def process_set_schedule(
    *, actor: User | None, process: Process, spans: list[phases.Span]
) -> list[Phase]:
    """Replace the schedule; phases that keep their kind and start keep their announcement."""
    if actor is not None:
        require(actor, "participation.manage_projects")
    problems = phases.schedule_problems(spans)
    if problems:
        raise ValidationError({"phases": [SCHEDULE_PROBLEMS[code]() for _, code in problems]})
    process = Process.objects.select_for_update().get(pk=process.pk)
    kept = {(phase.kind, phase.starts_at): phase.announced_at for phase in process.phases.all()}
    before = [
        {
            "kind": phase.kind,
            "starts_at": phase.starts_at.isoformat(),
            "ends_at": phase.ends_at.isoformat(),
        }
        for phase in process.phases.all()
    ]
    process.phases.all().delete()
    created = [
        Phase.objects.create(
            process=process,
            kind=span.kind,
            starts_at=span.starts_at,
            ends_at=span.ends_at,
            announced_at=kept.get((span.kind, span.starts_at)),
        )
        for span in spans
    ]
    audit_record(
        actor=actor,
        action="participation.process_schedule",
        target=process,
        before={"phases": before},
        after={
            "phases": [
                {
                    "kind": s.kind,
                    "starts_at": s.starts_at.isoformat(),
                    "ends_at": s.ends_at.isoformat(),
                }
                for s in spans
            ]
        },
    )
    return created


def phases_announce(*, now: datetime | None = None) -> list[Phase]:
    """Tell followers once about each phase that has begun (run regularly by a command).

    A phase that began and ended before anyone ran this is marked without e-mails: news of a
    phase that is already over would mislead. Claiming a phase is one conditional UPDATE, so two
    runs at the same time cannot both announce it.
    """
    now = now or timezone.now()
    announced = []
    due = Phase.objects.filter(announced_at__isnull=True, starts_at__lte=now).select_related(
        "process"
    )
    for phase in due:
        with transaction.atomic():
            claimed = Phase.objects.filter(pk=phase.pk, announced_at__isnull=True).update(
                announced_at=now
            )
            if not claimed:
                continue
            running = phase.ends_at > now and phase.process.is_published
            audit_record(
                actor=None,
                action="participation.phase_announce",
                target=phase.process,
                after={"phase": phase.kind, "emails": running},
            )
            if running:
                enqueue_after_commit("participation.notify_phase", phase_id=phase.pk)
                announced.append(phase)
    return announced
