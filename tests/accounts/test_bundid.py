"""BundID sign-in over SAML against a real pysaml2 IdP on loopback (tests/saml_idp)."""

from __future__ import annotations

import copy
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.internal.statekit import STATES_SESSION_KEY
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse

from rathaus.accounts.bundid.models import SeenAssertion
from rathaus.accounts.models import User, VerifiedAttribute
from tests.saml_idp import LoopbackIdP, configure_platform, make_keypair

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def idp(tmp_path_factory):
    loopback = LoopbackIdP(tmp_path_factory.mktemp("idp"))
    yield loopback
    loopback.stop()


@pytest.fixture(scope="module")
def sp_keys(tmp_path_factory):
    directory = tmp_path_factory.mktemp("sp")
    return make_keypair(directory, "sp-signing"), make_keypair(directory, "sp-encryption")


@pytest.fixture
def bundid(settings, idp, sp_keys):
    configure_platform(settings, idp, sp_keys, site_url="http://testserver")
    return idp


def start(client) -> str:
    response = client.post(reverse("bundid_login"))
    assert response.status_code == 302
    return response["Location"]


def deliver(client, encoded: str):
    posted = client.post(reverse("bundid_acs"), {"SAMLResponse": encoded})
    assert posted.status_code == 302
    return client.get(posted["Location"])


def sign_in(client, idp, **form):
    _, encoded = idp.sign_in(start(client), **form)
    return deliver(client, encoded), encoded


def test_without_configuration_bundid_is_not_offered(client):
    assert client.get(reverse("bundid_metadata")).status_code == 404
    assert client.post(reverse("bundid_login")).status_code == 404
    page = client.get("/accounts/login/")
    assert b"bundid" not in page.content.lower()


def test_an_unreachable_idp_gives_a_page_not_an_error(client, settings, idp, sp_keys):
    configure_platform(settings, idp, sp_keys, site_url="http://testserver")
    settings.BUNDID = {**settings.BUNDID, "IDP_METADATA_URL": "http://127.0.0.1:9/metadata"}

    response = client.post(reverse("bundid_login"))

    assert response.status_code == 503
    assert "derzeit nicht möglich" in response.content.decode()


def test_metadata_names_the_acs_and_both_certificates(client, bundid):
    response = client.get(reverse("bundid_metadata"))

    assert response["Content-Type"] == "application/samlmetadata+xml"
    xml = response.content.decode()
    assert 'entityID="http://testserver/accounts/bundid/metadata/"' in xml
    assert 'Location="http://testserver/accounts/bundid/acs/"' in xml
    assert 'use="signing"' in xml
    assert 'use="encryption"' in xml
    assert 'AuthnRequestsSigned="true"' in xml
    assert 'WantAssertionsSigned="true"' in xml


def test_the_sign_in_page_offers_bundid(client, bundid):
    page = client.get("/accounts/login/")

    assert reverse("bundid_login").encode() in page.content


def test_authn_request_is_signed_and_asks_for_attributes_and_level(client, bundid):
    location = start(client)

    query = parse_qs(urlsplit(location).query)
    assert location.startswith(f"{bundid.base}/sso?")
    assert query["SigAlg"] == ["http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"]
    assert query["Signature"]
    request = bundid.server.parse_authn_request(
        query["SAMLRequest"][0],
        "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
        sigalg=query["SigAlg"][0],
        signature=query["Signature"][0],
    )
    xml = request.xmlstr.decode() if isinstance(request.xmlstr, bytes) else request.xmlstr
    assert 'Comparison="minimum"' in xml
    assert "STORK-QAA-Level-1" in xml
    assert "https://www.akdb.de/request/2018/09" in xml
    assert "urn:oid:1.3.6.1.4.1.25484.494450.3" in xml
    assert "Stadt Kaiserslautern" in xml


