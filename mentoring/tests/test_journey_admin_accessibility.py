"""The Django admin passes the same axe gate as the school's pages (WCAG 2.1 A/AA): the index, every model's
list, and the change form of a pair with its inlines — for the platform's operators, who may use a screen reader
too."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.testing.axe import axe_violations, describe
from accounts.testing.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_the_admin_passes_axe(world, live_server, page, active_pair):
    get_user_model().objects.create_superuser("operator", "operator@example.com", PASSWORD)
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "operator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    paths = [reverse("admin:index")]
    paths += [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    ]
    paths += [
        reverse("admin:mentoring_pair_change", args=[active_pair.pk]),
        reverse("admin:accounts_person_change", args=[world.persons["child"].pk]),
    ]
    problems = []
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")  # the admin's scripts (Select2) have set the page up
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)
