"""The storage outbox: each case becomes `outbox/<reference>/` in the file storage.

Like the folder outbox (case.json and the PDFs), but through Django's storage API, so that it
lands in the S3 bucket when the platform runs on several machines and the receiving system reads
the bucket. The documents are written first and `case.json` last: a case is complete when its
case.json exists. A retry deletes what an earlier attempt left under the same reference.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.outboxes import Outbox, Parcel, register_outbox

PREFIX = "outbox"


def _files_in(folder: str) -> list[str]:
    try:
        return default_storage.listdir(folder)[1]
    except FileNotFoundError:  # a local folder not made yet; an object store lists nothing
        return []


@register_outbox
class StorageOutbox(Outbox):
    key = "storage"
    label = _("File storage (JSON and PDF files)")

    def deliver(self, parcel: Parcel) -> None:
        folder = f"{PREFIX}/{parcel.reference}"
        if default_storage.exists(f"{folder}/case.json"):
            default_storage.delete(f"{folder}/case.json")
        for name in _files_in(folder):
            default_storage.delete(f"{folder}/{name}")
        for name, content in parcel.documents:
            self._write(f"{folder}/{PurePosixPath(name).name}", content)
        data = json.dumps(parcel.data, ensure_ascii=False, indent=2, sort_keys=True)
        self._write(f"{folder}/case.json", data.encode())

    @staticmethod
    def _write(name: str, content: bytes) -> None:
        saved = default_storage.save(name, ContentFile(content))
        if saved != name:
            default_storage.delete(saved)
            raise OSError(f"{name} exists already in the storage.")
