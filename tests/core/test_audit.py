import pytest

from rathaus.core.audit import audit_record, audit_search
from rathaus.core.models import AuditEntry
from rathaus.core.models.audit import AppendOnlyError
from rathaus.organization.models import Role
from tests.factories import StaffFactory, sign_in

pytestmark = pytest.mark.django_db


def test_audit_entries_record_who_what_and_the_change(citizen):
    entry = audit_record(
        actor=citizen,
        action="user.profile_update",
        target=citizen,
        before={"language": "de"},
        after={"language": "en"},
    )

    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.actor == citizen
    assert stored.actor_label == citizen.email
    assert stored.target_type.model == "user"
    assert stored.target_id == str(citizen.pk)
    assert (stored.before, stored.after) == ({"language": "de"}, {"language": "en"})


def test_audit_entries_cannot_be_changed_or_deleted(citizen):
    entry = audit_record(actor=None, action="system.check")

    entry.action = "tampered"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="tampered")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "system.check"
    assert entry.actor_label == "system"


def test_search_filters_by_actor_action_and_object(citizen, other_citizen):
    audit_record(actor=citizen, action="case.submit", target=citizen)
    audit_record(actor=other_citizen, action="case.submit", target=other_citizen)
    audit_record(actor=citizen, action="vote.cast")

    assert audit_search(actor="citizen@").count() == 2
    assert audit_search(action="case.").count() == 2
    assert audit_search(target_type="accounts.user", target_id=str(other_citizen.pk)).count() == 1


def test_audit_page_is_for_administrators_only(client, citizen):
    admin = StaffFactory(email="root@example.org", with_totp=True, unit__role=Role.ADMINISTRATOR)
    clerk = StaffFactory(email="desk@example.org", with_totp=True)
    audit_record(actor=citizen, action="user.profile_update", target=citizen)

    sign_in(client, clerk)
    assert client.get("/backoffice/audit/").status_code == 403

    sign_in(client, admin)
    response = client.get("/backoffice/audit/?actor=citizen")
    assert response.status_code == 200
    assert "user.profile_update" in response.content.decode()
    assert "1 Eintrag" in response.content.decode()
