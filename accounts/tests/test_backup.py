"""Backup and restore (issue 9, item 10): `manage.py backup` writes one archive with the database and the files,
`manage.py restore` brings both back — proved by a round trip on a SQLite file and on PostgreSQL."""

import json
import os
import socket
import subprocess
import sys
import tarfile
import uuid

import pytest
from django.conf import settings

from accounts.infra.backup import BackupError, restore_backup


def _roundtrip(tmp_path, database_url, env_extra=None):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(settings.BASE_DIR),
        **(env_extra or {}),
    }
    archive = tmp_path / "backup.tar.gz"
    result = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "accounts" / "tests" / "backup_roundtrip.py"), str(archive)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    return json.loads(result.stdout.strip().splitlines()[-1]), names


def _assert_restored(summary):
    assert summary["extra"] is False  # the person added after the backup is gone
    assert summary["mentor"] == "Иванова"  # the renamed one has her name back
    assert summary["order"] == ["1", True, True]  # the signed order and its PDF, byte for byte
    assert summary["scan"] == "%PDF-1.4 the scan"  # the uploaded file is back


def test_round_trip_on_sqlite(tmp_path):
    summary, names = _roundtrip(tmp_path, f"sqlite:///{tmp_path / 'school.sqlite3'}")
    assert "manifest.json" in names and "database.sqlite3" in names
    assert any(name.startswith("media/consents/") for name in names)
    _assert_restored(summary)


def _postgres_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _postgres_answers(), reason="no PostgreSQL on 127.0.0.1:5432")
def test_round_trip_on_postgresql(tmp_path):
    name = f"nastav_backup_{uuid.uuid4().hex[:8]}"
    admin = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-q", "-c"]
    subprocess.run([*admin, f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    try:
        summary, names = _roundtrip(tmp_path, f"postgres://postgres@127.0.0.1:5432/{name}")
        assert summary["vendor"] == "postgresql" and "database.sql" in names
        _assert_restored(summary)
    finally:
        subprocess.run([*admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], capture_output=True)


def test_an_archive_that_is_not_a_backup_is_refused(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        (tmp_path / "x.txt").write_text("x")
        archive.add(tmp_path / "x.txt", arcname="../../etc/x.txt")
    with pytest.raises(BackupError, match="недопустимый путь"):
        restore_backup(bogus)
    with pytest.raises(BackupError, match="Нет такого файла"):
        restore_backup(tmp_path / "missing.tar.gz")
