import io

import pytest
from django.core.management import CommandError, call_command

from rathaus.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def create_token(email: str) -> str:
    out = io.StringIO()
    call_command("create_api_token", email, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip().splitlines()[-1]


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
