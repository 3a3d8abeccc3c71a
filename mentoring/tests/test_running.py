"""Issue 15, item 17: `make run` shows what a school sees — DEBUG off with Russian error pages, static files
served, the port settable and printed; `make dev` keeps DEBUG for debugging; WeasyPrint's HarfBuzz warning is
filtered."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def test_404_is_russian_without_the_url_list(production, world, client):
    response = world.client(client, "coordinator").get("/no-such-page/")
    text = response.content.decode()
    assert response.status_code == 404
    assert "Страница не найдена" in text and "URLconf" not in text and "Page not found" not in text


def test_403_is_russian(production, world, client):
    response = world.client(client, "mentor").get(reverse("mentoring:consent.tracker"))
    assert response.status_code == 403 and "Доступ запрещён" in response.content.decode()


def test_400_is_russian_for_a_foreign_host(production, db):
    response = Client().get("/", HTTP_HOST="evil.example")
    text = response.content.decode()
    assert response.status_code == 400
    assert "Неверный запрос" in text and "Bad Request" not in text


def test_a_stale_form_gets_a_russian_csrf_page(production, world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("mentoring:consent.request_all"), {})
    text = response.content.decode()
    assert response.status_code == 403
    assert "Форма устарела" in text and "CSRF verification failed" not in text


def test_the_500_page_needs_no_inline_style(rf):
    from mentoring.views.errors import error_500

    text = error_500(rf.get("/")).content.decode()
    assert "Произошла ошибка на сервере" in text
    assert "style=" not in text and "<style" not in text  # the CSP allows no inline style sheet
    assert "/static/vendor/bootstrap/bootstrap.min" in text


def make_dry_run(*args: str) -> str:
    result = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_make_run_serves_with_debug_off_on_the_port_asked_and_says_so():
    commands = make_dry_run("run", "PORT=8080")
    server = next(line for line in commands.splitlines() if "runserver" in line)
    assert "DEBUG=0" in server and server.rstrip().endswith("runserver 127.0.0.1:8080")
    assert "SECURE_COOKIES=0" in server and "SECURE_SSL_REDIRECT=0" in server  # plain http on this computer
    assert "SITE_URL=http://127.0.0.1:8080" in server
    assert "collectstatic" in commands  # whitenoise serves the static files with DEBUG off
    assert "Открывайте http://127.0.0.1:8080/" in commands
    assert "SITE_URL=http://127.0.0.1:8080 make" in commands  # the demo's banner names the same port
    default = make_dry_run("run")
    assert "runserver 127.0.0.1:8000" in default and "8080" not in default


def test_make_dev_keeps_debug_on():
    server = next(line for line in make_dry_run("dev", "PORT=9000").splitlines() if "runserver" in line)
    assert "DEBUG=1" in server and server.rstrip().endswith("runserver 127.0.0.1:9000")


def test_the_demo_banner_prints_the_site_url(settings):
    from mentoring.management.commands.demo_data import Command

    settings.SITE_URL = "http://127.0.0.1:8080"
    out = io.StringIO()
    Command(stdout=out).print_logins()
    assert "http://127.0.0.1:8080/" in out.getvalue() and "8000" not in out.getvalue()


def test_weasyprints_harfbuzz_warning_is_filtered():
    """The settings filter the warning WeasyPrint gives when libharfbuzz-subset is missing (simulated: this
    machine has the library), and only that one."""
    code = (
        "import warnings, django; django.setup()\n"
        "warnings.warn('HarfBuzz-Subset will be required by future versions of WeasyPrint. "
        "Please install this library with your package manager.', DeprecationWarning)\n"
        "warnings.warn('another deprecation', DeprecationWarning)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mentoring.settings", "PYTHONWARNINGS": "default"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "HarfBuzz" not in result.stderr
    assert re.search(r"DeprecationWarning: another deprecation", result.stderr)


@pytest.mark.parametrize("value, secure", [("0", False), (None, True)])
def test_cookies_lose_the_secure_flag_only_when_asked(value, secure):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "mentoring.settings",
    }
    env.pop("SECURE_COOKIES", None)
    if value is not None:
        env["SECURE_COOKIES"] = value
    code = (
        "from django.conf import settings; print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.split() == [str(secure)] * 2, result.stderr
