"""Cases handed to the archive that it has not taken over yet, and those it rejected."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rathaus.core.backoffice import staff_view
from rathaus.eservices import conf
from rathaus.eservices.models import ArchiveStatus, ArchiveTransfer
from rathaus.eservices.rules import case_unit_ids
from rathaus.eservices.selectors.archive import archive_transfers_open
from rathaus.eservices.services.archive import transfer_restart


@staff_view("eservices.view_inbox")
def archive_list(request):
    if not conf.archive_enabled():
        raise Http404
    transfers = archive_transfers_open(unit_ids=case_unit_ids(request.user))
    return render(request, "eservices/backoffice/archive.html", {"transfers": transfers})


@staff_view("eservices.view_inbox")
@require_POST
def archive_restart(request, process_id):
    transfer = (
        ArchiveTransfer.objects.select_related("case")
        .filter(
            process_id=process_id,
            case__unit_id__in=case_unit_ids(request.user),
            status__in=(ArchiveStatus.REJECTED, ArchiveStatus.FAILED),
        )
        .first()
    )
    if transfer is None or not conf.archive_enabled():
        raise Http404
    transfer_restart(transfer=transfer, actor=request.user)
    messages.success(
        request,
        _("%(reference)s is handed to the archive again.") % {"reference": transfer.case.reference},
    )
    return redirect("backoffice:eservices:archive")
