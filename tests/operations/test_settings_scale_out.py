"""Each scale-out setting against its real engine: Redis cache and sessions, the RQ task queue
with a real worker process, S3 object storage, and the settings module's switches."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings

from tests.operations.conftest import S3_KEYS, s3_storages

ROOT = Path(__file__).resolve().parents[2]


def _settings_of(**variables) -> dict:
    """Selected settings as `rathaus.settings` computes them from the given environment."""
    code = (
        "import json, rathaus.settings as s; print(json.dumps({'tasks': s.TASKS, 'cache': "
        "s.CACHES['default']['BACKEND'], 'session': s.SESSION_ENGINE, 'storage': "
        "s.STORAGES['default'], 'rq': getattr(s, 'RQ_QUEUES', None), 'log': s.LOG_FORMAT}))"
    )
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"TASKS_URL", "CACHE_URL", "S3_BUCKET", "SESSION_ENGINE", "LOG_FORMAT"}
    }
    environment.update(DJANGO_ENV="development", PYTHONPATH=str(ROOT / "src"), **variables)
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def test_the_defaults_stay_embedded():
    chosen = _settings_of()
    assert chosen["tasks"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert chosen["cache"].endswith("FileBasedCache")
    assert chosen["session"] == "django.contrib.sessions.backends.db"
    assert chosen["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert chosen["rq"] is None
    assert chosen["log"] == "text"


def test_each_variable_switches_its_engine():
    chosen = _settings_of(
        TASKS_URL="redis://127.0.0.1:6379/7",
        CACHE_URL="redis://127.0.0.1:6379/7",
        S3_BUCKET="rathaus",
        S3_ENDPOINT_URL="http://127.0.0.1:9000",
        LOG_FORMAT="json",
    )
    assert chosen["tasks"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert chosen["rq"]["default"]["URL"] == "redis://127.0.0.1:6379/7"
    assert chosen["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert chosen["session"] == "django.contrib.sessions.backends.cached_db"
    assert chosen["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert chosen["storage"]["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9000"
    assert chosen["storage"]["OPTIONS"]["file_overwrite"] is False
    assert chosen["log"] == "json"


def _redis_cache(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "test",
        }
    }


@pytest.mark.django_db
def test_sessions_and_sign_in_throttle_live_in_redis(client, citizen, password, redis_url):
    import redis

    keys = redis.Redis.from_url(redis_url)
    with override_settings(
        CACHES=_redis_cache(redis_url),
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    ):
        response = client.post(
            "/accounts/login/", {"login": citizen.email, "password": "wrong password"}
        )
        assert response.status_code == 200
        assert any(
            b":allauth:rl:allauth.account:login_failed:" in key for key in keys.keys("test:*")
        )

        client.post("/accounts/login/", {"login": citizen.email, "password": password})
        session_key = client.cookies["sessionid"].value
        assert any(session_key.encode() in key for key in keys.keys("test:*"))
        assert client.get("/my-account/profile/").status_code == 200


def test_rq_worker_process_runs_an_enqueued_task(redis_url):
    from django_tasks import task_backends

    from tests.operations.tasks_for_workers import add

    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
        RQ_QUEUES={"default": {"URL": redis_url}},
    ):
        result = add.enqueue(2, 40)
        environment = {
            **os.environ,
            "DJANGO_ENV": "test",
            "TASKS_URL": redis_url,
            "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}",
        }
        subprocess.run(
            [sys.executable, "manage.py", "run_worker", "--burst"],
            cwd=ROOT,
            env=environment,
            check=True,
            timeout=120,
            capture_output=True,
        )
        finished = task_backends["default"].get_result(result.id)
        assert finished.status.name == "SUCCESSFUL"
        assert finished.return_value == 42


@pytest.mark.django_db
def test_files_round_trip_through_the_s3_server(s3_bucket, citizen):
    from django.core.files.storage import default_storage

    from tests.factories import UserFactory  # noqa: F401 (the citizen fixture's factory)

    endpoint, bucket, client = s3_bucket
    with override_settings(STORAGES=s3_storages(endpoint, bucket)):
        first = default_storage.save("eservices/notices/2026/notice.pdf", ContentFile(b"%PDF-1"))
        second = default_storage.save("eservices/notices/2026/notice.pdf", ContentFile(b"%PDF-2"))
        assert first != second, "a second file of the same name must not replace the first"
        stored = {item["Key"] for item in client.list_objects_v2(Bucket=bucket)["Contents"]}
        assert stored == {first, second}
        with default_storage.open(first, "rb") as handle:
            assert handle.read() == b"%PDF-1"
        default_storage.delete(second)
        assert not default_storage.exists(second)
    assert S3_KEYS["S3_ACCESS_KEY_ID"]


def test_the_storage_outbox_hands_cases_over_through_the_bucket(s3_bucket):
    from rathaus.eservices.outboxes import Parcel, outbox_for

    endpoint, bucket, client = s3_bucket
    with override_settings(STORAGES=s3_storages(endpoint, bucket)):
        outbox = outbox_for("storage")
        outbox.deliver(Parcel("KL-2026-000007", {"v": 1}, [("old.pdf", b"%PDF-old")]))
        outbox.deliver(Parcel("KL-2026-000007", {"v": 2}, [("../notice.pdf", b"%PDF-new")]))
    stored = {item["Key"] for item in client.list_objects_v2(Bucket=bucket)["Contents"]}
    assert stored == {"outbox/KL-2026-000007/case.json", "outbox/KL-2026-000007/notice.pdf"}
    case = client.get_object(Bucket=bucket, Key="outbox/KL-2026-000007/case.json")
    assert json.loads(case["Body"].read()) == {"v": 2}


def test_the_storage_outbox_works_on_the_local_disk_too(settings, tmp_path):
    from rathaus.eservices.outboxes import Parcel, outbox_for

    settings.MEDIA_ROOT = str(tmp_path)
    outbox = outbox_for("storage")
    outbox.deliver(Parcel("KL-2026-000008", {"v": 1}, [("a.pdf", b"%PDF-a")]))
    outbox.deliver(Parcel("KL-2026-000008", {"v": 2}, [("b.pdf", b"%PDF-b")]))
    folder = tmp_path / "outbox" / "KL-2026-000008"
    assert sorted(path.name for path in folder.iterdir()) == ["b.pdf", "case.json"]
