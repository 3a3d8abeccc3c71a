"""Issue 15 in a real browser, at a laptop's 1366 px and a phone's 390 px: a suspended pair resumes (item 1),
a pair goes into one open pairs order (item 6), the plan's row is usable on a phone (item 12, plans)."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.testing.axe import assert_accessible, sideways_overflow
from conftest import give_consents, make_bases, screenshot_path, sign_in
from mentoring import services
from mentoring.models import IndividualPlan, Order, Pair
from mentoring.tests.factories import add_item, make_pair

pytestmark = pytest.mark.browser

SIZES = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", SIZES)
def test_a_suspended_pair_is_resumed_from_its_page(world, live_server, page, active_pair, size):
    give_consents(world.persons["mentor"], world.persons["child"])
    services.consent_withdraw(
        subject=world.persons["child"], kinds=["personal_data"], by=world.users["parent"]
    )
    give_consents(world.persons["child"], kinds=("personal_data",))  # the parent signed again
    page.set_viewport_size(SIZES[size])
    sign_in(page, live_server, "coordinator")
    page.goto(live_server.url + reverse("mentoring:pair.detail", args=[active_pair.pk]))
    expect(page.locator("[data-suspended]")).to_contain_text("можно возобновить")
    assert sideways_overflow(page) <= 0
    assert_accessible(page, f"the suspended pair at {size} px")
    page.screenshot(path=screenshot_path(f"issue15_pair_suspended_{size}.png"), full_page=True)
    page.fill("[data-suspended] textarea[name=reason]", "Мама подписала согласие заново")
    page.click("[data-suspended] button:has-text('Возобновить работу пары')")
    expect(page.locator("[data-pair-history]")).to_contain_text(
        "Возобновлена: Мама подписала согласие заново"
    )
    assert Pair.objects.get(pk=active_pair.pk).status == Pair.Status.ACTIVE
    assert sideways_overflow(page) <= 0
    page.screenshot(path=screenshot_path(f"issue15_pair_resumed_{size}.png"), full_page=True)


@pytest.mark.parametrize("size", SIZES)
def test_a_pair_goes_into_one_open_pairs_order(world, live_server, page, programme, agreed_pair, size):
    make_bases(world)
    give_consents(world.persons["child"])
    second = make_pair(
        programme,
        form="teacher_pupil",
        mentor=world.persons["mentor"],
        mentees=[world.persons["child"]],
        by=world.users["coordinator"],
        stage="agreed",
    )
    page.set_viewport_size(SIZES[size])
    sign_in(page, live_server, "coordinator")
    page.goto(live_server.url + reverse("mentoring:order.create") + "?kind=pairs")
    picker = page.locator("#div_id_pairs")
    expect(picker).to_contain_text("Иванова М.П. → Петров И.С. — Учитель – учитель")
    expect(picker).to_contain_text("Иванова М.П. → Сидоров П.И. — Учитель – ученик")
    assert sideways_overflow(page) <= 0
    page.screenshot(path=screenshot_path(f"issue15_order_picker_{size}.png"), full_page=True)
    page.select_option("#id_programme", str(programme.pk))
    page.check(f"input[name=pairs][value='{agreed_pair.pk}']")
    page.click("input[type=submit]")
    expect(page.locator("h1")).to_contain_text("Об утверждении наставнических пар")
    order = Order.objects.get()
    # The pair is in the draft: the picker no longer offers it and says why; the other pair is still there.
    page.goto(live_server.url + reverse("mentoring:order.create") + "?kind=pairs")
    expect(picker).not_to_contain_text("Петров И.С.")
    expect(picker).to_contain_text("Сидоров П.И.")
    expect(picker).to_contain_text("уже в неподписанном проекте приказа")
    assert second.pk != agreed_pair.pk
    # The register: created date, author and the number of pairs.
    page.goto(live_server.url + reverse("mentoring:order.list"))
    row = page.locator(
        "tr", has=page.locator(f"a[href='{reverse('mentoring:order.detail', args=[order.pk])}']")
    )
    expect(row).to_contain_text("Зерщикова А.Н.")
    assert sideways_overflow(page) <= 0
    assert_accessible(page, f"the order register at {size} px")
    page.screenshot(path=screenshot_path(f"issue15_order_register_{size}.png"), full_page=True)


def test_the_plan_is_usable_on_a_phone(world, live_server, page, active_pair):
    plan = services.plan_save(
        plan=IndividualPlan(
            pair=active_pair,
            mentee=world.persons["child"],
            start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 1),
        ),
        by=world.users["mentor"],
    )
    add_item(plan, by=world.users["mentor"], activity="Посещение уроков наставника")
    page.set_viewport_size(SIZES["390"])
    sign_in(page, live_server, "mentor")
    page.goto(live_server.url + plan.get_absolute_url())
    row = page.locator("#plan-items tr:has-text('Посещение уроков наставника')")
    for control in (
        row.locator("input[type=checkbox]"),
        row.locator("a[title=Изменить]"),
        row.locator("button[title=Удалить]"),
    ):
        control.scroll_into_view_if_needed()
        expect(control).to_be_in_viewport()
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert sideways_overflow(page) <= 0
    row.locator("a[title=Изменить]").click()
    save = page.locator("#plan-items button:has-text('Сохранить')")
    expect(save).to_be_visible()
    save.scroll_into_view_if_needed()
    expect(save).to_be_in_viewport()
    assert sideways_overflow(page) <= 0
    page.screenshot(path=screenshot_path("issue15_plan_390.png"), full_page=True)
