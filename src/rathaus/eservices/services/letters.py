"""Letters to a person's mailbox that belong to no application (ADR 0039)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.core.taskruntime import enqueue_after_commit
from rathaus.eservices.documents.pdf import sha256_hex
from rathaus.eservices.models import Letter


@transaction.atomic
def letter_deliver(
    *,
    recipient,
    title: str,
    sender: str,
    source: str,
    content: bytes,
    filename: str,
    language: str,
    actor=None,
    notify: bool = True,
) -> Letter:
    """Put a rendered letter (PDF) into the recipient's mailbox, once per ``source``; a
    repeated call returns the letter delivered first. The recipient is told by e-mail that
    something is new (without saying what) after the transaction commits."""
    existing = Letter.objects.filter(source=source).first()
    if existing is not None:
        return existing
    letter = Letter(
        recipient=recipient,
        title=str(title)[:200],
        sender=str(sender)[:200],
        source=source,
        language=language,
        sha256=sha256_hex(content),
        issued_at=timezone.now(),
    )
    letter.file.save(filename, ContentFile(content), save=False)
    letter.save()
    audit_record(
        actor=actor,
        action="eservices.letter.deliver",
        target=letter,
        after={"source": source, "sha256": letter.sha256},
    )
    if notify:
        enqueue_after_commit("eservices.mailbox_notification", recipient.pk, f"letter:{letter.pk}")
    return letter
