"""Need to know: the platform administrator reads no case, and every case read is audited."""

import pytest
from django.contrib import admin

from rathaus.accounts.models import VerifiedAttribute
from rathaus.core.models import AuditEntry
from tests.eservices import test_authorization
from tests.eservices.test_authorization import API, STAFF_GET, STAFF_POST, _url
from tests.factories import StaffFactory, platform_administrator, sign_in

pytestmark = pytest.mark.django_db

world = test_authorization.world  # the case, its receipt, notice, upload and payment


@pytest.fixture
def administrator(db):
    return platform_administrator()


@pytest.mark.parametrize("template", STAFF_GET + API)
def test_the_administrator_cannot_read_cases_uploads_or_notices(
    client, administrator, world, template
):
    sign_in(client, administrator)

    response = client.get(_url(world, template))

    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action__endswith=".read").exists()


@pytest.mark.parametrize(("template", "data"), STAFF_POST)
def test_the_administrator_cannot_act_on_cases(client, administrator, world, template, data):
    sign_in(client, administrator)

    assert client.post(_url(world, template), data).status_code == 403
    world["case"].refresh_from_db()
    assert world["case"].notes.count() == 0
    assert world["case"].status == "submitted"


def test_the_administrator_with_a_department_role_reads_that_departments_cases(
    client, administrator, world
):
    from rathaus.organization.models import Membership, Role

    Membership.objects.create(user=administrator, unit=world["case"].unit, role=Role.CLERK)
    sign_in(client, administrator)

    assert client.get(_url(world, STAFF_GET[0])).status_code == 200


def test_the_administrator_still_administers_the_platform(client, administrator):
    sign_in(client, administrator)

    assert client.get("/admin/accounts/user/").status_code == 200
    assert client.get("/backoffice/audit/").status_code == 200


def test_the_django_admin_shows_no_verified_attributes(client, administrator):
    assert not admin.site.is_registered(VerifiedAttribute)
    sign_in(client, administrator)

    assert client.get("/admin/accounts/verifiedattribute/").status_code == 404


@pytest.mark.parametrize(
    ("template", "action"),
    [
        (STAFF_GET[0], "case.read"),
        (STAFF_GET[2], "case.receipt.read"),
        (STAFF_GET[3], "case.notice.read"),
        (STAFF_GET[4], "case.upload.read"),
        (API[1], "case.read"),
    ],
)
def test_a_clerks_read_leaves_an_audit_entry(client, tax_clerk, world, template, action):
    sign_in(client, tax_clerk)

    assert client.get(_url(world, template), REMOTE_ADDR="192.0.2.7").status_code == 200

    entry = AuditEntry.objects.get(action=action)
    case = world["decided"] if "{notice}" in template else world["case"]
    assert entry.actor == tax_clerk
    assert entry.target_id == str(case.pk)
    assert entry.after["client"] == "192.0.2.7"


def test_the_audit_search_finds_a_clerks_read(client, tax_clerk, world):
    sign_in(client, tax_clerk)
    client.get(_url(world, STAFF_GET[0]))
    auditor = StaffFactory(
        email="auditor@example.org", with_totp=True, is_superuser=True, unit__role="administrator"
    )
    sign_in(client, auditor)

    page = client.get(
        "/en/backoffice/audit/",
        {"actor": tax_clerk.email, "action": "case.read", "target_id": world["case"].pk},
    ).content.decode()

    assert "case.read" in page
    assert tax_clerk.email in page
    assert world["case"].reference in page
