"""The files an annual assessment hands on: SEPA direct debits and the finance-system list.

Made once, when the run has finished (``assessment_finish``), and stored with their checksum,
so every download of a file is the same file — a bank must never receive the same collection
under two message ids (ADR 0038).

- one **pain.008** per due date with the households that gave a SEPA mandate: the end-to-end id
  is ``<payment reference>-<n>`` (n: the instalment's position in the notice), which the bank
  statement import can match;
- one **CSV** for the finance system with every amount due: see ``CSV_COLUMNS``.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from rathaus.core.audit import audit_record
from rathaus.core.municipality import municipality
from rathaus.dogtax.models import AssessmentExport, AssessmentRun
from rathaus.dogtax.selectors.assessment import export_rows
from rathaus.eservices.documents.pdf import sha256_hex
from rathaus.eservices.models import Mandate
from rathaus.eservices.payments.sepa import Creditor, DirectDebit, build_pain008, validate_pain008

#: Column names of the finance-system CSV (documented in docs/dogtax.md).
CSV_COLUMNS = (
    "account_number",
    "keeper",
    "due_on",
    "amount",
    "payment_reference",
    "mandate",
)


def csv_content(rows: list[dict]) -> bytes:
    """UTF-8 with a byte-order mark, semicolons, ISO dates, amounts with a decimal point."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            [
                row["account"].number,
                _plain(row["account"].keeper_name),
                row["due_on"].isoformat(),
                f"{row['amount']:.2f}",
                row["reference"],
                "yes" if row["mandate_reference"] else "no",
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def _plain(text: str) -> str:
    """No formula injection when the file is opened in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def pain008_content(*, run: AssessmentRun, due_on: date, rows: list[dict], first: set) -> bytes:
    profile = municipality()
    mandates = Mandate.objects.in_bulk(
        [row["mandate_reference"] for row in rows], field_name="reference"
    )
    debits = []
    for row in rows:
        mandate = mandates[row["mandate_reference"]]
        debits.append(
            DirectDebit(
                mandate_reference=mandate.reference,
                mandate_signed_on=mandate.signed_on,
                debtor_name=mandate.debtor_name,
                debtor_iban=mandate.iban,
                debtor_bic=mandate.bic or None,
                amount=row["amount"],
                end_to_end_id=row["end_to_end_id"],
                remittance=f"{row['reference']} Hundesteuer {run.year}",
                sequence_type="FRST" if (mandate.reference, due_on) in first else "RCUR",
            )
        )
    xml = build_pain008(
        creditor=Creditor(
            name=profile.bank_account_holder,
            iban=profile.iban,
            bic=profile.bic,
            creditor_id=profile.sepa_creditor_id,
        ),
        collection_date=due_on,
        debits=debits,
        message_id=message_id(run, due_on),
    )
    validate_pain008(xml)
    return xml


def message_id(run: AssessmentRun, due_on: date) -> str:
    return f"HST-{run.year}-DD-{due_on:%Y%m%d}"


def _first_collections(rows: list[dict]) -> set:
    """(mandate, due date) pairs that are a mandate's first collection: its earliest due date
    in this run when the mandate was never collected before."""
    references = {row["mandate_reference"] for row in rows if row["mandate_reference"]}
    unused = set(
        Mandate.objects.filter(reference__in=references, collections=0).values_list(
            "reference", flat=True
        )
    )
    earliest: dict[str, date] = {}
    for row in rows:
        reference = row["mandate_reference"]
        if reference in unused:
            earliest[reference] = min(earliest.get(reference, row["due_on"]), row["due_on"])
    return set(earliest.items())


def _store(run, *, kind, due_on, content: bytes, name: str, count: int, total, message=""):
    export = AssessmentExport(
        run=run,
        kind=kind,
        due_on=due_on,
        sha256=sha256_hex(content),
        count=count,
        total=total,
        message_id=message,
    )
    export.file.save(name, ContentFile(content), save=False)
    export.save()
    return export


@transaction.atomic
def exports_make(*, run: AssessmentRun) -> list[AssessmentExport]:
    """The run's payment files; made once (a second call returns those made first)."""
    existing = list(run.exports.all())
    if existing:
        return existing
    rows = export_rows(run)
    exports = [
        _store(
            run,
            kind=AssessmentExport.Kind.CSV,
            due_on=None,
            content=csv_content(rows),
            name=f"hundesteuer-{run.year}.csv",
            count=len(rows),
            total=sum((row["amount"] for row in rows), Decimal("0.00")),
        )
    ]
    debits = defaultdict(list)
    for row in rows:
        if row["mandate_reference"]:
            debits[row["due_on"]].append(row)
    first = _first_collections(rows)
    for due_on in sorted(debits):
        batch = debits[due_on]
        exports.append(
            _store(
                run,
                kind=AssessmentExport.Kind.PAIN008,
                due_on=due_on,
                content=pain008_content(run=run, due_on=due_on, rows=batch, first=first),
                name=f"hundesteuer-{run.year}-lastschriften-{due_on.isoformat()}.xml",
                count=len(batch),
                total=sum((row["amount"] for row in batch), Decimal("0.00")),
                message=message_id(run, due_on),
            )
        )
    audit_record(
        actor=None,
        action="dogtax.assessment.exports",
        target=run,
        after={"files": [export.file.name for export in exports]},
    )
    return exports
