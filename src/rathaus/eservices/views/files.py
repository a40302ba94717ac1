"""The citizen's files: receipt, notices and uploads of their own case or draft."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from rathaus.eservices.downloads import file_response
from rathaus.eservices.models import Upload
from rathaus.eservices.selectors.mailbox import (
    case_for_citizen,
    draft_for_citizen,
    letter_for_citizen,
)
from rathaus.eservices.services.receipts import receipt_store


@login_required
def receipt(request, reference: str):
    case = case_for_citizen(request.user, reference)
    if not case.receipt:
        case = receipt_store(case=case)
    return file_response(
        case.receipt,
        filename=f"{case.reference}-receipt.pdf",
        content_type="application/pdf",
        inline=True,
    )


@login_required
def notice(request, reference: str, notice_id: int):
    case = case_for_citizen(request.user, reference)
    item = get_object_or_404(case.notices.all(), pk=notice_id)
    return file_response(
        item.file,
        filename=f"{case.reference}-notice-{item.pk}.pdf",
        content_type="application/pdf",
        inline=True,
    )


@login_required
def case_upload(request, reference: str, upload_id):
    case = case_for_citizen(request.user, reference)
    upload = get_object_or_404(Upload, pk=upload_id, case=case)
    return file_response(
        upload.file, filename=upload.original_name, content_type=upload.content_type
    )


@login_required
def draft_upload(request, public_id, upload_id):
    draft = draft_for_citizen(request.user, public_id)
    upload = get_object_or_404(Upload, pk=upload_id, draft=draft)
    return file_response(
        upload.file, filename=upload.original_name, content_type=upload.content_type
    )


@login_required
def letter(request, letter_id: int):
    item = letter_for_citizen(request.user, letter_id)
    return file_response(
        item.file, filename=f"letter-{item.pk}.pdf", content_type="application/pdf", inline=True
    )
