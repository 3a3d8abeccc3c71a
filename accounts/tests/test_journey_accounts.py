"""Journeys in a real browser: Debian's Chromium driven by Playwright against the live server."""

import pytest
from django.urls import reverse

from accounts import services
from accounts.models import Role, User
from accounts.testing.axe import assert_accessible
from conftest import screenshot_path, sign_in

pytestmark = pytest.mark.browser


def test_coordinator_signs_in_and_finds_a_student(world, live_server, page):
    sign_in(page, live_server, "coordinator")
    assert page.locator("h1").first.inner_text() == "МБОУ «СОШ № 1»"
    assert_accessible(page)
    page.click("nav >> text=Школа")
    assert_accessible(page, "the home page with the «Школа» menu open")
    page.click("nav >> text=Участники")
    assert_accessible(page)
    page.fill("input[name=q]", "Сидоров Павел")
    page.click("button:has-text('Найти')")
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    assert_accessible(page)
    rows.first.locator("a").click()
    assert "Сидорова Елена Андреевна" in page.content()  # the guardian on the child's card
    assert_accessible(page)
    page.screenshot(path=screenshot_path("coordinator_child_card.png"))


def test_invited_parent_sets_a_password_and_sees_their_child(world, live_server, page):
    parent = world.persons["parent"]
    parent.user = None
    parent.save()
    _, token = services.invitation_create(person=parent, role=Role.PARENT, by=world.users["coordinator"])
    page.goto(live_server.url + reverse("accounts:invitation.accept", args=[token]))
    assert_accessible(page)
    page.fill("#id_username", "mama")
    page.fill("#id_password1", "Sekret-Mama-2026")
    page.fill("#id_password2", "Sekret-Mama-2026")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/")
    assert "Сидоров Павел Игоревич" in page.content()
    assert_accessible(page)
    assert User.objects.get(username="mama").check_password("Sekret-Mama-2026")
    # the same link a second time: a clear Russian page
    page.goto(live_server.url + reverse("accounts:invitation.accept", args=[token]))
    assert "Приглашение уже использовано" in page.content()
    assert_accessible(page)
