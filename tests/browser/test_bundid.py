"""BundID sign-in in Chromium through the loopback SAML IdP, then a residents' vote that requires
the level "substantial": a citizen signed in at that level votes; the same citizen signed in
again with a basic account cannot, and is told why."""

import pytest
from playwright.sync_api import expect

from rathaus.accounts.models import User
from rathaus.voting.models import Ballot
from tests.saml_idp import LoopbackIdP, configure_platform, make_keypair
from tests.voting.factories import PollFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bundid(settings, live_server, tmp_path):
    idp = LoopbackIdP(tmp_path)
    keys = make_keypair(tmp_path, "sp-signing"), make_keypair(tmp_path, "sp-encryption")
    configure_platform(settings, idp, keys, site_url=live_server.url)
    yield idp
    idp.stop()


def sign_in_with_bundid(page, level: str, *, outcome: str = "success"):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="BundID").click()
    page.get_by_role("button", name="Fortfahren").click()
    page.get_by_label("Vertrauensniveau").select_option(level)
    page.get_by_label("Ergebnis").select_option(outcome)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()


def test_substantial_votes_basic_is_told_why(page, bundid, assert_accessible):
    poll = PollFactory(kind="yes_no", eligibility="residents", title_de="Autofreie Sonntage?")
    second = PollFactory(kind="yes_no", eligibility="residents", title_de="Mehr Bäume am Markt?")
    assert poll.min_assurance == "substantial"

    page.goto("/accounts/login/")
    assert_accessible(page)
    sign_in_with_bundid(page, "STORK-QAA-Level-3")
    page.wait_for_url("**/my-account/profile/")
    user = User.objects.get(email="erika@example.org")
    assert user.verified_attributes.get(name="residence").assurance_level == "substantial"

    page.goto(f"/votes/{poll.pk}/ballot/")
    page.get_by_role("group", name="Autofreie Sonntage?").get_by_role("radio", name="Ja").check()
    page.get_by_role("button", name="Meine Stimme prüfen").click()
    page.get_by_role("button", name="Stimme abgeben").click()
    expect(page.get_by_role("heading", name="Ihre Stimme wurde abgegeben")).to_be_visible()
    assert Ballot.objects.filter(poll=poll).count() == 1

    page.get_by_role("banner").get_by_role("button", name="Abmelden").click()
    page.wait_for_load_state()
    sign_in_with_bundid(page, "STORK-QAA-Level-1")
    page.wait_for_url("**/my-account/profile/")
    assert User.objects.count() == 1
    assert user.verified_attributes.get(name="residence").assurance_level == "low"

    page.goto(f"/votes/{second.pk}/ballot/")
    alert = page.get_by_role("alert")
    expect(alert.get_by_text("Sie können hier nicht abstimmen")).to_be_visible()
    expect(alert).to_contain_text("mindestens das Vertrauensniveau „substanziell“")
    expect(alert).to_contain_text("Online-Ausweis")
    assert_accessible(page)
    assert not Ballot.objects.filter(poll=second).exists()


def test_a_refused_sign_in_shows_a_page_that_says_so(page, bundid, assert_accessible):
    sign_in_with_bundid(page, "STORK-QAA-Level-3", outcome="refuse")

    expect(page.get_by_role("heading", name="Anmeldung mit BundID fehlgeschlagen")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("nicht bestätigt")
    assert_accessible(page)
    assert not User.objects.exists()
