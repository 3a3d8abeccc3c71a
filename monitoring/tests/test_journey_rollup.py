"""The observer's journey in a real browser: the municipality's observer signs in, finds «Сводка по школам» in
the menu, sees two schools side by side (on a laptop and on a phone without sideways scrolling), opens one and
downloads the roll-up as .xlsx."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.models import Organization
from conftest import screenshot_path, sign_in
from mentoring.models import MentoringForm, Programme
from monitoring.selectors.rollup import academic_year

pytestmark = pytest.mark.browser


def _programme(school, year, teachers, students):
    programme = Programme.objects.create(
        organization=school,
        year=year,
        title=f"Программа наставничества на {year}/{year + 1} учебный год",
        start_date=date(year, 9, 1),
        end_date=date(year + 1, 5, 31),
        teachers_target_pct=teachers,
        students_target_pct=students,
    )
    programme.forms.set(MentoringForm.objects.filter(code="teacher_teacher"))


def test_the_observer_sees_two_schools_and_downloads_the_roll_up(world, live_server, page, programme):
    year = academic_year(timezone.localdate())
    _programme(world.school, year, 10, 10)
    third = Organization.objects.create(
        full_name="МБОУ «СОШ № 3» (полное)", short_name="МБОУ «СОШ № 3»", parent=world.municipality
    )
    _programme(third, year, 20, 20)

    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, live_server, "observer")
    page.click("nav >> text=Сводка по школам")
    table = page.locator("table.rollup-table")
    expect(table.locator("tbody th", has_text="МБОУ «СОШ № 1»")).to_be_visible()
    expect(table.locator("tbody th", has_text="МБОУ «СОШ № 3»")).to_be_visible()
    expect(page.locator("text=Отстают от целевых показателей охвата")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path("rollup_1366.png"), full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(table.locator("tbody th", has_text="МБОУ «СОШ № 3»")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path("rollup_390.png"), full_page=True)

    page.set_viewport_size({"width": 1366, "height": 900})
    page.click("table.rollup-table >> text=МБОУ «СОШ № 3»")
    expect(page.locator("h1")).to_have_text("МБОУ «СОШ № 3»")
    expect(page.locator(".alert-warning")).to_contain_text("педагоги: 0 % при цели 20 %")
    page.click("text=Ко всем школам")

    with page.expect_download() as info:
        page.click("text=Скачать .xlsx")
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(BytesIO(open(download.path(), "rb").read()))
    sheet = workbook["Охват педагогов"]
    schools = [row[0] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert schools[:2] == ["МБОУ «СОШ № 1»", "МБОУ «СОШ № 3»"] and schools[-1] == "Итого"
    assert reverse("monitoring:rollup.export") in download.url
