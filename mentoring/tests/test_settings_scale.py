"""Settings for several app servers, read from the environment of a fresh process (as a server starts): files on
S3-compatible storage, sessions and counters in Redis, JSON logs — and nothing of it without configuration."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = """
import json, logging
from django.conf import settings
logging.getLogger("mentoring").warning("подпись приказа")
print(json.dumps({
    "storage": settings.STORAGES["default"],
    "session": settings.SESSION_ENGINE,
    "cache": settings.CACHES["default"]["BACKEND"],
    "signed": settings.S3_SIGNED_URL_SECONDS,
    "exempt": getattr(settings, "SECURE_REDIRECT_EXEMPT", []),
}))
"""
SCALE_VARIABLES = {
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_REGION",
    "S3_PREFIX",
    "S3_SIGNED_URL_SECONDS",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "LOG_FORMAT",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
}


def _settings(**environ):
    clean = {k: v for k, v in os.environ.items() if k not in SCALE_VARIABLES | {"DATABASE_URL"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW],
        cwd=ROOT,
        env={**clean, **environ},
        capture_output=True,
        text=True,
    )
    return result


def test_nothing_configured_keeps_one_server_on_local_files():
    result = _settings()
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["storage"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert shown["session"] == "django.contrib.sessions.backends.db" and shown["signed"] == 0
    assert shown["cache"] == "django.core.cache.backends.filebased.FileBasedCache"  # shared by the workers
    assert "подпись приказа" in result.stderr and not result.stderr.lstrip().startswith("{")


def test_the_shared_services_come_from_the_environment():
    result = _settings(
        S3_BUCKET="nastav-files",
        S3_ENDPOINT_URL="http://minio:9000",
        S3_ACCESS_KEY_ID="key",
        S3_SECRET_ACCESS_KEY="secret",
        S3_REGION="ru-central1",
        S3_SIGNED_URL_SECONDS="45",
        REDIS_URL="redis://redis:6379/1",
        LOG_FORMAT="json",
        DEBUG="0",
        SECRET_KEY="x7!Kp2vQ9#mLr4sT8wYz1bNc6dFg3hJk5@PqRs0uVx2Za4Eb-9fGhTy7uIo0pLk",
        ALLOWED_HOSTS="nastavnik.example.ru",
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    options = shown["storage"]["OPTIONS"]
    assert shown["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert (options["bucket_name"], options["endpoint_url"], options["region_name"]) == (
        "nastav-files",
        "http://minio:9000",
        "ru-central1",
    )
    assert (options["access_key"], options["secret_key"]) == ("key", "secret")
    assert options["querystring_auth"] is True and options["querystring_expire"] == 45 == shown["signed"]
    assert options["default_acl"] is None and options["file_overwrite"] is False
    assert shown["session"] == "django.contrib.sessions.backends.cached_db"
    assert shown["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["exempt"] == ["^health/"]  # the balancer's probes are not redirected to HTTPS
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert (line["message"], line["level"], line["logger"], line["request_id"]) == (
        "подпись приказа",
        "WARNING",
        "mentoring",
        "-",
    )


def test_a_doubtful_storage_address_stops_the_start():
    result = _settings(S3_BUCKET="nastav-files", S3_ENDPOINT_URL="minio:9000")
    assert (
        result.returncode != 0 and "S3_ENDPOINT_URL='minio:9000' is not an http(s) address" in result.stderr
    )
    result = _settings(LOG_FORMAT="xml")
    assert result.returncode != 0 and "LOG_FORMAT='xml' must be one of: json, text" in result.stderr
