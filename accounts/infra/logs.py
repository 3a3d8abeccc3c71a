"""Log records that can be followed across servers: each carries the id of the request that caused it — in the web
process (accounts.views.request_id binds it) and in the background work the request started (the id travels with
the task, accounts.infra.background) — and with LOG_FORMAT=json each record is one JSON object per line."""

import contextvars
import logging
import re
import uuid
from contextlib import contextmanager

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
# What the proxy may hand us (nginx's $request_id is 32 hex digits); anything else is replaced, never logged.
ACCEPTED = re.compile(r"[A-Za-z0-9._-]{8,64}")


def new_request_id(incoming: str | None = None) -> str:
    return incoming if incoming and ACCEPTED.fullmatch(incoming) else uuid.uuid4().hex


def current_request_id() -> str:
    return _request_id.get()


def bind_request_id(value: str) -> contextvars.Token:
    return _request_id.set(value or "")


def unbind_request_id(token: contextvars.Token) -> None:
    _request_id.reset(token)


@contextmanager
def request_id_bound(value: str):
    token = bind_request_id(value)
    try:
        yield
    finally:
        unbind_request_id(token)


class RequestIdFilter(logging.Filter):
    """Puts `request_id` on every record ("-" outside a request and a task)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = _request_id.get() or "-"
        return True


class JsonFormatter(_JsonFormatter):
    """{"time", "level", "logger", "message", "request_id", …the record's extra fields}; Russian stays readable."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            json_ensure_ascii=False,
        )
