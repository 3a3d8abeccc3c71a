"""Journey (Chromium): the coordinator uploads a messy class list, sees its errors, fixes the file, imports it,
and forms the pairs of a form from the suggestions."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Person
from conftest import screenshot_path, sign_in
from mentoring.models import MenteeProfile, MentorProfile, Pair
from mentoring.tests.conftest import make_xlsx

pytestmark = pytest.mark.browser

HEADER = [
    "№",
    "Ф.И.О. обучающегося",
    "Дата рожд.",
    "Класс",
    "Категория",
    "Запрос",
    "ФИО родителя",
    "Телефон родителя",
]
MESSY = [
    [1, "  ОРЛОВА вера ивановна ", "30.02.2013", "6 а", "одарённые", "подготовка к олимпиаде по математике",
     "Орлова Ирина Петровна", "89001112233"],
    [2, "Белов Олег Петрович", "1.2.13", "6-А", "вундеркинд", "подготовка к олимпиадам", "", ""],
    [3, "Зуев Глеб Андреевич", "2013-03-04", "6А", "ОВЗ", "помощь с чтением", "Зуева Анна Львовна", "8 900 222-33-44"],
]  # fmt: skip


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_import_a_messy_list_fix_it_and_accept_the_suggestions(world, live_server, page, programme, tmp_path):
    teacher = world.persons["mentor"]
    MentorProfile.objects.create(
        organization=world.school,
        person=teacher,
        entered_on=date(2025, 9, 1),
        competencies="подготовка к олимпиадам по математике; помощь с чтением",
        experience_years=12,
    )
    messy = tmp_path / "6а класс.xlsx"
    messy.write_bytes(make_xlsx([HEADER, *MESSY], title="Список 6 «А» класса"))
    sign_in(page, live_server, "coordinator")
    page.click("nav >> text=Программа")
    page.click("text=Импорт из Excel")
    page.check("input[name=base][value=mentees]")
    page.set_input_files("#id_file", str(messy))
    page.click("input[type=submit]")
    page.wait_for_selector("#import-errors")
    errors = page.inner_text("#import-errors")
    assert "Строка 3, «Дата рожд.»: такой даты нет — 30.02.2013" in errors
    assert "Строка 4, «Категория»: нет такой категории — «вундеркинд»" in errors
    assert page.is_disabled("button:has-text('Импортировать')")
    page.screenshot(path=screenshot_path("import_errors.png"), full_page=True)
    assert not MenteeProfile.objects.exists()

    fixed_rows = [row[:] for row in MESSY]
    fixed_rows[0][2], fixed_rows[1][4] = "28.02.2013", "одарённые"
    fixed = tmp_path / "6а класс исправленный.xlsx"
    fixed.write_bytes(make_xlsx([HEADER, *fixed_rows], title="Список 6 «А» класса"))
    page.set_input_files("input[name=file]", str(fixed))
    page.click("button:has-text('Загрузить и проверить')")
    page.wait_for_selector("text=Ошибок нет")
    page.set_viewport_size({"width": 390, "height": 844})
    assert no_sideways_scroll(page)
    page.screenshot(path=screenshot_path("import_preview_phone.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.click("button:has-text('Импортировать')")
    page.wait_for_selector("text=завершён: новых участников: 3")
    vera = Person.objects.get(last_name="Орлова", first_name="Вера")
    assert (vera.group, vera.birth_date, vera.mentee_profile.category.code) == (
        "6А",
        date(2013, 2, 28),
        "gifted",
    )
    assert vera.guardianships.get().guardian.full_name == "Орлова Ирина Петровна"

    page.click("nav >> text=Программа")
    page.click("text=Подбор пар")
    page.click("text=Учитель – ученик")
    page.wait_for_selector("text=Принять все (3)")
    assert (
        "компетенция «подготовка к олимпиадам по математике» ↔ запрос «подготовка к олимпиаде по математике»"
        in (page.content())
    )
    page.screenshot(path=screenshot_path("matching.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert no_sideways_scroll(page)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.click("button:has-text('Принять все')")
    page.wait_for_selector("text=Принято предложений: 3; проектов пар и групп: 1.")
    pair = Pair.objects.get()
    assert pair.status == Pair.Status.DRAFT and pair.mentor == teacher and pair.memberships.count() == 3
    page.goto(live_server.url + reverse("mentoring:pair.detail", args=[pair.pk]))
    page.wait_for_selector("text=Орлова Вера Ивановна")
