"""Celery is optional: without CELERY_BROKER_URL tasks run in-process (see mentoring.tasks)."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring.settings")

app = Celery("mentoring")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

_tokens = {}


@task_prerun.connect
def _bind_request_id(task_id=None, task=None, **kwargs):
    """A task's log lines carry the id of the request that queued it (accounts.infra.background)."""
    from accounts.infra.logs import bind_request_id

    _tokens[task_id] = bind_request_id(getattr(task.request, "request_id", None) or f"task-{task_id}")


@task_postrun.connect
def _unbind_request_id(task_id=None, **kwargs):
    from accounts.infra.logs import unbind_request_id

    if task_id in _tokens:
        unbind_request_id(_tokens.pop(task_id))
