"""The annual assessment (Jahresveranlagung): start, process in batches, finish.

One run per year (``AssessmentRun.year`` is unique). Each household is assessed in its own
transaction: the household's row is locked (``SKIP LOCKED`` on PostgreSQL, so two workers share
the work instead of queueing behind each other), the annual ``TaxNotice`` is recorded, the PDF/A
rendered and stored on the run's item, and — when the keeper has a user account — delivered to
their mailbox. The notice is unique per account and year, and the item per run and account, so
a run that is killed and continued, or processed by two workers at once, writes every notice
once (ADR 0037).
"""

from __future__ import annotations

import logging
import time
from datetime import date

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rathaus.core.audit import audit_record
from rathaus.core.taskruntime import enqueue_after_commit
from rathaus.dogtax import taxrules
from rathaus.dogtax.annual_notice import Payable, payment_reference, render_notice
from rathaus.dogtax.models import AssessmentItem, AssessmentRun, TaxAccount, TaxNotice
from rathaus.dogtax.selectors.assessment import (
    DONE_STATES,
    household_mandate,
    liable_accounts,
    pending_accounts,
    statute_covers,
    tax_office,
)
from rathaus.dogtax.selectors.register import assess_account, payable_installments
from rathaus.dogtax.services.assessment_exports import exports_make
from rathaus.dogtax.services.register import notice_record
from rathaus.eservices.documents.pdf import sha256_hex
from rathaus.eservices.services.letters import letter_deliver

logger = logging.getLogger(__name__)

BATCH_SIZE = 50


