"""Steps many browser tests share."""

from tests.factories import PASSWORD, current_totp_code


def sign_in(page, email: str, *, password: str = PASSWORD, start: str = "/accounts/login/"):
    """Sign in through the real form; answers the TOTP step for staff made by StaffFactory."""
    if start:
        page.goto(start)
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
    if "/accounts/2fa/authenticate/" in page.url:
        page.get_by_label("Code").fill(current_totp_code())
        page.get_by_role("button", name="Anmelden").click()
        page.wait_for_load_state()
