"""Sign-in, password reset and the link pages are throttled (issue 9, item 3), with counters in the cache that
every worker process shares, and X-Forwarded-For is believed only from our own proxy."""

import os
import subprocess
import sys

from django.conf import settings
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from accounts.views.web import client_ip, count_hit
from conftest import PASSWORD, delivered

LOGIN = reverse("accounts:login")


def test_forty_wrong_passwords_then_the_right_one_is_refused(world, client):
    for _ in range(40):
        response = client.post(LOGIN, {"username": "director", "password": "wrong-password"})
    assert response.status_code == 429
    assert "Вход временно заблокирован" in response.content.decode()
    response = client.post(LOGIN, {"username": "director", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    from axes.models import AccessAttempt  # without Redis the counters are in the database every worker reads

    assert AccessAttempt.objects.filter(username="director").exists()


def test_the_lockout_starts_at_the_configured_limit_and_spares_other_visitors(world, client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(LOGIN, {"username": "mentor", "password": "nope"}).status_code == 200
    assert client.post(LOGIN, {"username": "mentor", "password": "nope"}).status_code == 429
    # The same login from another address (another teacher's computer) still signs in.
    response = client.post(LOGIN, {"username": "mentor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 302


def test_the_admin_login_is_throttled_too(world, client):
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "coordinator", "password": "nope", "next": "/admin/"})
    response = client.post(url, {"username": "coordinator", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 429


def test_twenty_reset_requests_for_one_address_send_three_letters(world, client):
    url = reverse("accounts:password.reset")
    for n in range(20):
        response = client.post(url, {"email": "director@example.com"}, REMOTE_ADDR=f"198.51.100.{n}")
        assert response.status_code == 302  # always «sent»: whether an address is known is never told
    assert len(delivered()) == settings.PASSWORD_RESET_PER_ADDRESS
    assert all(m.to == ["director@example.com"] for m in mail.outbox)


def test_one_visitor_cannot_request_resets_without_end(world, client):
    url = reverse("accounts:password.reset")
    for n in range(settings.PASSWORD_RESET_PER_VISITOR):
        client.post(url, {"email": f"nobody{n}@example.com"})
    response = client.post(url, {"email": "director@example.com"})
    assert response.status_code == 429 and "Слишком много" in response.content.decode()
    assert not delivered()


def test_x_forwarded_for_is_ignored_unless_it_comes_from_our_proxy(settings):
    settings.BEHIND_PROXY = True
    factory = RequestFactory()
    direct = factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert client_ip(direct) == "203.0.113.9"  # a visitor cannot pick another address to dodge the limit
    proxied = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_ip(proxied) == "203.0.113.9"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(proxied) == "127.0.0.1"
    settings.BEHIND_PROXY = False
    assert client_ip(factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1")) == "10.0.0.2"


def test_the_counters_are_shared_by_separate_worker_processes():
    """Another process (a second gunicorn worker) sees the count this one made: the cache is not per process."""
    assert "locmem" not in settings.CACHES["default"]["BACKEND"]
    for _ in range(3):
        count_hit("shared", "198.51.100.7", 600)
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mentoring.settings'); django.setup();"
        "from accounts.views.web import count_hit; print(count_hit('shared', '198.51.100.7', 600))"
    )
    environment = {**os.environ, "CACHE_DIR": settings.CACHES["default"]["LOCATION"]}  # this test run's cache
    other = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other.stdout.strip().splitlines()[-1] == "4", other.stderr[-2000:]
