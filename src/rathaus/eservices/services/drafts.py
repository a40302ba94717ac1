"""Starting, saving and resuming applications that are not yet submitted."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from rathaus.core.audit import audit_record
from rathaus.eservices import conf
from rathaus.eservices.models import Draft, ResumeLink, Service, Upload
from rathaus.eservices.prefill import prefilled_answers
from rathaus.eservices.selectors.catalogue import current_version
from rathaus.eservices.services.uploads import upload_discard, upload_store


class ServiceNotOpen(Exception):
    """The service takes no online applications at the moment (closed or no form yet)."""


class ResumeLinkInvalid(Exception):
    """The link is unknown, expired, or its application was submitted or deleted."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def draft_start(*, user, service: Service) -> Draft:
    """The person's open draft for the service, or a new one on the current form version."""
    existing = Draft.objects.filter(user=user, service=service, case__isnull=True).first()
    if existing is not None:
        return existing
    version = current_version(service)
    if not service.is_open or version is None:
        raise ServiceNotOpen
    try:
        with transaction.atomic():
            draft = Draft.objects.create(
                user=user,
                service=service,
                form_version=version,
                answers=prefilled_answers(version.form, user),
            )
    except IntegrityError:
        return Draft.objects.get(user=user, service=service, case__isnull=True)
    audit_record(
        actor=user,
        action="eservices.draft.start",
        target=draft,
        after={
            "service": service.slug,
            "form_version": version.number,
            "prefilled": sorted(draft.answers),
        },
    )
    return draft


@transaction.atomic
def draft_save_step(*, draft: Draft, step_key: str, values: dict, next_step: str) -> Draft:
    """Merge one step's answers into the draft and remember where the person continues."""
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    if draft.is_submitted:
        return draft
    draft.answers = {**draft.answers, **values}
    draft.step_key = next_step
    draft.save(update_fields=["answers", "step_key", "updated_at"])
    audit_record(
        actor=draft.user,
        action="eservices.draft.save",
        target=draft,
        after={"step": step_key, "fields": sorted(values)},
    )
    return draft


@transaction.atomic
def draft_attach_file(
    *, draft: Draft, field_key: str, uploaded, accept, max_size_mb, previous: dict | None = None
) -> dict:
    """Store a file for a file field of the draft (replacing an earlier one); its answer value.

    `field_key` is the field's key, or `group[index].key` inside a repeating group; then
    `previous` is the entry's earlier file answer, which is replaced.
    """
    previous = previous if previous is not None else draft.answers.get(field_key)
    upload = upload_store(
        owner=draft.user,
        uploaded=uploaded,
        accept=accept,
        max_size_mb=max_size_mb,
        draft=draft,
        field_key=field_key,
    )
    if isinstance(previous, dict) and previous.get("upload"):
        old = Upload.objects.filter(pk=previous["upload"], draft=draft).first()
        if old is not None:
            upload_discard(upload=old)
    audit_record(
        actor=draft.user,
        action="eservices.draft.upload",
        target=draft,
        after={"field": field_key, "kind": upload.kind, "size": upload.size},
    )
    return {
        "upload": str(upload.pk),
        "name": upload.original_name,
        "size": upload.size,
        "kind": upload.kind,
    }


@transaction.atomic
def draft_delete(*, draft: Draft, actor) -> None:
    """Throw an unfinished application away, with its files."""
    for upload in Upload.objects.filter(draft=draft, case__isnull=True):
        upload_discard(upload=upload)
    audit_record(actor=actor, action="eservices.draft.delete", target=draft)
    draft.delete()


@transaction.atomic
def resume_link_send(*, draft: Draft) -> ResumeLink:
    """E-mail the owner a link to continue; it works repeatedly until it expires.

    Only the SHA-256 of the token is stored. The mail is sent directly after commit (not via
    the task queue) so the token is never written anywhere in plain text.
    """
    token = secrets.token_urlsafe(32)
    link = ResumeLink.objects.create(
        draft=draft,
        token_hash=token_hash(token),
        expires_at=timezone.now() + timedelta(days=conf.resume_link_days()),
    )
    audit_record(
        actor=draft.user,
        action="eservices.draft.resume_link",
        target=draft,
        after={"expires_at": link.expires_at.isoformat()},
    )
    user = draft.user
    expires_at = link.expires_at
    transaction.on_commit(lambda: _mail_resume_link(user=user, token=token, expires_at=expires_at))
    return link


def _mail_resume_link(*, user, token: str, expires_at) -> None:
    with translation.override(user.language):
        url = conf.site_url() + reverse("eservices:resume", args=[token])
        context = {"url": url, "expires_at": expires_at}
        send_mail(
            subject=render_to_string("eservices/mail/resume_subject.txt", context).strip(),
            message=render_to_string("eservices/mail/resume_body.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )


@transaction.atomic
def resume_link_use(*, token: str, user) -> Draft:
    """The draft a resume link leads to, for its owner; ResumeLinkInvalid otherwise."""
    link = (
        ResumeLink.objects.select_related("draft")
        .filter(token_hash=token_hash(token), expires_at__gt=timezone.now())
        .first()
    )
    if link is None or link.draft.user_id != user.pk or link.draft.is_submitted:
        raise ResumeLinkInvalid
    ResumeLink.objects.filter(pk=link.pk).update(last_used_at=timezone.now())
    return link.draft
