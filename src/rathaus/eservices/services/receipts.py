"""The submission receipt: a PDF/A made once per case and kept with its checksum."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation

from rathaus.eservices.documents.pdf import render_pdf, sha256_hex
from rathaus.eservices.models import Case
from rathaus.eservices.services.notices import recipient_for
from rathaus.eservices.sources import form_for
from rathaus.eservices.summary import summary_pairs


def receipt_render(case: Case) -> bytes:
    with translation.override(case.language):
        return render_pdf(
            template="eservices/documents/receipt.html",
            context={
                "recipient": recipient_for(case),
                "department": case.unit,
                "reference": case.reference,
                "service_name": case.service.name,
                "submitted_at": case.submitted_at,
                "answers": summary_pairs(
                    form_for(case.form_version.form, case.applicant), case.answers
                ),
            },
            language=case.language,
        )


@transaction.atomic
def receipt_store(*, case: Case) -> Case:
    """Render and keep the receipt unless the case already has one."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.receipt:
        return locked
    content = receipt_render(locked)
    locked.receipt.save(f"{locked.reference}-receipt.pdf", ContentFile(content), save=False)
    locked.receipt_sha256 = sha256_hex(content)
    locked.save(update_fields=["receipt", "receipt_sha256", "updated_at"])
    return locked
