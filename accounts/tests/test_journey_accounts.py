"""Journeys in a real browser: Debian's Chromium driven by Playwright against the live server."""

import os

import pytest
from django.urls import reverse

from accounts import services
from accounts.models import Role, User

pytestmark = pytest.mark.browser


@pytest.fixture
def page(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test stay synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page(locale="ru-RU")
        yield page
        browser.close()


def sign_in(page, live_server, username, password="Test-pass-12345"):
    page.goto(live_server.url + reverse("accounts:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button:has-text('Войти')")


def test_coordinator_signs_in_and_finds_a_student(world, live_server, page):
    sign_in(page, live_server, "coordinator")
    assert page.locator("h1").first.inner_text() == "МБОУ «СОШ № 1»"
    page.click("nav >> text=Участники")
    page.fill("input[name=q]", "Сидоров Павел")
    page.click("button:has-text('Найти')")
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    rows.first.locator("a").click()
    assert "Сидорова Елена Андреевна" in page.content()  # the guardian on the child's card
    page.screenshot(path=str(live_server_screenshot("coordinator_child_card.png")))


def test_invited_parent_sets_a_password_and_sees_their_child(world, live_server, page):
    parent = world.persons["parent"]
    parent.user = None
    parent.save()
    _, token = services.invitation_create(person=parent, role=Role.PARENT, by=world.users["coordinator"])
    page.goto(live_server.url + reverse("accounts:invitation.accept", args=[token]))
    page.fill("#id_username", "mama")
    page.fill("#id_password1", "Sekret-Mama-2026")
    page.fill("#id_password2", "Sekret-Mama-2026")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/")
    assert "Сидоров Павел Игоревич" in page.content()
    assert User.objects.get(username="mama").check_password("Sekret-Mama-2026")
    # the same link a second time: a clear Russian page
    page.goto(live_server.url + reverse("accounts:invitation.accept", args=[token]))
    assert "Приглашение уже использовано" in page.content()


def live_server_screenshot(name):
    folder = os.path.join(os.path.dirname(__file__), "..", "..", "var", "screenshots")
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, name)
