"""The embedded SQLite database holds concurrent use (issue 9, item 2): before, 36 of 100 writes by four users
at once failed with «database is locked» and 7 of 8 simultaneous order signatures failed. Here real threads
write at once to a SQLite file configured exactly as in production (mentoring.settings), in a child process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="the SQLite default only"
)
def test_concurrent_writers_and_signatures_all_succeed(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'school.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_LEVEL": "ERROR",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "mentoring" / "tests" / "sqlite_writers.py"), "6", "20", "8"],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["errors"] == []
    assert summary["journal_mode"] == "wal"
    assert summary["writes"] == summary["people"] == 6 * 20
    assert summary["approved"] == list(range(1, 9))  # eight signatures at once: eight numbers, none twice
    assert summary["reads"] > 0
