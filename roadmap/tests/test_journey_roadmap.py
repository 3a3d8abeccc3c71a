"""The roadmap in a real browser: the coordinator makes it from a template, and the bound event «Закрепление пар
и групп приказом» completes itself when the director signs the pairs order."""

import pytest
from django.urls import reverse

from conftest import screenshot_path, sign_in
from mentoring import services
from roadmap.models import Roadmap

pytestmark = pytest.mark.browser


def test_coordinator_makes_the_roadmap_and_the_signed_order_completes_its_event(
    world, live_server, page, programme, agreed_pair
):
    sign_in(page, live_server, "coordinator")
    page.goto(live_server.url + reverse("roadmap:list"))
    page.click(f"a[href='{reverse('roadmap:detail', args=[programme.pk])}']")
    page.check("input[value='template:seven_stages_months']")
    page.click("button:has-text('Составить дорожную карту')")
    page.wait_for_selector("text=Дорожная карта составлена")
    roadmap = Roadmap.objects.get(programme=programme)
    event = roadmap.events.get(title="Закрепление пар и групп приказом")
    row = page.locator(f"#event-{event.pk}")
    assert "Подписан приказ об утверждении наставнических пар" in row.inner_text()
    # Inline editing, as the plan rows: the deadline moves without leaving the table.
    row.locator("a[title='Изменить']").click()
    form = page.locator(f"#event-{event.pk}.table-info")
    form.locator("input[name=end_date]").fill("2025-10-20")
    form.locator("button:has-text('Сохранить')").click()
    page.wait_for_selector(f"#event-{event.pk}:not(.table-info):has-text('20.10.2025')")

    by = world.users["coordinator"]
    order = services.order_draft_pairs(programme=programme, pairs=[agreed_pair], by=by)
    services.order_submit(order=order, by=by)
    page.context.clear_cookies()
    sign_in(page, live_server, "director")
    page.goto(live_server.url + reverse("mentoring:order.detail", args=[order.pk]))
    page.click("button:has-text('Подписать')")
    page.wait_for_selector("text=Приказ подписан и зарегистрирован")
    order.refresh_from_db()

    page.goto(live_server.url + reverse("roadmap:detail", args=[programme.pk]))
    row = page.locator(f"#event-{event.pk}")
    assert "Выполнено" in row.inner_text()
    assert f"Приказ от {order.approved_on:%d.%m.%Y} № {order.number}" in row.inner_text()
    page.screenshot(path=screenshot_path("roadmap_table.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + reverse("roadmap:detail", args=[programme.pk]))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=screenshot_path("roadmap_table_phone.png"))
