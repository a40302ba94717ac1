import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from rathaus.core.models import AuditEntry
from rathaus.eservices.models import Draft, ResumeLink
from rathaus.eservices.services.drafts import (
    ResumeLinkInvalid,
    ServiceNotOpen,
    draft_start,
    resume_link_send,
    resume_link_use,
    token_hash,
)
from tests.factories import UserFactory


def test_starting_twice_continues_the_same_draft(citizen, service):
    first = draft_start(user=citizen, service=service)

    again = draft_start(user=citizen, service=service)

    assert again.pk == first.pk
    assert again.form_version.number == 1
    assert Draft.objects.count() == 1


def test_a_closed_service_takes_no_new_applications(citizen, service):
    service.is_open = False
    service.save()

    with pytest.raises(ServiceNotOpen):
        draft_start(user=citizen, service=service)


def _mailed_token(django_capture_on_commit_callbacks, draft):
    with django_capture_on_commit_callbacks(execute=True):
        resume_link_send(draft=draft)
    return re.search(r"/services/resume/([\w-]+)/", mail.outbox[-1].body).group(1)


def test_the_resume_link_is_mailed_and_works_repeatedly(
    citizen, service, django_capture_on_commit_callbacks
):
    draft = draft_start(user=citizen, service=service)

    token = _mailed_token(django_capture_on_commit_callbacks, draft)

    assert resume_link_use(token=token, user=citizen) == draft
    assert resume_link_use(token=token, user=citizen) == draft
    assert mail.outbox[-1].to == [citizen.email]
    assert "Clara" not in mail.outbox[-1].body


def test_only_the_hash_of_the_resume_token_is_stored(
    citizen, service, django_capture_on_commit_callbacks
):
    draft = draft_start(user=citizen, service=service)

    token = _mailed_token(django_capture_on_commit_callbacks, draft)

    stored = ResumeLink.objects.get()
    assert stored.token_hash == token_hash(token)
    assert token not in stored.token_hash
    assert not AuditEntry.objects.filter(after__icontains=token).exists()


def test_an_earlier_link_keeps_working_after_a_new_one_was_sent(
    citizen, service, django_capture_on_commit_callbacks
):
    draft = draft_start(user=citizen, service=service)
    first = _mailed_token(django_capture_on_commit_callbacks, draft)

    _mailed_token(django_capture_on_commit_callbacks, draft)

    assert resume_link_use(token=first, user=citizen) == draft


def test_an_expired_link_or_another_persons_link_does_not_open_the_draft(
    citizen, service, django_capture_on_commit_callbacks
):
    draft = draft_start(user=citizen, service=service)
    token = _mailed_token(django_capture_on_commit_callbacks, draft)

    with pytest.raises(ResumeLinkInvalid):
        resume_link_use(token=token, user=UserFactory())
    ResumeLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ResumeLinkInvalid):
        resume_link_use(token=token, user=citizen)
    with pytest.raises(ResumeLinkInvalid):
        resume_link_use(token="made-up", user=citizen)
