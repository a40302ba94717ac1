"""Handing closed cases to the archive as xdomea messages, and reading the archive's answer.

When the city has switched archiving on (XDOMEA_ARCHIVE_ENABLED), a case past its retention
period is not anonymised at once: it gets one `ArchiveTransfer` row (its process id fixed), its
message (an Aussonderung.Aussonderung.0503 ZIP) is handed to the configured outbox, with retries
like any hand-off, and the case keeps its data until the archive's import acknowledgement (0506)
says the case was taken over. A rejection keeps the case and lists it for staff with the
archive's reasons. With archiving off nothing here runs and retention anonymises as before.
See ADR 0281 and docs/xdomea.md.
"""

from __future__ import annotations

import hashlib
import logging
import math
from datetime import timedelta
from importlib import metadata
from uuid import UUID, uuid4, uuid5

from django.db import transaction
from django.utils import timezone, translation

from rathaus.core.audit import audit_record
from rathaus.core.municipality import municipality
from rathaus.eservices import conf
from rathaus.eservices.archive import xdomea
from rathaus.eservices.models import ArchiveStatus, ArchiveTransfer, Case, CaseEvent
from rathaus.eservices.models.cases import CaseStatus, EventKind
from rathaus.eservices.outboxes import Parcel, outbox_for
from rathaus.eservices.selectors.handoff import attempts_due
from rathaus.eservices.services.handoff import attempt_failed

logger = logging.getLogger(__name__)

