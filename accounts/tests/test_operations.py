"""Running on several servers: the load balancer's probes, the request id in the log records (JSON lines) and in
the background work the request started, and one outbox delivery at a time across workers."""

import io
import json
import logging
import threading

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from accounts.infra import background
from accounts.infra.logs import JsonFormatter, RequestIdFilter, current_request_id
from accounts.infra.mail import queue_mail
from accounts.tasks import deliver_mail

REFUSED = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def _checks(response) -> dict:
    return {name.split("(")[0]: state for name, state in json.loads(response.content).items()}


def test_liveness_touches_nothing(client):
    response = client.get(reverse("health.live"))  # no django_db mark: a query would fail the test
    assert response.status_code == 200 and json.loads(response.content) == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_checks_database_cache_and_storage(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client.get(reverse("health.ready"), HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert _checks(response) == {"Database": "OK", "Cache": "OK", "Storage": "OK"}  # no broker configured
    assert list(tmp_path.rglob("*.txt")) == []  # the storage probe removes its file


@pytest.mark.django_db
def test_readiness_fails_naming_the_cache_that_does_not_answer(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REFUSED}
    }
    response = client.get(reverse("health.ready"))
    checks = _checks(response)
    assert response.status_code == 500 and checks["Database"] == "OK" and checks["Cache"] != "OK"


@pytest.mark.django_db
def test_readiness_fails_when_the_storage_cannot_write(client, settings, tmp_path):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    settings.MEDIA_ROOT = blocked
    response = client.get(reverse("health.ready"))
    assert response.status_code == 500 and _checks(response)["Storage"] != "OK"


@pytest.mark.django_db
def test_readiness_asks_the_broker_only_when_work_goes_to_celery(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.CELERY_BROKER_URL = REFUSED
    from celery import current_app

    previous = current_app.conf.broker_url
    current_app.conf.broker_url = REFUSED
    try:
        response = client.get(reverse("health.ready"))
    finally:
        current_app.conf.broker_url = previous
    assert (
        response.status_code == 500 and _checks(response)["Broker"] == "Unavailable: Broker connection failed"
    )


@pytest.fixture
def json_log():
    """The records of the request logged as in production with LOG_FORMAT=json, one JSON object per line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("accounts.access")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_a_request_gets_an_id_in_the_response_and_in_its_json_log_line(client, json_log):
    response = client.get(reverse("health.live"))
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = json_log()
    assert (
        line["request_id"] == request_id and line["logger"] == "accounts.access" and line["level"] == "INFO"
    )
    assert (line["method"], line["path"], line["status"]) == ("GET", "/health/", 200)
    assert line["duration_ms"] >= 0 and line["message"] == "GET /health/ 200"


def test_the_proxys_request_id_is_kept_and_a_doubtful_one_replaced(client, json_log):
    kept = client.get(reverse("health.live"), HTTP_X_REQUEST_ID="0123456789abcdef0123456789abcdef")
    assert kept["X-Request-ID"] == "0123456789abcdef0123456789abcdef"
    replaced = client.get(reverse("health.live"), HTTP_X_REQUEST_ID='x"}\n{"level": "ERROR')
    assert replaced["X-Request-ID"] != 'x"}\n{"level": "ERROR' and len(replaced["X-Request-ID"]) == 32
    assert [line["request_id"] for line in json_log()] == [kept["X-Request-ID"], replaced["X-Request-ID"]]


@pytest.mark.django_db
def test_a_links_token_is_not_written_to_the_log(client, json_log):
    client.get(reverse("accounts:invitation.accept", args=["a-secret-token-of-a-link"]))
    [line] = json_log()
    assert "a-secret-token-of-a-link" not in json.dumps(line)
    assert line["path"] == "/accounts/invite/<str:token>/"


def test_background_work_carries_the_id_of_the_request_that_started_it(settings, monkeypatch):
    from accounts.infra.logs import request_id_bound

    settings.TASKS_INLINE = False
    seen = []
    monkeypatch.setattr(
        background, "import_string", lambda task: lambda *args: seen.append(current_request_id())
    )
    with request_id_bound("request-in-a-thread"):
        background.start("accounts.tasks.expire_consents")
    for thread in threading.enumerate():
        if thread.name == background.thread_name("accounts.tasks.expire_consents"):
            thread.join(timeout=10)
    assert seen == ["request-in-a-thread"]

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    from celery import current_app

    sent = []
    monkeypatch.setattr(
        current_app, "send_task", lambda name, args, **options: sent.append(options["headers"])
    )
    with request_id_bound("request-to-a-worker"):
        background.start("accounts.tasks.expire_consents")
    assert sent == [{"request_id": "request-to-a-worker"}]


def test_a_broker_that_is_down_does_not_fail_the_committed_request(settings, monkeypatch, caplog):
    settings.CELERY_BROKER_URL = REFUSED
    from celery import current_app

    def refused(*args, **kwargs):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(current_app, "send_task", refused)
    background.start("mentoring.tasks.build_pack", 7)  # no exception reaches the view
    assert "mentoring.tasks.build_pack(7,) could not be queued" in caplog.text


@pytest.mark.django_db
def test_one_outbox_delivery_at_a_time_across_workers(django_capture_on_commit_callbacks):
    """While another worker holds the outbox (the lock in the shared cache), a delivery sends nothing; the letter
    goes out once, with the next delivery."""
    with django_capture_on_commit_callbacks(execute=False):
        queue_mail(
            "invitation", "parent@example.ru", {"link": "https://example.ru/x", "organization": "Школа"}
        )
    assert cache.add("lock:mail-outbox", "another worker", 60)
    deliver_mail()
    assert mail.outbox == []
    cache.delete("lock:mail-outbox")
    deliver_mail()
    deliver_mail()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["parent@example.ru"]
    assert cache.get("lock:mail-outbox") is None  # released after the delivery
