"""Sign-up, sign-in, language, staff MFA and OIDC, as a person does it in Chromium."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from rathaus.accounts.models import User
from tests.browser.helpers import sign_in
from tests.factories import PASSWORD, StaffFactory, UserFactory, current_totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_verify_by_mail_and_sign_in(page, assert_accessible):
    page.goto("/accounts/signup/")
    assert_accessible(page)
    page.get_by_label("E-Mail").fill("new.citizen@example.org")
    page.get_by_label("Passwort", exact=True).fill("Sehr-geheim-2026")
    page.get_by_label("Passwort (Wiederholung)").fill("Sehr-geheim-2026")
    page.get_by_role("button", name="Registrieren").click()

    page.wait_for_url("**/accounts/confirm-email/")
    assert_accessible(page)
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body).group(
        0
    )

    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url("**/my-account/profile/")
    expect(page.get_by_text("new.citizen@example.org", exact=True)).to_be_visible()

    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url("**/")
    page.goto("/accounts/login/")
    assert_accessible(page)
    sign_in(page, "new.citizen@example.org", password="Sehr-geheim-2026", start="")
    page.wait_for_url("**/my-account/profile/")
    expect(page.get_by_role("heading", name="Mein Konto")).to_be_visible()
    assert_accessible(page)


def test_sign_up_with_a_weak_password_explains_what_is_wrong(page):
    page.goto("/accounts/signup/")
    page.get_by_label("E-Mail").fill("weak@example.org")
    page.get_by_label("Passwort", exact=True).fill("12345")
    page.get_by_label("Passwort (Wiederholung)").fill("12345")
    page.get_by_role("button", name="Registrieren").click()

    expect(page.locator(".kern-error").first).to_be_visible()
    assert not User.objects.filter(email="weak@example.org").exists()


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/"])
def test_pages_switch_language_and_pass_axe_in_both(page, assert_accessible, path):
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "de"
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)

    page.get_by_role("button", name="Deutsch").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "de"


def test_staff_sign_in_is_forced_through_totp_setup(page, assert_accessible):
    staff = StaffFactory(email="new.clerk@example.org", with_totp=False)

    sign_in(page, staff.email, start="/backoffice/")

    page.wait_for_url("**/accounts/2fa/totp/activate/**")
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authentifizierungscode").fill(current_totp_code(secret))
    page.get_by_role("button", name="Aktivieren").click()

    page.wait_for_url("**/accounts/2fa/recovery-codes/**")
    page.get_by_role("link", name="Weiter zum Backoffice").click()
    page.wait_for_url("**/backoffice/")
    expect(page.get_by_role("heading", name="Backoffice")).to_be_visible()
    assert_accessible(page)


def test_staff_with_totp_must_enter_a_code_at_sign_in(page, assert_accessible):
    staff = StaffFactory(email="desk@example.org", with_totp=True)

    page.goto("/accounts/login/")
    page.get_by_label("E-Mail").fill(staff.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    assert_accessible(page)
    page.get_by_label("Code").fill(current_totp_code())
    page.get_by_role("button", name="Anmelden").click()

    page.wait_for_url("**/backoffice/")
    expect(page.get_by_role("heading", name="Backoffice")).to_be_visible()


def test_english_citizen_lands_in_english_after_sign_in(page):
    UserFactory(email="john@example.org", english=True)

    sign_in(page, "john@example.org")

    page.wait_for_url("**/en/my-account/profile/")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", name="My account")).to_be_visible()