def test_a_new_citizen_is_created_with_verified_attributes_and_level(client, bundid):
    finished, _ = sign_in(client, bundid, level="STORK-QAA-Level-3")

    assert finished.status_code == 302
    assert finished["Location"].endswith(reverse("accounts:profile"))
    user = User.objects.get(email="erika@example.org")
    assert user.display_name == "Erika Mustermann"
    account = SocialAccount.objects.get(user=user)
    assert account.uid == "bpk2-erika"
    assert account.extra_data == {"level": "substantial", "trust_class": "STORK-QAA-Level-3"}
    attributes = {a.name: a for a in user.verified_attributes.all()}
    assert attributes["birth_date"].value == "1964-08-12"
    assert attributes["residence"].value == {
        "municipality_key": "07312000",
        "municipality": "Kaiserslautern",
        "postal_code": "67655",
    }
    assert attributes["address"].value["street_address"] == "Heinestraße 17"
    assert {a.source for a in attributes.values()} == {"bundid"}
    assert {a.assurance_level for a in attributes.values()} == {"substantial"}
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_later_basic_sign_in_lowers_the_level_and_a_move_ends_the_residence(client, bundid):
    sign_in(client, bundid, level="STORK-QAA-Level-4")
    user = User.objects.get(email="erika@example.org")
    assert user.verified_attributes.get(name="residence").assurance_level == "high"
    client.logout()

    sign_in(client, bundid, level="STORK-QAA-Level-1")
    assert user.verified_attributes.get(name="residence").assurance_level == "low"
    client.logout()

    sign_in(client, bundid, level="STORK-QAA-Level-3", locality="Mainz")
    assert not user.verified_attributes.filter(name="residence").exists()
    assert user.verified_attributes.get(name="address").value["locality"] == "Mainz"
    assert User.objects.count() == 1


def test_a_refused_sign_in_shows_why_and_creates_nothing(client, bundid):
    finished, _ = sign_in(client, bundid, outcome="refuse")

    assert finished.status_code == 403
    assert "BundID hat Ihre Anmeldung nicht bestätigt" in finished.content.decode()
    assert not User.objects.exists()
    assert not VerifiedAttribute.objects.exists()


def test_an_expired_assertion_is_refused(client, bundid):
    finished, _ = sign_in(client, bundid, expired="1")

    assert finished.status_code == 400
    assert "nicht mehr gültig" in finished.content.decode()
    assert not User.objects.exists()


def test_an_assertion_for_another_audience_is_refused(client, bundid):
    finished, _ = sign_in(client, bundid, audience="https://elsewhere.example/")

    assert finished.status_code == 400
    assert "konnte nicht geprüft werden" in finished.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize("spoiled", ["plain", "unsigned"])
def test_an_assertion_neither_encrypted_nor_signed_is_refused(client, bundid, spoiled):
    finished, _ = sign_in(client, bundid, **{spoiled: "1"})

    assert finished.status_code == 400
    assert not User.objects.exists()


def test_a_replayed_assertion_is_refused(client, bundid):
    location = start(client)
    stash = copy.deepcopy(client.session[STATES_SESSION_KEY])
    _, encoded = bundid.sign_in(location)
    assert deliver(client, encoded).status_code == 302
    client.logout()
    # Even a browser that still holds the request (a restored session) cannot use it twice.
    session = client.session
    session[STATES_SESSION_KEY] = stash
    session.save()

    again = deliver(client, encoded)

    assert again.status_code == 400
    assert "bereits verwendet" in again.content.decode()
    assert SeenAssertion.objects.count() == 1
    assert "_auth_user_id" not in client.session


def test_an_answer_to_a_request_from_another_browser_is_refused(client, bundid):
    _, encoded = bundid.sign_in(start(client))

    stranger = Client()
    finished = deliver(stranger, encoded)

    assert finished.status_code == 400
    assert "nicht in diesem Browser begonnen" in finished.content.decode()
    assert not User.objects.exists()


def test_an_unsigned_request_for_the_acs_without_answer_is_refused(client, bundid):
    response = client.post(reverse("bundid_acs"), {})

    assert response.status_code == 400
