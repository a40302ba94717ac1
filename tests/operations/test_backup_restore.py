"""scripts/backup and scripts/restore, tried for real: a PostgreSQL database and an S3 bucket
are backed up, then restored into a new database and an empty bucket, and read back."""

import os
import subprocess
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import UserFactory
from tests.operations.conftest import S3_KEYS, database_url

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


def _run(script: str, directory: Path, url: str, endpoint: str, bucket: str) -> str:
    environment = {
        **os.environ,
        "DJANGO_ENV": "test",
        "DATABASE_URL": url,
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "eu-central-1",
        **S3_KEYS,
    }
    return subprocess.run(
        [str(ROOT / "scripts" / script), str(directory)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout


def test_a_backup_restores_into_a_new_database_and_an_empty_bucket(s3_bucket, tmp_path):
    endpoint, bucket, s3 = s3_bucket
    person = UserFactory(email="backed.up@example.org")
    s3.put_object(Bucket=bucket, Key="eservices/notices/2026/KL-1.pdf", Body=b"%PDF-notice")
    s3.put_object(Bucket=bucket, Key="dogtax/exports/2026/run.csv", Body=b"a;b\n")

    backup = tmp_path / "backup"
    output = _run("backup", backup, database_url(), endpoint, bucket)
    assert "2 files written" in output
    assert (backup / "database.dump").stat().st_size > 0

    restored_bucket = f"restored-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(
        Bucket=restored_bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    restored_database = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored_database}"')
        cursor.execute(f'CREATE DATABASE "{restored_database}"')
    try:
        output = _run("restore", backup, database_url(restored_database), endpoint, restored_bucket)
        assert "2 files restored" in output
        found = subprocess.run(
            [
                "psql",
                database_url(restored_database),
                "-tAc",
                "SELECT id FROM accounts_user WHERE email = 'backed.up@example.org'",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert found == str(person.pk)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored_database}" WITH (FORCE)')
    notice = s3.get_object(Bucket=restored_bucket, Key="eservices/notices/2026/KL-1.pdf")
    assert notice["Body"].read() == b"%PDF-notice"
    export = s3.get_object(Bucket=restored_bucket, Key="dogtax/exports/2026/run.csv")
    assert export["Body"].read() == b"a;b\n"
