"""OpenID Connect sign-in end to end through a real provider (oidc-provider) on loopback."""

import os
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from rathaus.accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def oidc_provider(live_server, settings):
    """Start the provider, register the live server as its client and point allauth at it."""
    callback = f"{live_server.url}/accounts/oidc/city/login/callback/"
    process = subprocess.Popen(
        ["node", str(ROOT / "tests" / "oidc_provider" / "provider.mjs")],
        env={
            **os.environ,
            "PORT": "0",
            "CLIENT_ID": "rathaus-test",
            "CLIENT_SECRET": "s3cret",
            "REDIRECT_URI": callback,
            "NODE_PATH": str(ROOT / "node_modules"),
        },
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline().strip()
    assert line.startswith("listening "), f"the provider did not start: {line!r}"
    issuer = line.removeprefix("listening ")
    settings.OIDC = {
        **settings.OIDC,
        "ENABLED": True,
        "ISSUER": issuer,
        "CLIENT_ID": "rathaus-test",
    }
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": "city",
                    "name": "BundID",
                    "client_id": "rathaus-test",
                    "secret": "s3cret",
                    "settings": {
                        "server_url": issuer,
                        "scope": ["openid", "email", "profile", "address"],
                    },
                }
            ],
        }
    }
    policy = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**policy, "form-action": [*policy["form-action"], issuer + "/"]}
    }
    yield issuer
    process.terminate()
    process.wait(timeout=10)


def test_sign_in_with_the_identity_service_stores_verified_attributes(
    page, oidc_provider, assert_accessible
):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="BundID").click()
    assert_accessible(page)
    page.get_by_role("button", name="Fortfahren").click()

    page.wait_for_url(f"{oidc_provider}/**")
    page.locator("input[name=login]").fill("erika")
    page.locator("input[name=password]").fill("any")
    page.locator("button[type=submit]").click()
    page.locator("button[type=submit]").click()  # consent: "Continue"

    page.wait_for_url("**/my-account/profile/")
    user = User.objects.get(email="erika@example.org")
    assert user.display_name == "Erika Mustermann"
    attributes = {a.name: a for a in user.verified_attributes.all()}
    assert attributes["birth_date"].value == "1964-08-12"
    assert attributes["residence"].value["municipality_key"] == "07312000"
    assert attributes["residence"].source == "oidc:city"
    assert attributes["residence"].assurance_level == "substantial"
    expect(page.get_by_role("cell", name="1964-08-12")).to_be_visible()
    expect(page.get_by_role("cell", name="oidc:city").first).to_be_visible()
    assert_accessible(page)
