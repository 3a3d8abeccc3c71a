"""The Content-Security-Policy in a real browser (issue 9, item 11): the vendored Bootstrap, htmx and our own
script run under it without a single violation — the inline plan editing (htmx), the menus, a confirmation."""

from datetime import date

import pytest
from django.urls import reverse

from conftest import sign_in
from mentoring import services
from mentoring.models import IndividualPlan

pytestmark = pytest.mark.browser


def test_pages_work_under_the_policy_without_violations(world, live_server, page, active_pair):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    plan = services.plan_save(
        plan=IndividualPlan(
            pair=active_pair,
            mentee=world.persons["child"],
            start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 29),
        ),
        by=world.users["mentor"],
    )
    sign_in(page, live_server, "mentor")
    page.goto(live_server.url + reverse("mentoring:plan.detail", args=[plan.pk]))
    page.click("text=Добавить мероприятие")  # htmx swaps the row's form in
    page.fill("input[name='activity']", "Знакомство")
    page.fill("input[name='period']", "октябрь")
    page.click("button:has-text('Сохранить')")
    page.wait_for_selector("text=Знакомство")
    page.click("text=Мои пары")  # Bootstrap's collapse and menus
    assert violations == []
    assert "script-src 'self'" in page.request.get(live_server.url + "/").headers["content-security-policy"]
