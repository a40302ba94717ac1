import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from rathaus.accounts.models import ApiToken, TokenScope
from rathaus.accounts.tokens import TokenRefused, api_token_create
from tests.factories import StaffFactory, sign_in

pytestmark = pytest.mark.django_db


def create_token(email: str, *options: str) -> str:
    out = io.StringIO()
    call_command("create_api_token", email, *options, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip().splitlines()[-1]


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_token_authenticates_as_its_account(client, citizen):
    token = create_token(citizen.email)

    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 200
    assert response.json()["email"] == citizen.email
    assert response.json()["is_staff"] is False


def test_only_a_digest_of_the_token_is_stored(citizen):
    token = create_token(citizen.email)

    stored = ApiToken.objects.get(user=citizen)
    assert token not in stored.digest
    assert len(stored.digest) == 64


def test_wrong_revoked_or_missing_tokens_are_refused(client, citizen):
    token = create_token(citizen.email)
    ApiToken.objects.filter(user=citizen).update(revoked_at="2026-01-01T00:00:00Z")

    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer rh_guess").status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_unknown_email_is_a_clear_error():
    with pytest.raises(CommandError, match="No active account"):
        create_token("nobody@example.org")


def test_openapi_document_is_published(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Rathaus API"
    assert "/api/v1/me" in response.json()["paths"]


def test_a_staff_token_is_not_made_without_totp():
    staff = StaffFactory(with_totp=False)

    with pytest.raises(CommandError, match="TOTP"):
        create_token(staff.email)
    with pytest.raises(TokenRefused):
        api_token_create(user=staff)
    assert not ApiToken.objects.exists()


def test_a_staff_token_of_an_account_without_totp_is_refused_with_a_clear_json_403(client):
    staff = StaffFactory(with_totp=True)
    token = create_token(staff.email)
    staff.authenticator_set.all().delete()

    response = client.get("/api/v1/cases", **bearer(token), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/json")
    assert "two-factor authentication (TOTP)" in response.json()["detail"]


def test_a_staff_token_with_totp_reads_the_departments_cases(client):
    staff = StaffFactory(with_totp=True)
    token = create_token(staff.email)

    assert client.get("/api/v1/cases", **bearer(token)).status_code == 200


def test_a_read_only_token_is_refused_on_writes(client, citizen):
    token = create_token(citizen.email)
    writer = create_token(citizen.email, "--scope", "write")

    assert ApiToken.objects.get(digest__isnull=False, scope=TokenScope.READ)
    refused = client.post("/api/v1/proposals/999999/support", **bearer(token))
    allowed = client.post("/api/v1/proposals/999999/support", **bearer(writer))

    assert refused.status_code == 403
    assert "nur lesen" in refused.json()["detail"]
    assert allowed.status_code == 404
    assert client.get("/api/v1/me", **bearer(token)).status_code == 200


@override_settings(API_TOKEN_DAYS=3)
def test_tokens_expire_after_the_configured_days(client, citizen):
    token = create_token(citizen.email)
    record = ApiToken.objects.get(user=citizen)

    assert record.expires_at.date() == (timezone.now() + timedelta(days=3)).date()
    ApiToken.objects.filter(pk=record.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get("/api/v1/me", **bearer(token)).status_code == 401


def test_the_profile_lists_tokens_with_the_day_of_last_use_and_revokes_them(client, citizen):
    token = create_token(citizen.email, "--name", "Kalender-Sync")
    client.get("/api/v1/me", **bearer(token))
    record = ApiToken.objects.get(user=citizen)
    sign_in(client, citizen)

    page = client.get("/en/my-account/profile/").content.decode()
    assert "Kalender-Sync" in page
    assert "read only" in page
    assert record.last_used_on == timezone.now().date()
    assert f"{record.last_used_on:%m/%d/%Y}" in page

    response = client.post(f"/en/my-account/profile/tokens/{record.pk}/revoke/")

    assert response.status_code == 302
    assert "Kalender-Sync" not in client.get("/en/my-account/profile/").content.decode()
    client.logout()
    assert client.get("/api/v1/me", **bearer(token)).status_code == 401


def test_nobody_revokes_another_persons_token(client, citizen, other_citizen):
    create_token(citizen.email)
    record = ApiToken.objects.get(user=citizen)
    sign_in(client, other_citizen)

    assert client.post(f"/my-account/profile/tokens/{record.pk}/revoke/").status_code == 404
    record.refresh_from_db()
    assert record.revoked_at is None
