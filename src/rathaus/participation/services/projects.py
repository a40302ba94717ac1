"""The Vorhabenliste: projects, their timeline and documents."""

from __future__ import annotations

import datetime
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rathaus.accounts.models import User
from rathaus.core.audit import audit_record
from rathaus.core.taskruntime import enqueue_after_commit
from rathaus.participation.models import Project, ProjectDocument, TimelineEntry
from rathaus.participation.placing import place
from rathaus.participation.services import field_snapshot, require

PROJECT_FIELDS = (
    "title_de",
    "title_en",
    "description_de",
    "description_en",
    "participation_de",
    "participation_en",
    "responsible_unit",
    "status",
    "topic",
    "cost",
    "district",
    "latitude",
    "longitude",
    "process",
    "is_published",
)

DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


@transaction.atomic
def project_save(
    *, actor: User, project: Project | None = None, slug: str = "", **fields
) -> Project:
    """Create a project (give `slug`) or change one; a new status is e-mailed to followers.

    A point inside the city decides the district (see `placing`).
    """
    require(actor, "participation.manage_projects")
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise ValueError(f"Not project fields: {sorted(unknown)}")
    before = field_snapshot(project, PROJECT_FIELDS) if project else None
    project = project or Project(slug=slug)
    for field, value in fields.items():
        setattr(project, field, value)
    project.updated_at = timezone.now()
    project.full_clean()
    project.district = place(
        latitude=project.latitude, longitude=project.longitude, chosen=project.district
    ).district
    project.save()
    after = field_snapshot(project, PROJECT_FIELDS)
    audit_record(
        actor=actor, action="participation.project_save", target=project, before=before, after=after
    )
    if before is not None and before["status"] != after["status"]:
        enqueue_after_commit("participation.notify_project_status", project_id=project.pk)
    return project


@transaction.atomic
def timeline_entry_add(
    *, actor: User, project: Project, date: datetime.date, title_de: str, title_en: str = ""
) -> TimelineEntry:
    require(actor, "participation.manage_projects")
    entry = TimelineEntry.objects.create(
        project=project, date=date, title_de=title_de.strip(), title_en=title_en.strip()
    )
    audit_record(
        actor=actor,
        action="participation.project_timeline_add",
        target=project,
        after={"date": date.isoformat(), "title": entry.title_de},
    )
    return entry


@transaction.atomic
def project_document_add(
    *,
    actor: User,
    project: Project,
    content: bytes,
    filename: str,
    title_de: str,
    title_en: str = "",
) -> ProjectDocument:
    """Attach a public document; its type is read from its content, not from its name."""
    require(actor, "participation.manage_projects")
    if len(content) > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            {"file": _("The file is larger than %(size)d MB.") % {"size": MAX_DOCUMENT_BYTES >> 20}}
        )
    kind = filetype.guess(content)
    if kind is None or kind.mime not in DOCUMENT_TYPES:
        raise ValidationError({"file": _("Please upload a PDF, PNG, JPEG, ODT or DOCX file.")})
    extension = DOCUMENT_TYPES[kind.mime]
    stem = PurePath(filename).stem[:150] or "document"
    document = ProjectDocument(
        project=project,
        title_de=title_de.strip(),
        title_en=title_en.strip(),
        filename=f"{stem}.{extension}",
        content_type=kind.mime,
        size=len(content),
    )
    document.file.save(f"document.{extension}", ContentFile(content), save=False)
    document.save()
    audit_record(
        actor=actor,
        action="participation.project_document_add",
        target=project,
        after={"document": document.pk, "filename": document.filename, "type": kind.mime},
    )
    return document
