import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from mentoring import env

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("value", ["maybe", "2", "да"])
def test_env_bool_rejects_unclear_values(monkeypatch, value):
    monkeypatch.setenv("X_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env.env_bool("X_FLAG", False)


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("off", False), ("TRUE", True), ("", True)])
def test_env_bool_accepts_usual_spellings(monkeypatch, value, expected):
    monkeypatch.setenv("X_FLAG", value)
    assert env.env_bool("X_FLAG", True) is expected


def test_env_int_rejects_text_and_values_below_minimum(monkeypatch):
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        env.env_int("X_NUM", 1)
    monkeypatch.setenv("X_NUM", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env.env_int("X_NUM", 5, minimum=1)
    monkeypatch.setenv("X_NUM", "7")
    assert env.env_int("X_NUM", 5, minimum=1) == 7


def test_env_choice_and_list(monkeypatch):
    monkeypatch.setenv("X_LEVEL", "LOUD")
    with pytest.raises(ImproperlyConfigured, match="one of"):
        env.env_choice("X_LEVEL", "INFO", {"INFO", "DEBUG"})
    monkeypatch.setenv("X_HOSTS", " a.ru, ,b.ru ")
    assert env.env_list("X_HOSTS") == ["a.ru", "b.ru"]


def test_env_str_required(monkeypatch):
    monkeypatch.delenv("X_SECRET", raising=False)
    with pytest.raises(ImproperlyConfigured, match="X_SECRET"):
        env.env_str("X_SECRET", required=True)


def test_database_url(monkeypatch, tmp_path):
    monkeypatch.delenv("X_DB", raising=False)
    assert env.env_database("X_DB", tmp_path / "db.sqlite3")["ENGINE"] == "django.db.backends.sqlite3"
    monkeypatch.setenv("X_DB", "postgres://postgres@127.0.0.1:5432/nastav")
    config = env.env_database("X_DB", tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql" and config["NAME"] == "nastav"
    for bad in ["postgres-at-localhost", "nosuchdb://x/y"]:
        monkeypatch.setenv("X_DB", bad)
        with pytest.raises(ImproperlyConfigured, match="X_DB"):
            env.env_database("X_DB", tmp_path / "db.sqlite3")


def _manage(*args, **environ):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **environ},
        capture_output=True,
        text=True,
    )


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7!Kp2vQ9#mLr4sT8wYz1bNc6dFg3hJk5@PqRs0uVx2Za4Eb-9fGhTy7uIo0pLk",
    "ALLOWED_HOSTS": "nastavnik.example.ru",
}


def test_check_deploy_is_clean_in_production_mode():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = _manage("check", DEBUG="0", ALLOWED_HOSTS="nastavnik.example.ru")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_typo_in_debug_stops_the_start():
    result = _manage("check", DEBUG="nope")
    assert result.returncode != 0
    assert "DEBUG='nope' is not a boolean" in result.stderr
