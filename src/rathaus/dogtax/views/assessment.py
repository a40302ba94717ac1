"""The tax office's pages of the annual assessment: start, runs, progress, errors, files."""

from __future__ import annotations

import tempfile
import zipfile
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.db.models import Sum
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rathaus.core.audit import audit_record
from rathaus.core.backoffice import staff_view
from rathaus.dogtax.models import AssessmentExport, AssessmentItem, AssessmentRun
from rathaus.dogtax.selectors import liable_accounts, statute_covers
from rathaus.dogtax.services.assessment import (
    AssessmentError,
    assessment_continue,
    assessment_start,
)
from rathaus.eservices.downloads import file_response

PERMISSION = "dogtax.run_assessment"
STALLED_AFTER = timedelta(minutes=5)
CONTENT_TYPES = {
    AssessmentExport.Kind.PAIN008: "application/xml",
    AssessmentExport.Kind.CSV: "text/csv; charset=utf-8",
}


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Year"),
        min_value=2000,
        max_value=2999,
        help_text=gettext_lazy("The year the notices assess."),
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not statute_covers(year):
            raise forms.ValidationError(_("The dog tax statute has no rates for this year."))
        return year


def _suggested_year() -> int:
    today = timezone.localdate()
    taken = set(AssessmentRun.objects.values_list("year", flat=True))
    return today.year if today.year not in taken else today.year + 1


@staff_view(PERMISSION)
def runs(request):
    form = YearForm(request.GET or None, initial={"year": _suggested_year()})
    if request.GET and form.is_valid():
        year = form.cleaned_data["year"]
        if AssessmentRun.objects.filter(year=year).exists():
            return redirect("backoffice:dogtax:assessment_run", year=year)
        return render(
            request,
            "dogtax/assessment/confirm.html",
            {"year": year, "households": liable_accounts(year).count()},
        )
    return render(
        request,
        "dogtax/assessment/runs.html",
        {"form": form, "runs": AssessmentRun.objects.select_related("started_by")},
    )


@staff_view(PERMISSION)
@require_POST
def start(request):
    form = YearForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "dogtax/assessment/runs.html",
            {"form": form, "runs": AssessmentRun.objects.all()},
            status=400,
        )
    try:
        run = assessment_start(year=form.cleaned_data["year"], actor=request.user)
    except AssessmentError:
        messages.error(request, _("The dog tax statute has no rates for this year."))
        return redirect("backoffice:dogtax:assessment")
    messages.success(request, _("The annual assessment has been started."))
    return redirect("backoffice:dogtax:assessment_run", year=run.year)


def _run_context(run: AssessmentRun) -> dict:
    stalled = run.state in (AssessmentRun.State.QUEUED, AssessmentRun.State.RUNNING) and (
        (run.heartbeat_at or run.created_at) < timezone.now() - STALLED_AFTER
    )
    percent = round(100 * run.processed / run.total) if run.total else 100
    return {
        "run": run,
        "percent": percent,
        "active": run.state in (AssessmentRun.State.QUEUED, AssessmentRun.State.RUNNING),
        "can_continue": run.state == AssessmentRun.State.FAILED or stalled,
        "stalled": stalled,
        "errors": AssessmentItem.objects.filter(run=run, state=AssessmentItem.State.FAILED)
        .select_related("account")
        .order_by("account__number")[:200],
        "exports": run.exports.all() if run.is_finished else [],
        "postal_count": postal_items(run).count() if run.is_finished else 0,
        "notice_total": (
            AssessmentItem.objects.filter(run=run, state=AssessmentItem.State.DONE).aggregate(
                total=Sum("tax_notice__total")
            )["total"]
        ),
    }


@staff_view(PERMISSION)
def run_detail(request, year: int):
    run = get_object_or_404(AssessmentRun.objects.select_related("started_by"), year=year)
    template = (
        "dogtax/assessment/_status.html"
        if request.headers.get("HX-Request")
        else "dogtax/assessment/run.html"
    )
    return render(request, template, _run_context(run))


@staff_view(PERMISSION)
@require_POST
def run_continue(request, year: int):
    run = get_object_or_404(AssessmentRun, year=year)
    assessment_continue(run=run, actor=request.user)
    messages.success(request, _("The annual assessment continues."))
    return redirect("backoffice:dogtax:assessment_run", year=year)


@staff_view(PERMISSION)
def export_download(request, year: int, export_id: int):
    export = get_object_or_404(
        AssessmentExport.objects.select_related("run"),
        pk=export_id,
        run__year=year,
        run__state=AssessmentRun.State.FINISHED,
    )
    audit_record(
        actor=request.user,
        action="dogtax.assessment.download",
        target=export.run,
        after={"file": export.file.name, "sha256": export.sha256},
    )
    return file_response(
        export.file,
        filename=export.download_name,
        content_type=CONTENT_TYPES[export.kind],
    )


def postal_items(run: AssessmentRun):
    """Notices of households without a mailbox (no active user account): to be sent by post."""
    return (
        AssessmentItem.objects.filter(run=run, state=AssessmentItem.State.DONE, letter__isnull=True)
        .exclude(file="")
        .select_related("account")
        .order_by("account__postal_code", "account__number")
    )


@staff_view(PERMISSION)
def postal_notices(request, year: int):
    """All notices to be printed and posted, as one ZIP (ordered by postal code)."""
    run = get_object_or_404(AssessmentRun, year=year, state=AssessmentRun.State.FINISHED)
    items = list(postal_items(run))
    audit_record(
        actor=request.user,
        action="dogtax.assessment.download",
        target=run,
        after={"file": "postal notices", "count": len(items)},
    )
    spool = tempfile.SpooledTemporaryFile(max_size=50 * 1024 * 1024)  # noqa: SIM115
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_STORED) as archive:
        for position, item in enumerate(items, start=1):
            with item.file.open("rb") as handle:
                archive.writestr(f"{position:05d}-{item.account.number}.pdf", handle.read())
    spool.seek(0)
    response = FileResponse(
        spool,
        as_attachment=True,
        filename=f"hundesteuer-{run.year}-bescheide-post.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
