"""Journeys in a real browser: Debian's Chromium driven by Playwright against the live server."""

import pytest
from django.urls import reverse

from accounts import services
from accounts.models import Role, User
from conftest import screenshot_path, sign_in

pytestmark = pytest.mark.browser


def test_coordinator_signs_in_and_finds_a_student(world, live_server, page):
    sign_in(page, live_server, "coordinator")
    assert page.locator("h1").first.inner_text() == "МБОУ «СОШ № 1»"
    page.click("nav >> text=Школа")
    page.click("nav >> text=Участники")
    page.fill("input[name=q]", "Сидоров Павел")
    page.click("button:has-text('Найти')")
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    rows.first.locator("a").click()
    assert "Сидорова Елена Андреевна" in page.content()  # the guardian on the child's card
    page.screenshot(path=screenshot_path("coordinator_child_card.png"))


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
