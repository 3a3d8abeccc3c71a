"""Typed settings from the environment.

Each helper returns the default when the variable is unset or empty and raises
ImproperlyConfigured, naming the variable, when the value cannot be understood:
a typo in production must stop the start, not silently pick a default.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    return value.strip()


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = _raw(name)
    if value is None:
        if required:
            raise ImproperlyConfigured(f"Environment variable {name} is required.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false, yes/no, on/off).")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} must be at least {minimum}.")
    return number


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: set[str]) -> str:
    value = _raw(name) or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(sorted(choices))}.")
    return value


def env_database(name: str, default_sqlite_path) -> dict:
    """SQLite file by default; any URL dj-database-url understands otherwise."""
    value = _raw(name)
    if value is None:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}
    if "://" not in value:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a database URL (postgres://user@host:5432/name)."
        )
    try:
        config = dj_database_url.parse(value, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(f"{name} cannot be parsed: {error}") from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"{name} names an unsupported database scheme.")
    return config


def env_s3_storage() -> dict | None:
    """The default storage on an S3-compatible bucket when S3_BUCKET is set (MinIO, Yandex Object Storage, AWS…),
    else None. Private: boto3 signs every request; URLs, when the app hands any out, expire after
    S3_SIGNED_URL_SECONDS (60 by default)."""
    bucket = env_str("S3_BUCKET")
    if bucket is None:
        return None
    endpoint = env_str("S3_ENDPOINT_URL")
    if endpoint is not None and not endpoint.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"S3_ENDPOINT_URL={endpoint!r} is not an http(s) address.")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint,
            "access_key": env_str("S3_ACCESS_KEY_ID"),  # unset: boto3's own chain (AWS_* variables, a role)
            "secret_key": env_str("S3_SECRET_ACCESS_KEY"),
            "region_name": env_str("S3_REGION"),
            "location": env_str("S3_PREFIX", ""),
            "addressing_style": "path" if endpoint else None,  # MinIO and most self-hosted stores
            "signature_version": "s3v4",
            "querystring_auth": True,
            "querystring_expire": env_int("S3_SIGNED_URL_SECONDS", 0, minimum=0) or 60,
            "default_acl": None,  # the bucket's own private policy: no object is ever made public
            "file_overwrite": False,  # two uploads under one name never replace each other
            "max_memory_size": 5 * 1024 * 1024,  # a bigger download spools to a temporary file
        },
    }
