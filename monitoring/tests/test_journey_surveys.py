"""The questionnaires' journey in a real browser: the coordinator copies the standard set and launches a
campaign to a class, a student answers on a phone (390 px), the results appear."""

import pytest
from django.urls import reverse

from conftest import give_consents, screenshot_path, sign_in
from monitoring.models import Campaign

pytestmark = pytest.mark.browser

QUESTIONNAIRE = "Удовлетворённость наставляемого, форма «Учитель – ученик»"


def test_coordinator_launches_a_class_campaign_a_student_answers_on_a_phone(
    world, live_server, page, programme
):
    child = world.persons["child"]  # 7Б; the mother has an e-mail
    give_consents(child)
    world.persons["parent"].email = "mother@example.com"
    world.persons["parent"].save()

    sign_in(page, live_server, "coordinator")
    page.click("nav >> text=Опросы")
    page.click(".dropdown-menu >> text=Анкеты")
    page.click("button:has-text('Добавить стандартный набор')")
    page.wait_for_selector("text=Добавлены стандартные анкеты: 15")
    page.click(f"text={QUESTIONNAIRE}")
    page.click("text=Провести опрос")
    page.select_option("#id_programme", str(programme.pk))
    page.select_option("#id_audience", "group")
    page.fill("#id_group", "7Б")
    page.click("input[type=submit][value='Сохранить опрос']")
    page.wait_for_selector("text=Кого пригласим: 2")  # the child and the stranger's child of 7Б
    page.click("button:has-text('Запустить опрос и разослать приглашения')")
    page.wait_for_selector("text=Опрос запущен: приглашено 2, писем отправлено 1")
    campaign = Campaign.objects.get()
    invitation = campaign.invitations.get(person=child)

    phone = page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="ru-RU"
    )
    student = phone.new_page()
    student.goto(live_server.url + reverse("monitoring:answer", args=[invitation.link_token()]))
    student.wait_for_selector("text=Раздел 1 из 3")
    assert student.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    student.screenshot(path=screenshot_path("survey_phone_section1.png"), full_page=True)
    student.click("button:has-text('Далее')")  # nothing answered: the page says what is missing
    student.wait_for_selector("text=Проверьте ответы, отмеченные красным")
    for fieldset in student.locator("fieldset.answer-question").all():
        options = fieldset.locator("label.btn")
        options.nth(options.count() - 2).click()  # 9 on a scale, «Нет»… the last but one
    student.click("button:has-text('Далее')")
    student.wait_for_selector("text=Раздел 2 из 3")
    for fieldset in student.locator("fieldset.answer-question").all():
        fieldset.locator("label.btn").first.click()
    student.click("button:has-text('Далее')")
    student.wait_for_selector("text=Раздел 3 из 3")
    assert student.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    student.fill("textarea >> nth=0", "Разбирать задачи вместе с наставником")
    student.click("button:has-text('Отправить ответы')")
    student.wait_for_selector("text=Спасибо! Ответы приняты")
    student.screenshot(path=screenshot_path("survey_phone_thanks.png"), full_page=True)
    phone.close()

    page.goto(live_server.url + reverse("monitoring:campaign.detail", args=[campaign.pk]))
    page.wait_for_selector("text=Ответили 1 из 2")
    page.click("a:has-text('Результаты')")
    page.wait_for_selector("text=Насколько тебе в целом понравилось заниматься с наставником?")
    assert "Среднее: 9,0 из 10" in page.inner_text("main")
    assert "Разбирать задачи вместе с наставником" in page.inner_text("main")
    page.screenshot(path=screenshot_path("survey_results.png"), full_page=True)
    # The coordinator's pages on a phone as well: no sideways scrolling.
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (
        reverse("monitoring:campaign.results", args=[campaign.pk]),
        reverse("monitoring:campaign.detail", args=[campaign.pk]),
        reverse("monitoring:questionnaire.detail", args=[campaign.questionnaire.pk]),
        reverse("monitoring:campaign.list"),
    ):
        page.goto(live_server.url + url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
    page.screenshot(path=screenshot_path("survey_campaign_phone.png"), full_page=True)
