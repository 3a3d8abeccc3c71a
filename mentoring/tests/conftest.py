"""Fixtures of the mentoring tests: the default storage on a local S3-compatible server (moto's, on loopback)."""

import uuid
from dataclasses import dataclass

import pytest


@pytest.fixture(scope="session")
def s3_endpoint():
    """A local S3-compatible server in this process, on a free loopback port (one per xdist worker)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@dataclass
class Bucket:
    client: object
    name: str

    def keys(self, prefix: str = "") -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def s3_storage(settings, s3_endpoint, monkeypatch, tmp_path) -> Bucket:
    """The default storage on a fresh private bucket, configured from the environment as in production
    (mentoring.env.env_s3_storage); MEDIA_ROOT is an empty folder that must stay empty."""
    import boto3

    from mentoring.env import env_s3_storage

    name = f"nastav-{uuid.uuid4().hex[:12]}"
    for variable, value in {
        "S3_BUCKET": name,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test-secret",
        "S3_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(variable, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test-secret",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": env_s3_storage()}
    settings.MEDIA_ROOT = tmp_path
    return Bucket(client, name)