class AssessmentError(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _enqueue(run: AssessmentRun) -> None:
    enqueue_after_commit("dogtax.assessment", run.pk)


@transaction.atomic
def assessment_start(
    *, year: int, actor, issued_on: date | None = None, background: bool = True
) -> AssessmentRun:
    """Start the annual assessment of ``year`` (in the background unless ``background`` is
    false, e.g. for the management command that runs it itself); a second start of the same
    year (a double click, a second clerk) returns the run that exists."""
    existing = AssessmentRun.objects.filter(year=year).first()
    if existing is not None:
        return existing
    if not statute_covers(year):
        raise AssessmentError("year_not_covered")
    try:
        with transaction.atomic():
            run = AssessmentRun.objects.create(
                year=year,
                issued_on=issued_on or timezone.localdate(),
                started_by=actor if getattr(actor, "is_authenticated", False) else None,
                total=liable_accounts(year).count(),
            )
    except IntegrityError:
        return AssessmentRun.objects.get(year=year)
    audit_record(
        actor=actor,
        action="dogtax.assessment.start",
        target=run,
        after={"year": year, "households": run.total, "issued_on": run.issued_on.isoformat()},
    )
    if background:
        _enqueue(run)
    return run


@transaction.atomic
def assessment_continue(*, run: AssessmentRun, actor) -> AssessmentRun:
    """Queue the run again: after the worker was stopped, or to retry households with errors
    once their data is corrected. Households already done are not touched."""
    run = AssessmentRun.objects.select_for_update().get(pk=run.pk)
    if run.is_finished:
        return run
    run.state = AssessmentRun.State.QUEUED
    run.save(update_fields=["state"])
    audit_record(actor=actor, action="dogtax.assessment.continue", target=run)
    _enqueue(run)
    return run


def _payables(notice: TaxNotice) -> list[Payable]:
    return [
        Payable(
            index=position,
            due_on=row["due_on"],
            amount=row["payable"],
            covers=tuple(row["covers"]),
        )
        for position, row in enumerate(payable_installments(notice), start=1)
    ]


def household_assess(*, run: AssessmentRun, account_id: int, office=None) -> str:
    """Assess one household for the run, in one transaction. Returns what happened: ``done``,
    ``skipped`` (no liable month), ``already`` (done before), ``locked`` (another worker has
    it now) or ``failed`` (the error is kept on the run's item)."""
    try:
        with transaction.atomic():
            return _household_assess(run=run, account_id=account_id, office=office)
    except Exception as error:  # one household's problem must not stop the run
        logger.exception("Annual assessment %s: household %s failed", run.year, account_id)
        _record_failure(run=run, account_id=account_id, error=_error_text(error)[:500])
        return "failed"


def _record_failure(*, run: AssessmentRun, account_id: int, error: str) -> None:
    """Keep the error on the household's item, unless another worker has meanwhile done it."""
    failed = AssessmentItem.State.FAILED
    items = AssessmentItem.objects.filter(run=run, account_id=account_id)
    if items.filter(state=failed).update(error=error) or items.exists():
        return
    try:
        with transaction.atomic():
            AssessmentItem.objects.create(run=run, account_id=account_id, state=failed, error=error)
    except IntegrityError:
        pass  # done by another worker in between


def _error_text(error: Exception) -> str:
    if isinstance(error, taxrules.InvalidInput):
        return ", ".join(f"{problem.field}: {problem.code}" for problem in error.problems)
    return f"{type(error).__name__}: {error}"


def _household_assess(*, run: AssessmentRun, account_id: int, office) -> str:
    account = (
        TaxAccount.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("keeper")
        .filter(pk=account_id)
        .first()
    )
    if account is None:
        return "locked"
    if AssessmentItem.objects.filter(run=run, account=account, state__in=DONE_STATES).exists():
        return "already"
    existing = TaxNotice.objects.filter(
        account=account, year=run.year, kind=TaxNotice.Kind.ANNUAL
    ).first()
    if existing is not None:  # issued outside a run item, e.g. by hand: never twice
        AssessmentItem.objects.update_or_create(
            run=run,
            account=account,
            defaults={"state": AssessmentItem.State.DONE, "tax_notice": existing, "error": ""},
        )
        return "already"
    assessment = assess_account(account, run.year, notice_on=run.issued_on)
    if not any(dog.months for dog in assessment.dogs):
        AssessmentItem.objects.update_or_create(
            run=run,
            account=account,
            defaults={"state": AssessmentItem.State.SKIPPED, "error": ""},
        )
        return "skipped"
    notice = notice_record(
        account=account,
        year=run.year,
        kind=TaxNotice.Kind.ANNUAL,
        actor=None,
        issued_on=run.issued_on,
    )
    payables = _payables(notice)
    mandate = household_mandate(account)
    keeper = account.keeper if account.keeper and account.keeper.is_active else None
    language = keeper.language if keeper is not None else "de"
    office = office or tax_office()
    department = office.name if office else _("Tax office")
    content = render_notice(
        language=language,
        account=account,
        notice=notice,
        payables=payables,
        mandate=mandate,
        department=department,
        contact={"phone": office.phone, "email": office.email} if office else {},
    )
    item, _created = AssessmentItem.objects.update_or_create(
        run=run,
        account=account,
        defaults={
            "state": AssessmentItem.State.DONE,
            "tax_notice": notice,
            "sha256": sha256_hex(content),
            "mandate_reference": mandate.reference if mandate else "",
            "payable": [item.as_json() for item in payables],
            "error": "",
        },
    )
    filename = f"{payment_reference(account, run.year)}.pdf"
    item.file.save(filename, ContentFile(content), save=False)
    if keeper is not None:
        with translation.override(language):
            title = _("Dog tax notice %(year)s") % {"year": run.year}
        item.letter = letter_deliver(
            recipient=keeper,
            title=title,
            sender=department,
            source=f"dogtax.annual:{run.year}:{account.number}",
            content=content,
            filename=filename,
            language=language,
        )
    item.save(update_fields=["file", "letter", "updated_at"])
    return "done"


def assessment_progress(run: AssessmentRun) -> AssessmentRun:
    """Count what the run's items say and store it on the run (progress for the page)."""
    counts = AssessmentItem.objects.filter(run=run).aggregate(
        done=Count("pk", filter=Q(state__in=DONE_STATES)),
        failed=Count("pk", filter=Q(state=AssessmentItem.State.FAILED)),
    )
    AssessmentRun.objects.filter(pk=run.pk).update(
        done=counts["done"], failed=counts["failed"], heartbeat_at=timezone.now()
    )
    run.done, run.failed = counts["done"], counts["failed"]
    return run


def assessment_process(
    *,
    run: AssessmentRun,
    batch_size: int = BATCH_SIZE,
    max_batches: int | None = None,
    on_batch=None,
) -> AssessmentRun:
    """Work through the run's households in batches until none is left (or ``max_batches``
    were done), then finish it. Safe to call again after an interruption and from several
    workers at once."""
    run = AssessmentRun.objects.get(pk=run.pk)
    if run.is_finished:
        return run
    now = timezone.now()
    AssessmentRun.objects.filter(pk=run.pk).update(
        state=AssessmentRun.State.RUNNING,
        total=liable_accounts(run.year).count(),
        heartbeat_at=now,
    )
    AssessmentRun.objects.filter(pk=run.pk, started_at__isnull=True).update(started_at=now)
    office = tax_office()
    cursor, batches, waits = 0, 0, 0
    while True:
        ids = list(
            pending_accounts(run).filter(pk__gt=cursor).values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            locked = pending_accounts(run, retry_failed=False).exists()
            if locked and waits < 100:  # another worker holds households: wait for them
                waits += 1
                cursor = 0
                time.sleep(0.1)
                continue
            break
        for account_id in ids:
            household_assess(run=run, account_id=account_id, office=office)
        cursor = ids[-1]
        batches += 1
        assessment_progress(run)
        if on_batch is not None:
            on_batch(run)
        if max_batches is not None and batches >= max_batches:
            return AssessmentRun.objects.get(pk=run.pk)
    return assessment_finish(run=run)


@transaction.atomic
def assessment_finish(*, run: AssessmentRun) -> AssessmentRun:
    """When no household is left: finished (and the payment files made), or stopped with
    errors when households failed (they are listed; continuing retries them)."""
    run = AssessmentRun.objects.select_for_update().get(pk=run.pk)
    if run.is_finished:
        return run
    assessment_progress(run)
    if pending_accounts(run, retry_failed=False).exists():
        return run
    run.finished_at = timezone.now()
    if run.failed:
        run.state = AssessmentRun.State.FAILED
    else:
        run.state = AssessmentRun.State.FINISHED
        exports_make(run=run)
    run.save(update_fields=["state", "finished_at"])
    audit_record(
        actor=None,
        action="dogtax.assessment.finish",
        target=run,
        after={"state": run.state, "done": run.done, "failed": run.failed},
    )
    return run
