"""The archive's side of retention, run every few minutes while archiving is on.

`archive_run` retries pending hand-overs, reads the acknowledgements the archive dropped into
XDOMEA_INBOX_DIR, and anonymises every case the archive has taken over. Each step stands alone
and may be repeated: a crash between any two of them loses nothing (the case keeps its data
until it is anonymised, and a taken-over case not yet anonymised is found again next time).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from django.utils import timezone

from rathaus.eservices import conf
from rathaus.eservices.archive.xdomea import XdomeaInvalid
from rathaus.eservices.models import ArchiveStatus, ArchiveTransfer
from rathaus.eservices.services.archive import (
    UnknownProcess,
    acknowledgement_record,
    transfers_attempt_due,
)
from rathaus.eservices.services.retention import case_anonymise

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024


def acknowledgement_receive(*, content: bytes, actor=None) -> ArchiveTransfer:
    """Record an acknowledgement and, when the archive took the case over, anonymise it."""
    transfer = acknowledgement_record(content=content, actor=actor)
    if transfer.status == ArchiveStatus.ACCEPTED and transfer.case.anonymised_at is None:
        case_anonymise(case=transfer.case, actor=actor)
    return transfer


def acknowledgements_collect(*, directory: Path | None = None) -> dict:
    """Read every acknowledgement (.xml or .zip) in the inbox directory; each file is moved to
    `processed/` or, when it cannot be read or matches no hand-over, to `failed/` with a note."""
    directory = directory or conf.archive_inbox_dir()
    done = {"acknowledgements_read": 0, "acknowledgements_failed": 0}
    if not directory.is_dir():
        return done
    for path in sorted(directory.iterdir()):
        if not path.is_file() or path.suffix.lower() not in (".xml", ".zip"):
            continue
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise XdomeaInvalid(["The file is larger than an acknowledgement can be."])
            acknowledgement_receive(content=path.read_bytes())
        except (XdomeaInvalid, UnknownProcess, ValueError) as error:
            logger.warning("Archive acknowledgement %s not read: %s", path.name, error)
            _move(path, directory / "failed")
            (directory / "failed" / f"{path.name}.error.txt").write_text(f"{error}\n")
            done["acknowledgements_failed"] += 1
        else:
            _move(path, directory / "processed")
            done["acknowledgements_read"] += 1
    return done


def _move(path: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), folder / path.name)


def accepted_anonymise() -> int:
    """Anonymise the cases the archive took over whose anonymisation did not happen yet."""
    count = 0
    waiting = ArchiveTransfer.objects.filter(
        status=ArchiveStatus.ACCEPTED, case__anonymised_at__isnull=True
    ).select_related("case")
    for transfer in waiting:
        case_anonymise(case=transfer.case)
        count += 1
    return count


def archive_run(*, now=None) -> dict:
    """One round: retries, acknowledgements, anonymisation. Nothing while archiving is off."""
    if not conf.archive_enabled():
        return {}
    done = {"transfers_attempted": transfers_attempt_due(now=now or timezone.now())}
    done.update(acknowledgements_collect())
    done["cases_anonymised"] = accepted_anonymise()
    return done
