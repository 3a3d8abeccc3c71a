"""Work that runs after the use case's transaction commits: on a Celery worker when CELERY_BROKER_URL is set,
otherwise in a daemon thread of this process (the embedded default needs no worker). Tasks are named by
their dotted path, so the code that queues work never imports the module that does it."""

import logging
import threading
import uuid
from contextlib import contextmanager
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils.module_loading import import_string

from .logs import current_request_id, request_id_bound

logger = logging.getLogger(__name__)


def run_after_commit(task: str, *args) -> None:
    """Queue `task` (a Celery task's dotted path, e.g. "mentoring.tasks.build_pack") with JSON arguments
    (ids, never model instances)."""
    transaction.on_commit(partial(start, task, *args))


def start(task: str, *args) -> None:
    if settings.CELERY_BROKER_URL:
        from celery import current_app

        try:
            # The request id travels in the message's headers: the worker's log lines carry it (mentoring.celery).
            current_app.send_task(task, args=args, headers={"request_id": current_request_id()})
        except (
            Exception
        ):  # the use case has committed: its answer stands; /health/ready/ shows the broker down
            logger.exception("Background task %s%s could not be queued", task, args)
    elif settings.TASKS_INLINE:  # the test suite: the work is done before the response is checked
        import_string(task)(*args)
    else:
        threading.Thread(
            target=_run_in_thread,
            args=(task, current_request_id(), *args),
            name=thread_name(task, *args),
            daemon=True,
        ).start()


def thread_name(task: str, *args) -> str:
    return "-".join([task.rsplit(".", 1)[-1], *map(str, args)])


def _run_in_thread(task: str, request_id: str, *args) -> None:
    try:
        with request_id_bound(request_id):
            import_string(task)(*args)
    except Exception:  # a thread has no one to raise to
        logger.exception("Background task %s%s failed", task, args)
    finally:
        connection.close()  # the thread's own connection: nobody else would close it


@contextmanager
def exclusive(name: str, *, seconds: int):
    """Yields True to the one holder of `name` among every process that shares the cache (Redis, with several
    servers), for at most `seconds`; False to the others meanwhile."""
    key, token = f"lock:{name}", uuid.uuid4().hex
    mine = cache.add(key, token, seconds)
    try:
        yield mine
    finally:
        if mine and cache.get(key) == token:
            cache.delete(key)
