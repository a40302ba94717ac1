import pytest

from rathaus.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_profile_shows_verified_attributes_with_source(client, citizen):
    from rathaus.accounts.services import verified_attributes_set

    verified_attributes_set(
        user=citizen,
        values={"birth_date": "1990-01-02"},
        source="oidc:city",
        assurance_level="substantial",
    )
    client.force_login(citizen)

    page = client.get("/my-account/profile/").content.decode()

    assert "1990-01-02" in page
    assert "oidc:city" in page
    assert "substanziell" in page


def test_changing_the_language_switches_the_site_and_is_audited(client, citizen):
    client.force_login(citizen)

    response = client.post(
        "/my-account/profile/edit/",
        {"display_name": "Clara C.", "language": "en", "email_notifications": "on"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/my-account/profile/"
    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.language, citizen.email_news) == ("Clara C.", "en", False)
    entry = AuditEntry.objects.get(action="user.profile_update")
    assert entry.before["language"] == "de" and entry.after["language"] == "en"
    assert "Your settings have been saved." in client.get(response["Location"]).content.decode()


def test_invalid_profile_input_changes_nothing(client, citizen):
    client.force_login(citizen)

    response = client.post("/my-account/profile/edit/", {"display_name": "x", "language": "fr"})

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert "kern-error" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.language == "de"
    assert not AuditEntry.objects.filter(action="user.profile_update").exists()


def test_failed_sign_ins_are_throttled(client, citizen):
    for _ in range(5):
        client.post("/accounts/login/", {"login": citizen.email, "password": "wrong-password"})

    response = client.post(
        "/accounts/login/", {"login": citizen.email, "password": "wrong-password"}
    )

    assert "Zu viele gescheiterte Anmeldeversuche" in response.content.decode()
