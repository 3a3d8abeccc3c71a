"""Work that runs after the use case's transaction commits: on a Celery worker when CELERY_BROKER_URL is set,
otherwise in a daemon thread of this process (the embedded default needs no worker). Tasks are named by
their dotted path, so the code that queues work never imports the module that does it."""

import logging
import threading
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def run_after_commit(task: str, *args) -> None:
    """Queue `task` (a Celery task's dotted path, e.g. "mentoring.tasks.build_pack") with JSON arguments
    (ids, never model instances)."""
    transaction.on_commit(partial(start, task, *args))


def start(task: str, *args) -> None:
    if settings.CELERY_BROKER_URL:
        from celery import current_app

        current_app.send_task(task, args=args)
    elif settings.TASKS_INLINE:  # the test suite: the work is done before the response is checked
        import_string(task)(*args)
    else:
        threading.Thread(
            target=_run_in_thread, args=(task, *args), name=thread_name(task, *args), daemon=True
        ).start()


def thread_name(task: str, *args) -> str:
    return "-".join([task.rsplit(".", 1)[-1], *map(str, args)])


def _run_in_thread(task: str, *args) -> None:
    try:
        import_string(task)(*args)
    except Exception:  # a thread has no one to raise to
        logger.exception("Background task %s%s failed", task, args)
    finally:
        connection.close()  # the thread's own connection: nobody else would close it