SYSTEM = "Rathaus"
FORMATS = {"pdf": "PDF", "png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "txt": "TXT"}
FORMAT_VERSIONS = {"PNG": "1.2", "JPEG": "1.02", "TXT": "UTF-8"}


class UnknownProcess(LookupError):
    """An acknowledgement for a process id this platform never sent."""


class AnonymisationHeld(RuntimeError):
    """Archiving is on and the archive has not acknowledged the case: it must not be anonymised."""


@transaction.atomic
def transfer_schedule(*, case: Case) -> ArchiveTransfer:
    """The case's one transfer to the archive (an existing one is kept, whatever its state)."""
    transfer, created = ArchiveTransfer.objects.get_or_create(
        case=case, defaults={"outbox": conf.archive_outbox(), "next_attempt_at": timezone.now()}
    )
    if created:
        audit_record(
            actor=None,
            action="eservices.archive.schedule",
            target=case,
            after={"process_id": str(transfer.process_id), "outbox": transfer.outbox},
        )
    return transfer


@transaction.atomic
def transfer_attempt(*, transfer: ArchiveTransfer) -> ArchiveTransfer:
    """Build the message and hand it to the outbox now (skipped unless still pending).

    A crash after the outbox took the message and before this transaction commits leaves the
    transfer pending: the next attempt hands over the same bytes under the same name again.
    """
    locked = ArchiveTransfer.objects.select_for_update(of=("self",)).get(pk=transfer.pk)
    if locked.status != ArchiveStatus.PENDING:
        return locked
    locked.attempts += 1
    try:
        message = transfer_message(locked)
        content = xdomea.transfer_zip(message)
        parcel = Parcel(
            reference=message.name,
            data={"xdomea": xdomea.TRANSFER, "process_id": str(locked.process_id)},
            documents=[(message.zip_name, content)],
        )
        outbox_for(locked.outbox).deliver(parcel)
    except Exception as error:  # an invalid message or an unreachable archive: try again later
        logger.warning("Archive hand-over of %s failed: %s", locked.case.reference, error)
        attempt_failed(locked, error, failed=ArchiveStatus.FAILED)
        audit_record(
            actor=None,
            action="eservices.archive.fail",
            target=locked.case,
            after={"attempts": locked.attempts, "status": locked.status},
        )
        return locked
    locked.status = ArchiveStatus.SENT
    locked.sent_at = timezone.now()
    locked.next_attempt_at = None
    locked.last_error = ""
    locked.message_sha256 = hashlib.sha256(content).hexdigest()
    locked.message_size = len(content)
    locked.save()
    audit_record(
        actor=None,
        action="eservices.archive.send",
        target=locked.case,
        after={"process_id": str(locked.process_id), "sha256": locked.message_sha256},
    )
    return locked


def transfers_attempt_due(*, now=None) -> int:
    """Attempt every pending transfer whose time has come; returns how many were tried."""
    count = 0
    for transfer in attempts_due(
        ArchiveTransfer.objects.all(), pending=ArchiveStatus.PENDING, limit=200, now=now
    ):
        transfer_attempt(transfer=transfer)
        count += 1
    return count


@transaction.atomic
def transfer_restart(*, transfer: ArchiveTransfer, actor) -> ArchiveTransfer:
    """Hand a rejected or failed case over again, as a new process (a new process id)."""
    locked = ArchiveTransfer.objects.select_for_update().get(pk=transfer.pk)
    if locked.status not in (ArchiveStatus.REJECTED, ArchiveStatus.FAILED):
        return locked
    before = {"process_id": str(locked.process_id), "status": locked.status}
    locked.process_id = uuid4()
    locked.created_at = timezone.now()
    locked.status = ArchiveStatus.PENDING
    locked.attempts = 0
    locked.next_attempt_at = timezone.now()
    locked.last_error = ""
    locked.rejections = []
    locked.answered_at = None
    locked.save()
    audit_record(
        actor=actor,
        action="eservices.archive.restart",
        target=locked.case,
        before=before,
        after={"process_id": str(locked.process_id)},
    )
    return locked


@transaction.atomic
def acknowledgement_record(*, content: bytes, actor=None) -> ArchiveTransfer:
    """Record the archive's import acknowledgement (0506, XML or a ZIP holding it).

    The case counts as taken over when the archive reports its Vorgang imported and no object of
    the message failed; otherwise it is rejected and kept, with the archive's reasons. Recording
    the same acknowledgement again changes nothing.
    """
    if content[:2] == b"PK":
        content = xdomea.acknowledgement_from_zip(content)
    answer = xdomea.acknowledgement_parse(content)
    transfer = (
        ArchiveTransfer.objects.select_for_update(of=("self",))
        .select_related("case__service", "case__unit")
        .filter(process_id=answer.process_id)
        .first()
    )
    if transfer is None:
        raise UnknownProcess(f"No archive hand-over has the process id {answer.process_id}.")
    if transfer.status in (ArchiveStatus.ACCEPTED, ArchiveStatus.REJECTED):
        return transfer
    objects = {transfer.record_id: f"Vorgang {transfer.case.reference}"}
    objects.update({uid: name for uid, name, _ in _documents_of(transfer)})
    rejections = [
        {"id": str(result.id), "object": objects.get(result.id, ""), "errors": list(result.errors)}
        for result in answer.objects
        if not result.success
    ]
    if not any(result.id == transfer.record_id for result in answer.objects):
        rejections.append(
            {
                "id": str(transfer.record_id),
                "object": objects[transfer.record_id],
                "errors": ["The acknowledgement does not name the case."],
            }
        )
    transfer.rejections = rejections
    transfer.archive_ids = {
        str(result.id): result.archive_id for result in answer.objects if result.archive_id
    }
    transfer.answered_at = timezone.now()
    transfer.status = ArchiveStatus.REJECTED if rejections else ArchiveStatus.ACCEPTED
    transfer.save()
    if transfer.status == ArchiveStatus.ACCEPTED:
        CaseEvent.objects.create(
            case=transfer.case, kind=EventKind.ARCHIVED, visible_to_citizen=False
        )
    audit_record(
        actor=actor,
        action=f"eservices.archive.{transfer.status}",
        target=transfer.case,
        after={"process_id": str(transfer.process_id), "rejected": len(rejections)},
    )
    return transfer


# Building the message from the closed case


def _uuid(transfer: ArchiveTransfer, name: str) -> UUID:
    """A document's UUID: fixed by the transfer's record id and what the document is."""
    return uuid5(transfer.record_id, name)


def _documents_of(transfer: ArchiveTransfer):
    """(UUID, subject, loader) for every document of the case, in the order of the file."""
    case = transfer.case
    if case.receipt:
        yield _uuid(transfer, "receipt"), "Eingangsbestätigung", ("receipt", case)
    for notice in case.notices.all():
        yield _uuid(transfer, f"notice-{notice.pk}"), notice.title, ("notice", notice)
    for upload in case.uploads.order_by("created_at", "pk"):
        yield _uuid(transfer, f"upload-{upload.pk}"), upload.original_name, ("upload", upload)
    for message in case.messages.all():
        yield _uuid(transfer, f"message-{message.pk}"), "Nachricht", ("message", message)
    for note in case.notes.all():
        yield _uuid(transfer, f"note-{note.pk}"), "Vermerk", ("note", note)


def _read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def _file(name: str, content: bytes, created_at) -> xdomea.PrimaryFile:
    extension = name.rsplit(".", 1)[-1].lower()
    format_name = FORMATS.get(extension, extension.upper() or "BIN")
    version = FORMAT_VERSIONS.get(format_name, "")
    if format_name == "PDF" and content.startswith(b"%PDF-"):
        version = content[5:8].decode("ascii", "replace")
    return xdomea.PrimaryFile(
        original_name=name,
        content=content,
        created_at=created_at,
        format_name=format_name,
        format_version=version or "unbekannt",
    )


def _document(uid: UUID, subject: str, source) -> xdomea.Document:
    kind, item = source
    local = timezone.localtime
    if kind == "receipt":
        when = item.submitted_at
        primary = _file(f"{item.reference}-Eingangsbestaetigung.pdf", _read(item.receipt), when)
        return xdomea.Document(uid, subject, "Antrag", local(when).date(), primary)
    if kind == "notice":
        primary = _file(f"Bescheid-{item.pk}.pdf", _read(item.file), item.issued_at)
        return xdomea.Document(uid, subject, "Bescheid", local(item.issued_at).date(), primary)
    if kind == "upload":
        primary = _file(item.original_name, _read(item.file), item.created_at)
        return xdomea.Document(uid, subject, "Nachweis", local(item.created_at).date(), primary)
    text = item.body if kind == "message" else item.text
    primary = _file(f"{kind}-{item.pk}.txt", text.encode(), item.created_at)
    return xdomea.Document(
        uid,
        subject,
        "Nachricht" if kind == "message" else "Vermerk",
        local(item.created_at).date(),
        primary,
    )


def _history(case: Case) -> tuple[xdomea.HistoryEntry, ...]:
    """The case's timeline, with roles instead of the names of the staff who acted."""
    department = case.unit.name_de
    entries = []
    with translation.override("de"):
        for event in case.events.all():
            if event.actor_id is None:
                actor = f"{SYSTEM} (automatisch)"
            elif event.actor_id == case.applicant_id:
                actor = "Antragsteller/in"
            else:
                actor = f"Sachbearbeitung {department}"
            changed = event.from_status or event.to_status
            entries.append(
                xdomea.HistoryEntry(
                    at=event.at,
                    actor=actor,
                    action=str(EventKind(event.kind).label),
                    field="Status" if changed else "",
                    old=str(CaseStatus(event.from_status).label) if event.from_status else "",
                    new=str(CaseStatus(event.to_status).label) if event.to_status else "",
                )
            )
    return tuple(entries)


def _system_version() -> str:
    try:
        return metadata.version("rathaus")
    except metadata.PackageNotFoundError:
        return "dev"


def transfer_message(transfer: ArchiveTransfer) -> xdomea.Transfer:
    """The values of the 0503 message: the transfer's fixed ids and the closed case."""
    case = (
        Case.objects.select_related("service", "unit")
        .prefetch_related("notices", "events")
        .get(pk=transfer.case_id)
    )
    transfer.case = case
    service = case.service
    finished = case.finished_at or case.updated_at
    days = service.case_retention_days
    answers = case.answers or {}
    given = str(answers.get("given_name") or "")
    family = str(answers.get("family_name") or "") or ("" if given else case.applicant_name)
    record = xdomea.Record(
        id=transfer.record_id,
        subject=f"{service.name_de}, {case.reference}",
        reference=case.reference,
        department=case.unit.name_de,
        kind=service.name_de,
        begun=timezone.localtime(case.submitted_at).date(),
        closed=timezone.localtime(finished).date(),
        retention_years=max(1, math.ceil(days / 365)),
        retention_end=timezone.localtime(finished + timedelta(days=days)).date(),
        documents=tuple(
            _document(uid, subject, source) for uid, subject, source in _documents_of(transfer)
        ),
        history=_history(case),
        applicant_given_name=given,
        applicant_family_name=family,
    )
    return xdomea.Transfer(
        process_id=transfer.process_id,
        created_at=transfer.created_at,
        sender=xdomea.Authority.parse(
            conf.archive_sender_authority(),
            conf.archive_sender_name() or municipality().official_name_de,
        ),
        recipient=xdomea.Authority.parse(
            conf.archive_recipient_authority(), conf.archive_recipient_name()
        ),
        system=SYSTEM,
        system_version=_system_version(),
        record=record,
        file_format_list_version=conf.archive_file_format_list_version(),
    )
