"""The year's main journeys in a real browser (Chromium + Playwright against the live server)."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.services import consents
from accounts.testing.axe import assert_accessible
from conftest import make_bases, screenshot_path, sign_in
from mentoring import services
from mentoring.models import IndividualPlan, Order, Pair

pytestmark = pytest.mark.browser


def test_mentor_fills_the_plan_inline_and_marks_a_row_done(world, live_server, page, active_pair):
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
    assert_accessible(page)
    page.click("text=Мои пары")
    assert_accessible(page)
    page.click(
        "#my-pairs a:has-text('Сидоров Павел Игоревич')"
    )  # «Мои пары» names the mentee, not the mentor
    assert_accessible(page)
    page.click(f"a[href='{reverse('mentoring:plan.detail', args=[plan.pk])}']")
    assert_accessible(page)
    page.click("text=Добавить мероприятие")
    row = page.locator("#plan-items tr").last
    row.locator("input[name=activity]").wait_for()
    assert_accessible(page, "the plan with a row being added")
    row.locator("input[name=activity]").fill("Посещение уроков наставника")
    row.locator("input[name=period]").fill("октябрь 2025")
    row.locator("button:has-text('Сохранить')").click()
    page.wait_for_selector("#plan-items tr:has-text('Посещение уроков наставника') input[type=checkbox]")
    assert plan.items.get().activity == "Посещение уроков наставника"
    page.locator("#plan-items tr:has-text('Посещение уроков наставника') input[type=checkbox]").check()
    page.wait_for_selector("#plan-items tr:has-text('Посещение уроков наставника') .small")
    item = plan.items.get()
    assert item.is_done and item.done_on is not None
    assert_accessible(page, "the plan with a row done")
    page.screenshot(path=screenshot_path("mentor_plan.png"), full_page=True)


def test_director_signs_the_pairs_order_and_downloads_it(world, live_server, page, programme, agreed_pair):
    by = world.users["coordinator"]
    pair = agreed_pair
    order = services.order_draft_pairs(programme=programme, pairs=[pair], by=by)
    services.order_submit(order=order, by=by)
    sign_in(page, live_server, "director")
    assert_accessible(page)
    page.click("text=Приказы на подпись")
    assert_accessible(page)
    page.click(f"text={order.title}")
    assert "наставником Петрова Ивана Сергеевича" in page.content()
    assert_accessible(page)
    page.click("button:has-text('Подписать')")
    page.wait_for_selector("text=Приказ подписан и зарегистрирован")
    assert_accessible(page, "the order just signed")
    order.refresh_from_db()
    assert order.status == Order.Status.APPROVED and order.number == "1"
    pdf = page.request.get(live_server.url + reverse("mentoring:order.pdf", args=[order.pk]))
    order.refresh_from_db()  # the PDF is stored after the signature commits (by the background job or the download)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body() == order.stored_pdf()
    assert Pair.objects.get(pk=pair.pk).status == Pair.Status.ACTIVE


def test_parent_signs_the_consent_by_the_link(world, live_server, page):
    from django.core import mail

    world.persons["parent"].email = "mama@example.com"
    world.persons["parent"].save()
    [(_, token)] = consents.consent_request(
        subject=world.persons["child"], by=world.users["coordinator"], send_email=False
    )
    page.goto(live_server.url + reverse("mentoring:consent.sign", args=[token]))
    assert_accessible(page)
    assert "Сидоров" not in page.content()  # nothing about the child before the proof
    page.click("button:has-text('Получить код по e-mail')")
    page.wait_for_selector("#id_code")
    code = mail.outbox[-1].subject.split(":")[-1].strip()
    page.fill("#id_code", code)
    page.click("button:has-text('Подтвердить')")
    page.wait_for_selector("#id_signed_name")
    assert_accessible(page)
    page.fill("#id_signed_name", "Сидорова Елена")
    page.click("button:has-text('Подписать согласие')")
    assert "Введите фамилию, имя и отчество так, как они указаны" in page.content()
    assert_accessible(page, "the consent page with an error")
    page.fill("#id_signed_name", "Сидорова Елена Андреевна")
    page.check("#id_agree")
    page.click("button:has-text('Подписать согласие')")
    page.wait_for_selector("text=Согласие подписано")
    assert consents.has_valid_consent(world.persons["child"])
    assert_accessible(page)
    pdf = page.request.get(
        live_server.url + reverse("mentoring:consent.pdf", args=[world.persons["child"].pk])
    )
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"


def test_coordinator_forms_a_pair_records_agreement_and_drafts_the_order(world, live_server, page, programme):
    make_bases(world)
    sign_in(page, live_server, "coordinator")
    page.goto(live_server.url + reverse("mentoring:pair.create"))
    assert_accessible(page)
    page.select_option("#id_programme", str(programme.pk))
    page.select_option("#id_form", label="Учитель – учитель")
    page.select_option("#id_mentor", str(world.persons["mentor"].pk))  # labelled with the free places
    with page.expect_response(lambda r: reverse("mentoring:pair.mentee_search") in r.url):
        page.fill("#mentee-q", "петров")  # the picker searches the base (htmx) within the chosen form
    page.wait_for_load_state("networkidle")
    page.check("#mentee-results label:has-text('Петров Иван Сергеевич') >> xpath=preceding-sibling::input")
    page.fill("#id_start_date", "2025-10-01")
    page.fill("#id_end_date", "2025-09-30")
    page.click("input[type=submit]")  # ends before it starts: the error summary opens the page, focused
    page.wait_for_selector("[data-error-summary]:focus")
    assert page.title().startswith("Ошибка: ")
    assert_accessible(page, "the new-pair form with an error")
    page.fill("#id_end_date", "2026-05-29")
    page.click("input[type=submit]")
    page.wait_for_selector("text=Пара создана")
    assert not page.title().startswith("Ошибка: ")
    assert_accessible(page)
    pair = Pair.objects.get()
    for _ in range(2):  # the mentor's and the mentee's agreement, recorded from paper
        page.locator("button:has-text('Записать согласие')").first.click()
        page.wait_for_selector("text=записано")
    assert Pair.objects.get(pk=pair.pk).status == Pair.Status.AGREED
    page.goto(live_server.url + reverse("mentoring:order.create") + "?kind=pairs")
    assert_accessible(page)
    page.select_option("#id_programme", str(programme.pk))
    page.check(f"input[name=pairs][value='{pair.pk}']")
    page.click("input[type=submit]")
    page.wait_for_selector("text=Проект приказа составлен")
    assert "наставником Петрова Ивана Сергеевича" in page.content()
    # nobody has consented yet: the coordinator is warned before submitting
    assert (
        "Директор не сможет подписать приказ" in page.content()
        and "нет действующего согласия" in page.content()
    )
    assert_accessible(page, "the draft order")
    page.screenshot(path=screenshot_path("coordinator_order_draft.png"), full_page=True)
