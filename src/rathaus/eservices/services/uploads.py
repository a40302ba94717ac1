"""Storing uploaded files after checking what they really are."""

from __future__ import annotations

import hashlib
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from rathaus.eservices import conf
from rathaus.eservices.formschema import check_upload
from rathaus.eservices.formschema.schema import FILE_KINDS
from rathaus.eservices.models import Upload

SNIFF_BYTES = 8192


class UploadRejected(ValueError):
    """`code` is "file_type" or "file_size"."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


def read_checked(
    uploaded, *, accept: tuple[str, ...] = FILE_KINDS, max_size_mb: int | None = None
) -> tuple[bytes, str]:
    """The file's bytes and kind, or UploadRejected; the limit never exceeds the global one."""
    limit = min(max_size_mb or conf.upload_max_mb(), conf.upload_max_mb())
    if uploaded.size > limit * 1024 * 1024:
        raise UploadRejected("file_size")
    content = uploaded.read()
    try:
        kind = check_upload(
            content[:SNIFF_BYTES], size=len(content), accept=accept, max_size_mb=limit
        )
    except ValueError as error:
        raise UploadRejected(str(error)) from None
    return content, kind


@transaction.atomic
def upload_store(
    *,
    owner,
    uploaded,
    accept: tuple[str, ...] = FILE_KINDS,
    max_size_mb: int | None = None,
    draft=None,
    case=None,
    message=None,
    field_key: str = "",
) -> Upload:
    """Check an uploaded file by its content and size and store it; raises UploadRejected."""
    content, kind = read_checked(uploaded, accept=accept, max_size_mb=max_size_mb)
    upload = Upload(
        id=uuid.uuid4(),
        owner=owner,
        draft=draft,
        case=case,
        message=message,
        field_key=field_key,
        original_name=(uploaded.name or "upload")[-200:],
        kind=kind,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        created_at=timezone.now(),
    )
    upload.file.save(f"{upload.pk}.{kind}", ContentFile(content), save=False)
    upload.save()
    return upload


def upload_discard(*, upload: Upload) -> None:
    """Delete an upload and its file (a replaced draft file, or at retention)."""
    upload.file.delete(save=False)
    upload.delete()
