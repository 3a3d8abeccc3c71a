"""Building document packs in the background: on a Celery worker when CELERY_BROKER_URL is set, otherwise in a
daemon thread of the web process (the embedded default needs no worker).

Start the worker with: celery -A mentoring worker -l info -I mentoring.tasks_documents"""

import threading

from celery import shared_task
from django.conf import settings
from django.db import connection

from mentoring.documents.packs import build_pack


@shared_task
def build_pack_task(pack_id: int) -> None:
    build_pack(pack_id)


def _build_in_thread(pack_id: int) -> None:
    try:
        build_pack(pack_id)
    finally:
        connection.close()  # the thread's own connection: nobody else would close it


def thread_name(pack_id: int) -> str:
    return f"document-pack-{pack_id}"


def start_pack_build(pack_id: int) -> None:
    """Called after the pack's transaction commits; passes the id, never the model instance."""
    if settings.CELERY_BROKER_URL:
        build_pack_task.delay(pack_id)
    else:
        threading.Thread(
            target=_build_in_thread, args=(pack_id,), name=thread_name(pack_id), daemon=True
        ).start()
