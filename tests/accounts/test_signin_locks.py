"""Sign-in locks: per account, per client address only for many accounts, proxies only trusted.

The reproducer of issue 13: ten failed sign-ins with made-up addresses from one address locked
out a correct sign-in from that address; behind a proxy that is every citizen.
"""

import pytest
from django.test import RequestFactory, override_settings

from rathaus.core.client import UNKNOWN_PEER, client_ip
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


WRONG = "wrong-password-1"


def attempt(client, email, password=WRONG, **meta):
    client.logout()
    return client.post(
        "/accounts/login/",
        {"login": email, "password": password},
        HTTP_ACCEPT_LANGUAGE="en",
        **meta,
    )


def signed_in(response) -> bool:
    return response.status_code == 302


def locked(response) -> bool:
    return response.status_code == 200 and "Too many failed login attempts" in (
        response.content.decode()
    )


def test_ten_failed_sign_ins_with_made_up_addresses_do_not_lock_out_a_correct_one(client):
    citizen = UserFactory()
    for number in range(10):
        assert not signed_in(attempt(client, f"made-up-{number}@example.org"))

    assert signed_in(attempt(client, citizen.email, PASSWORD))


def test_a_lock_for_one_account_does_not_stop_another_citizen_on_the_same_address(client):
    victim, neighbour = UserFactory(), UserFactory()
    for _ in range(5):
        attempt(client, victim.email)

    assert locked(attempt(client, victim.email, PASSWORD))
    assert signed_in(attempt(client, neighbour.email, PASSWORD))


@override_settings(LOGIN_FAILED_ACCOUNTS_PER_CLIENT=3)
def test_an_address_failing_for_many_accounts_is_locked(client):
    citizen = UserFactory()
    for number in range(3):
        attempt(client, f"guess-{number}@example.org", REMOTE_ADDR="192.0.2.10")

    assert locked(attempt(client, citizen.email, PASSWORD, REMOTE_ADDR="192.0.2.10"))
    assert signed_in(attempt(client, citizen.email, PASSWORD, REMOTE_ADDR="192.0.2.11"))


@override_settings(LOGIN_FAILED_ACCOUNTS_PER_CLIENT=3, TRUSTED_PROXIES=[PROXY])
def test_through_a_trusted_proxy_each_real_client_is_counted(client):
    citizen = UserFactory()
    for number in range(3):
        attempt(
            client,
            f"guess-{number}@example.org",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="198.51.100.1",
        )

    through = {"REMOTE_ADDR": PROXY}
    assert locked(
        attempt(client, citizen.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.1", **through)
    )
    assert signed_in(
        attempt(client, citizen.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.2", **through)
    )


@override_settings(LOGIN_FAILED_ACCOUNTS_PER_CLIENT=3, TRUSTED_PROXIES=[])
def test_through_an_untrusted_proxy_the_peer_is_counted_whatever_the_header_says(client):
    citizen = UserFactory()
    for number in range(3):
        attempt(
            client,
            f"guess-{number}@example.org",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )

    assert locked(
        attempt(
            client, citizen.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9"
        )
    )


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "expected"),
    [
        ("192.0.2.1", "", [], "192.0.2.1"),
        ("10.0.0.5", "198.51.100.7", [], "10.0.0.5"),
        ("10.0.0.5", "198.51.100.7", ["10.0.0.0/8"], "198.51.100.7"),
        ("10.0.0.5", "203.0.113.9, 198.51.100.7", ["10.0.0.0/8"], "198.51.100.7"),
        ("10.0.0.5", "198.51.100.7, 10.0.0.9", ["10.0.0.0/8"], "198.51.100.7"),
        ("10.0.0.5", "garbage", ["10.0.0.0/8"], "10.0.0.5"),
        ("192.0.2.1", "198.51.100.7", ["10.0.0.0/8"], "192.0.2.1"),
        ("2001:db8::1", "2001:db8:1::7", ["2001:db8::/64"], "2001:db8:1::7"),
        ("", "198.51.100.7", [], UNKNOWN_PEER),
        ("not an address", "", [], UNKNOWN_PEER),
    ],
)
def test_the_client_address(peer, forwarded, trusted, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)

    with override_settings(TRUSTED_PROXIES=trusted):
        assert client_ip(request) == expected
