"""The keyboard-only journey (WCAG 2.1.1, 2.4.3, 3.3.1): sign in, open a pair, add a row to the plan and tick
it, sign a consent with a mistake on the way — with Tab, Enter, Space and typing only, never a click. axe
checks each state on the way."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.services import consents
from accounts.testing.axe import assert_accessible
from accounts.testing.factories import PASSWORD
from conftest import delivered
from mentoring import services
from mentoring.models import IndividualPlan

pytestmark = pytest.mark.browser


def focused(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focus is on `selector` (as a keyboard user would), or fail."""
    if focused(page, selector):
        return
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_sign_in_plan_row_and_consent(world, live_server, page, active_pair):
    plan = services.plan_save(
        plan=IndividualPlan(
            pair=active_pair,
            mentee=world.persons["child"],
            start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 29),
        ),
        by=world.users["mentor"],
    )
    page.goto(live_server.url + reverse("accounts:login"))
    tab_to(page, "#id_username")  # the login field has the focus already
    page.keyboard.type("mentor")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/")

    # The skip link comes first, shows itself and lands in the content.
    page.keyboard.press("Tab")
    assert focused(page, "a.skip-link") and page.locator("a.skip-link").is_visible()
    page.keyboard.press("Enter")
    assert focused(page, "main#content")

    tab_to(page, f"nav a[href='{reverse('mentoring:pair.list')}']")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + reverse("mentoring:pair.list"))
    tab_to(page, f"main a[href='{reverse('mentoring:pair.detail', args=[active_pair.pk])}']")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + reverse("mentoring:pair.detail", args=[active_pair.pk]))
    assert_accessible(page, "the pair page")
    tab_to(page, f"main a[href='{reverse('mentoring:plan.detail', args=[plan.pk])}']")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + reverse("mentoring:plan.detail", args=[plan.pk]))

    # «Добавить мероприятие»: the new row opens with the focus in its first field.
    tab_to(page, "a[hx-target='#plan-items']")  # «Добавить мероприятие»
    page.keyboard.press("Enter")
    page.wait_for_selector("#plan-item-new")
    expect(page.locator("#plan-item-new [name=activity]")).to_be_focused()
    assert_accessible(page, "the plan with a new row open")
    # Saved empty first: the error is on the field, which gets the focus back.
    tab_to(page, "#plan-item-new button.btn-primary")
    page.keyboard.press("Enter")
    expect(
        page.locator("#plan-item-new [name=activity][aria-invalid=true]")
    ).to_be_focused()  # «Наименование» is required and still empty
    assert page.title().startswith("Ошибка: ")
    error_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert page.locator(f"#{error_id}").inner_text().strip()
    page.keyboard.type("Посещение уроков наставника")
    tab_to(page, "#plan-item-new [name=period]")
    page.keyboard.type("октябрь 2025")
    tab_to(page, "#plan-item-new button.btn-primary")
    page.keyboard.press("Enter")
    page.wait_for_selector("#plan-items tr:has-text('Посещение уроков наставника') input[type=checkbox]")
    item = plan.items.get()
    # The saved row takes the focus back: its «выполнено» checkbox.
    expect(page.locator(f"#done-{item.pk}")).to_be_focused()
    assert not page.title().startswith("Ошибка: ")

    # Space ticks it; Enter unticks it — through htmx, without reloading the page.
    page.evaluate("window.stillTheSamePage = true")
    page.keyboard.press("Space")
    # The row came back with the date of the tick and has settled (htmx bound it, the focus went back).
    page.wait_for_selector(f"#plan-item-{item.pk}:not([data-focus-first]) div.small")
    page.wait_for_load_state("networkidle")
    expect(page.locator(f"#done-{item.pk}")).to_be_focused()
    item.refresh_from_db()
    assert item.is_done and item.done_on is not None
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#plan-item-{item.pk} div.small", state="detached")
    page.wait_for_selector(f"#plan-item-{item.pk}:not([data-focus-first])")
    page.wait_for_load_state("networkidle")
    expect(page.locator(f"#done-{item.pk}")).to_be_focused()
    assert page.evaluate("window.stillTheSamePage === true")
    item.refresh_from_db()
    assert not item.is_done

    # «Изменить» opens the row's form with the focus in its first field.
    tab_to(page, f"#plan-item-{item.pk} a[title='Изменить']")
    page.keyboard.press("Enter")
    expect(page.locator(f"#item-{item.pk}-activity")).to_be_focused()
    assert page.evaluate("window.stillTheSamePage === true")
    assert_accessible(page, "the plan with a row being changed")

    # A consent by its link: a wrong name first, then the error summary leads back to the field.
    parent = world.persons["parent"]
    parent.email = "mama@example.com"  # where the proof code goes
    parent.save()
    [(_, token)] = consents.consent_request(
        subject=world.persons["child"], by=world.users["coordinator"], send_email=False
    )
    page.goto(live_server.url + reverse("mentoring:consent.sign", args=[token]))
    # The signer proves first: a code to the parent's e-mail, typed into the page.
    tab_to(page, "main form button.btn-primary")  # «Получить код по e-mail»
    page.keyboard.press("Enter")
    page.wait_for_selector("#id_code")
    code = delivered()[-1].subject.rsplit(":", 1)[1].strip()
    tab_to(page, "#id_code")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.wait_for_selector("#id_signed_name")
    tab_to(page, "#id_signed_name")
    page.keyboard.type("Сидорова Елена")
    tab_to(page, "#id_agree")
    page.keyboard.press("Space")
    tab_to(page, "main form button.btn-primary")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-error-summary]")
    assert focused(page, "[data-error-summary]")
    assert page.title().startswith("Ошибка: ")
    field = page.locator("#id_signed_name")
    assert field.get_attribute("aria-invalid") == "true"
    assert (
        "Введите фамилию, имя и отчество"
        in page.locator(f"#{field.get_attribute('aria-describedby')}").inner_text()
    )
    assert_accessible(page, "the consent page with an error")
    tab_to(page, "[data-error-summary] a[href='#id_signed_name']")
    page.keyboard.press("Enter")
    assert focused(page, "#id_signed_name")
    page.keyboard.press("Control+A")
    page.keyboard.type("Сидорова Елена Андреевна")
    tab_to(page, "#id_agree")
    if not page.locator("#id_agree").is_checked():
        page.keyboard.press("Space")
    tab_to(page, "main form button.btn-primary")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Согласие подписано")
    assert consents.has_valid_consent(world.persons["child"])
    assert_accessible(page, "the signed consent")
