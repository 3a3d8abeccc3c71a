"""The prologue every in-process benchmark shares: Django set up on a throw-away SQLite database and media folder,
without a broker (background work runs inline), quiet logs. Import it first: `TMP = temporary_django("bench-x-")`."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def temporary_django(prefix: str) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(tmp / "media"),
            "DJANGO_SETTINGS_MODULE": "mentoring.settings",
            "LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()
    return tmp
