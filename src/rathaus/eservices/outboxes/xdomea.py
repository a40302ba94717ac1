"""Outboxes that drop xdomea messages (one ZIP each) where the archive collects them.

`xdomea.folder` writes the ZIP into XDOMEA_DROP_DIR (a transfer directory the archive reads,
e.g. a mounted share) under a temporary name and renames it into place, so the archive never
reads half a message; `xdomea.storage` writes it to `xdomea/outbox/` in the file storage (the S3
bucket when the platform runs on object storage). Both are idempotent by the message's name: a
retry replaces the file. They take only archive parcels (`parcel.data["xdomea"]`); a service
that names one as its hand-off outbox gets a failed delivery, never case files in the archive's
directory.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from rathaus.eservices import conf
from rathaus.eservices.outboxes import Outbox, Parcel, register_outbox

STORAGE_PREFIX = "xdomea/outbox"


def _message(parcel: Parcel) -> tuple[str, bytes]:
    if not parcel.data.get("xdomea") or len(parcel.documents) != 1:
        raise ValueError("This outbox takes xdomea messages for the archive only.")
    name, content = parcel.documents[0]
    name = PurePosixPath(name).name
    if not name.endswith(".zip"):
        raise ValueError("An xdomea message is handed over as a ZIP.")
    return name, content


@register_outbox
class XdomeaFolderOutbox(Outbox):
    key = "xdomea.folder"
    label = _("Archive transfer directory (xdomea ZIP)")

    def deliver(self, parcel: Parcel) -> None:
        name, content = _message(parcel)
        root = conf.archive_drop_dir()
        root.mkdir(parents=True, exist_ok=True)
        handle, staging = tempfile.mkstemp(prefix=".", suffix=".part", dir=root)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(content)
                file.flush()
                os.fsync(file.fileno())
            os.replace(staging, root / name)
        finally:
            Path(staging).unlink(missing_ok=True)


@register_outbox
class XdomeaStorageOutbox(Outbox):
    key = "xdomea.storage"
    label = _("File storage for the archive (xdomea ZIP)")

    def deliver(self, parcel: Parcel) -> None:
        name, content = _message(parcel)
        path = f"{STORAGE_PREFIX}/{name}"
        if default_storage.exists(path):
            default_storage.delete(path)
        saved = default_storage.save(path, ContentFile(content))
        if saved != path:
            default_storage.delete(saved)
            raise OSError(f"{path} exists already in the storage.")
