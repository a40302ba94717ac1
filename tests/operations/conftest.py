"""Real peers for the scale-out settings: Redis (DB 7 by default) and an S3 protocol server.

The S3 server is moto's, started in a thread on a free loopback port; Redis is the machine's,
on the database REDIS_TEST_URL names (the tests empty it before and after).
"""

import os
import socket
import uuid

import pytest

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/7")


def database_url(name: str | None = None) -> str:
    """The URL of the test database (or of another database on the same server)."""
    from django.db import connection

    database = connection.settings_dict
    return (
        f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{name or database['NAME']}"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_url():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"No Redis at {REDIS_TEST_URL}")
    client.flushdb()
    yield REDIS_TEST_URL
    client.flushdb()


@pytest.fixture(scope="session")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


S3_KEYS = {"S3_ACCESS_KEY_ID": "rathaus-test", "S3_SECRET_ACCESS_KEY": "rathaus-test-secret"}


@pytest.fixture
def s3_bucket(s3_endpoint):
    """A fresh bucket on the S3 server; returns (endpoint, bucket name)."""
    import boto3

    name = f"rathaus-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-central-1",
        aws_access_key_id=S3_KEYS["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_KEYS["S3_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    yield s3_endpoint, name, client


def s3_storages(endpoint: str, bucket: str) -> dict:
    """The STORAGES setting as `rathaus.settings` builds it from the S3_* variables."""
    from django.conf import settings

    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": "eu-central-1",
                "access_key": S3_KEYS["S3_ACCESS_KEY_ID"],
                "secret_key": S3_KEYS["S3_SECRET_ACCESS_KEY"],
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
