"""Rate limits: 429 with Retry-After, JSON on machine paths, a translated page elsewhere.

The limits are settings; these tests use tiny ones (override_settings).
"""

import json

import pytest
from django.test import override_settings

from rathaus.accounts.models import TokenScope
from rathaus.accounts.tokens import api_token_create
from tests.factories import UserFactory
from tests.voting.factories import PollFactory

pytestmark = pytest.mark.django_db

TINY = {
    "quote": "2/m",
    "geodata": "2/m",
    "voting_code": "2/m",
    "proposal": "2/m",
    "comment": "2/m",
}
PROXY = "10.0.0.5"


def post_json(client, path, body, **headers):
    return client.post(path, json.dumps(body), content_type="application/json", **headers)


def assert_json_429(response, *, german=False):
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert int(response["Retry-After"]) >= 1
    detail = response.json()["detail"]
    assert ("Zu viele Anfragen" in detail) if german else ("Too many requests" in detail)


# Each endpoint with its answer while the limit is not reached: an empty quote is invalid (422),
# and without imported districts there is no district to locate a point in (503).
COMPUTING = [
    ("post", "/api/v1/childbenefit/quote", {}, 422),
    ("post", "/api/v1/dogtax/quote", {}, 422),
    ("get", "/api/v1/geodata/locate?lon=7.76&lat=49.44", None, 503),
    ("get", "/ogc/collections", None, 200),
    ("get", "/ogc/collections/districts/items?limit=1", None, 200),
]


@override_settings(RATE_LIMITS=TINY)
@pytest.mark.parametrize(("method", "path", "body", "answer"), COMPUTING)
def test_anonymous_computing_endpoints_are_limited_per_client(client, method, path, body, answer):
    def call(**meta):
        if method == "post":
            return post_json(client, path, body, HTTP_ACCEPT_LANGUAGE="en", **meta)
        return client.get(path, HTTP_ACCEPT_LANGUAGE="en", **meta)

    for _ in range(2):
        assert call().status_code == answer

    assert_json_429(call())
    assert call(REMOTE_ADDR="192.0.2.44").status_code == answer


@override_settings(RATE_LIMITS=TINY)
def test_the_429_speaks_german(client):
    for _ in range(2):
        post_json(client, "/api/v1/dogtax/quote", {})

    assert_json_429(
        post_json(client, "/api/v1/dogtax/quote", {}, HTTP_ACCEPT_LANGUAGE="de"), german=True
    )


@override_settings(RATE_LIMITS=TINY, TRUSTED_PROXIES=[PROXY])
def test_through_a_trusted_proxy_each_real_client_has_its_own_count(client):
    def call(real):
        return post_json(
            client,
            "/api/v1/dogtax/quote",
            {},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=real,
        )

    for _ in range(2):
        call("198.51.100.1")

    assert call("198.51.100.1").status_code == 429
    assert call("198.51.100.2").status_code == 422


@override_settings(RATE_LIMITS=TINY, TRUSTED_PROXIES=[])
def test_through_an_untrusted_proxy_the_peer_is_counted(client):
    for number in range(2):
        post_json(
            client,
            "/api/v1/dogtax/quote",
            {},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )

    response = post_json(
        client, "/api/v1/dogtax/quote", {}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert response.status_code == 429


@override_settings(RATE_LIMITS=TINY)
def test_voting_code_attempts_are_limited(client):
    poll = PollFactory(kind="single")
    path = f"/api/v1/polls/{poll.pk}/ballots"
    for _ in range(2):
        response = post_json(client, path, {"choices": ["a"], "code": "WRONG-CODE-1"})
        assert response.status_code == 403

    assert_json_429(
        post_json(
            client, path, {"choices": ["a"], "code": "WRONG-CODE-1"}, HTTP_ACCEPT_LANGUAGE="en"
        )
    )
    for _ in range(3):
        response = client.post(
            f"/en/votes/{poll.pk}/cast/", {"choice": "a", "code": "WRONG"}, REMOTE_ADDR="192.0.2.9"
        )
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()


@override_settings(RATE_LIMITS=TINY)
def test_proposals_and_comments_are_limited_per_account(client):
    citizen = UserFactory()
    token = {
        "HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=citizen, scope=TokenScope.WRITE)}"
    }
    body = {"process": 999999, "title": "Mehr Bänke", "text": "Am Stiftsplatz."}
    for _ in range(2):
        assert post_json(client, "/api/v1/proposals", body, **token).status_code == 404
    assert_json_429(
        post_json(client, "/api/v1/proposals", body, HTTP_ACCEPT_LANGUAGE="en", **token)
    )

    comment = {"text": "Gute Idee"}
    for _ in range(2):
        post_json(client, "/api/v1/proposals/999999/comments", comment, **token)
    assert (
        post_json(client, "/api/v1/proposals/999999/comments", comment, **token).status_code == 429
    )


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "2/m/ip", "reset_password": "2/m/ip"})
@pytest.mark.parametrize(
    ("path", "data", "answer"),
    [
        (
            "/accounts/signup/",
            {"email": "new@example.org", "password1": "x", "password2": "y"},
            200,  # the form again, with its errors
        ),
        ("/accounts/password/reset/", {"email": "someone@example.org"}, 302),
    ],
)
def test_sign_up_and_password_reset_are_limited_with_a_styled_page(client, path, data, answer):
    for _ in range(2):
        assert client.post(path, data).status_code == answer

    response = client.post(path, data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    assert int(response["Retry-After"]) == 60
    page = response.content.decode()
    assert "<h1" in page and "Too many requests" in page


REDIS_URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def redis_cache(settings):
    """Django's Redis cache on this worktree's database, as production with several processes."""
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError:
        pytest.skip("Redis is not running")
    connection.flushdb()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    yield connection
    connection.flushdb()


@override_settings(RATE_LIMITS=TINY)
def test_with_redis_the_counters_live_where_every_process_sees_them(client, redis_cache):
    for _ in range(2):
        post_json(client, "/api/v1/dogtax/quote", {})

    counters = redis_cache.keys("*rl:*")
    assert counters, "the counter is in Redis, shared by all processes"
    assert max(int(redis_cache.get(key)) for key in counters) == 2
    assert post_json(client, "/api/v1/dogtax/quote", {}).status_code == 429


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "1/h/ip"})
def test_the_429_page_speaks_german(client):
    data = {"email": "neu@example.org", "password1": "x", "password2": "y"}
    client.post("/accounts/signup/", data)

    response = client.post("/accounts/signup/", data, HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    page = response.content.decode()
    assert "Zu viele Anfragen" in page
    assert "in 60 Minuten noch einmal" in page


@override_settings(RATE_LIMITS=TINY)
def test_a_request_without_a_peer_address_is_counted_not_refused_with_500(client):
    """A WSGI server on a Unix socket gives no REMOTE_ADDR: one unknown client, still limited."""
    answers = [client.get("/ogc/collections", REMOTE_ADDR="").status_code for _ in range(3)]

    assert answers == [200, 200, 429]
