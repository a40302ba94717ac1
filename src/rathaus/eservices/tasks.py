"""Background work of the engine (django-tasks): after a submission, e-mails, hand-off, retention.

Tasks take ids only, so no personal data is written to the task queue. Services enqueue them by
their registered name (`enqueue_after_commit("eservices.…", …)`), never by importing this module.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from rathaus.core.taskruntime import background, mail_once
from rathaus.eservices import conf, workflow
from rathaus.eservices.handlers import handler_for
from rathaus.eservices.models import Case
from rathaus.eservices.models.handoff import DeliveryStatus
from rathaus.eservices.services.cases import TransitionNotAllowed
from rathaus.eservices.services.decisions import case_decide
from rathaus.eservices.services.handoff import delivery_run
from rathaus.eservices.services.receipts import receipt_store

logger = logging.getLogger(__name__)


@background("eservices.process_submission")
@task()
def process_submission(case_id: int) -> None:
    """Confirmation e-mail, receipt, automatic decision (if the handler makes one), hand-off.

    Each step stands alone: a receipt that cannot be rendered now is rendered when first
    downloaded, a failing handler leaves the case to a clerk, and deliveries scheduled at
    submission are retried by `eservices_deliveries` whatever happens here.

    Idempotent, because a task whose worker died runs again (and staff may retry a stuck case):
    the mail is sent once (its key), the case is decided only while it is still submitted (under
    its row lock), and a case whose processing finished is left alone.
    """
    case = Case.objects.select_related("service", "unit", "applicant", "form_version").get(
        pk=case_id
    )
    if case.processed_at is not None:
        return
    if case.applicant is not None:
        _mail(
            case.applicant,
            "eservices/mail/submitted",
            url=("eservices:case", [case.reference]),
            context={"reference": case.reference},
            key=f"case:{case.pk}:submitted",
        )
    try:
        receipt_store(case=case)
    except Exception:
        logger.exception("The receipt of %s could not be rendered now.", case.reference)
    try:
        if case.status == workflow.SUBMITTED:
            # The decision's reasons are written into the notice: in the applicant's language.
            with translation.override(case.language):
                decision = handler_for(case.service).decide_automatically(case=case)
            if decision is not None:
                case_decide(case=case, decision=decision, actor=None, expected=workflow.SUBMITTED)
    except TransitionNotAllowed:
        logger.info("%s was decided meanwhile; nothing to do.", case.reference)
    except Exception:
        logger.exception("Automatic decision of %s failed; a clerk decides.", case.reference)
    for delivery in case.deliveries.filter(status=DeliveryStatus.PENDING):
        delivery_run(delivery=delivery)
    Case.objects.filter(pk=case.pk, processed_at=None).update(processed_at=timezone.now())


@background("eservices.mailbox_notification")
@task()
def send_mailbox_notification(user_id: int, key: str = "") -> None:
    """Tell the person that something new is in their mailbox; nothing about what it is.

    `key` (made when enqueued, so a retry carries the same one) sends the mail at most once.
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email_notifications:
        return
    _mail(
        user, "eservices/mail/news", url=("eservices:mailbox", []), key=f"news:{key}" if key else ""
    )


def _mail(
    user, template: str, *, url: tuple[str, list], context: dict | None = None, key: str = ""
) -> None:
    """A short e-mail in the person's language with a link to the page in that language;
    with a `key`, never a second time (see `mail_once`)."""
    with translation.override(user.language):
        context = {**(context or {}), "url": conf.site_url() + reverse(url[0], args=url[1])}
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)

    def send() -> None:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])

    if key:
        mail_once(key, send)
    else:
        send()
