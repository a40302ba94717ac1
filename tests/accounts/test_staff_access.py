import pytest
from allauth.mfa.totp.internal.auth import TOTP

from tests.factories import PASSWORD, TOTP_SECRET, StaffFactory, current_totp_code

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["/backoffice/", "/en/backoffice/", "/backoffice/organization/", "/admin/"]


def sign_in(client, user, *, totp_code: str | None = None):
    client.logout()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    if totp_code is not None:
        assert response["Location"] == "/accounts/2fa/authenticate/"
        response = client.post("/accounts/2fa/authenticate/", {"code": totp_code})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


@pytest.mark.parametrize("path", STAFF_PAGES[:3])
def test_anonymous_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("path", STAFF_PAGES[:3])
def test_citizens_cannot_open_staff_pages(client, citizen, path):
    sign_in(client, citizen)

    assert client.get(path).status_code == 403


def test_citizens_cannot_open_the_admin(client, citizen):
    sign_in(client, citizen)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_without_totp_must_set_it_up_first(client, path):
    staff = StaffFactory(with_totp=False)
    sign_in(client, staff)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_staff_sign_in_asks_for_the_totp_code_and_then_opens_the_back_office(client):
    staff = StaffFactory(with_totp=True)

    sign_in(client, staff, totp_code=current_totp_code())
    response = client.get("/backoffice/")

    assert response.status_code == 200
    assert "Backoffice" in response.content.decode()


def test_a_wrong_totp_code_does_not_sign_in(client):
    staff = StaffFactory(with_totp=True)
    client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})

    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})

    assert response.status_code == 200
    assert client.get("/backoffice/").status_code == 302


def test_a_session_that_never_confirmed_a_code_must_confirm_one(client):
    staff = StaffFactory(with_totp=False)
    sign_in(client, staff)
    TOTP.activate(staff, TOTP_SECRET)  # set up elsewhere, e.g. by an administrator

    response = client.get("/backoffice/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")


def test_the_staff_navigation_link_is_only_shown_to_staff(client, citizen):
    sign_in(client, citizen)
    assert "/backoffice/" not in client.get("/").content.decode()

    staff = StaffFactory(with_totp=True)
    sign_in(client, staff, totp_code=current_totp_code())
    assert "/backoffice/" in client.get("/").content.decode()
