"""The folder outbox: each case becomes a folder with case.json and its PDFs.

The folder is named after the case reference, written under a temporary name and renamed into
place, so a specialist system watching the directory never sees half a case, and a retry
replaces the folder instead of adding a second one. The directory is the setting
ESERVICES_OUTBOX_DIR (default: var/outbox).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.outboxes import Outbox, Parcel, register_outbox


def outbox_directory() -> Path:
    configured = getattr(settings, "ESERVICES_OUTBOX_DIR", None)
    return Path(configured) if configured else Path(settings.BASE_DIR) / "var" / "outbox"


@register_outbox
class FolderOutbox(Outbox):
    key = "folder"
    label = _("Folder (JSON and PDF files)")

    def deliver(self, parcel: Parcel) -> None:
        root = outbox_directory()
        root.mkdir(parents=True, exist_ok=True)
        target = root / parcel.reference
        staging = Path(tempfile.mkdtemp(prefix=f".{parcel.reference}-", dir=root))
        try:
            (staging / "case.json").write_text(
                json.dumps(parcel.data, ensure_ascii=False, indent=2, sort_keys=True),
                encoding="utf-8",
            )
            for name, content in parcel.documents:
                (staging / Path(name).name).write_bytes(content)
            if target.exists():
                retired = root / f".{parcel.reference}-replaced"
                shutil.rmtree(retired, ignore_errors=True)
                os.replace(target, retired)
                os.replace(staging, target)
                shutil.rmtree(retired, ignore_errors=True)
            else:
                os.replace(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
