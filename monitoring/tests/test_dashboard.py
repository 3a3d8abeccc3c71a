"""The dashboard, the analytical report (PDF, .xlsx) and their query counts on a school of realistic size (built
once for the module by monitoring.tests.bulk: 1,500 people, 20,000 answers)."""

import io
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.testing.data import built_once
from conftest import build_world, make_programme
from mentoring.models import Programme
from mentoring.tests.test_documents import pdf_text
from monitoring.documents.charts import svg
from monitoring.models import Swot
from monitoring.selectors.dashboard import figures
from monitoring.selectors.kpis import kpis_for
from monitoring.templatetags.figures import ru_num
from monitoring.tests.bulk import build_school

KPI_QUERIES = 14  # whatever the number of programmes, people and answers


@pytest.fixture(scope="module")
def big(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        world = build_world()
        programme = make_programme(world)
        sizes = build_school(world.school, programme, by=world.users["coordinator"])
        # Last year's programme of the same school: the year-over-year column.
        last = Programme.objects.create(
            organization=world.school,
            title=programme.title,
            year=2024,
            start_date=date(2024, 9, 1),
            end_date=date(2025, 6, 30),
            teachers_target_pct=10,
            students_target_pct=10,
        )
        Swot.objects.create(
            programme=programme,
            strengths="Наставники обучены",
            conclusions="Программа выполнена в полном объёме.",
            proposals="Расширить форму «Ученик – ученик».",
        )
        yield world, programme, last, sizes


def test_the_bulk_school_is_realistic(big, db):
    _world, _programme, _last, sizes = big
    assert sizes["people"] == 1500 and sizes["answers"] >= 20000


def test_kpis_of_a_large_school_in_a_fixed_number_of_queries(big, db, django_assert_num_queries):
    world, programme, last, _ = big
    with django_assert_num_queries(KPI_QUERIES):
        kpis = kpis_for([programme, last], today=date(2026, 6, 1))
    k = kpis[programme.pk]
    assert k.teachers_total == 300 + 6 and k.students_total == 1200 + 2
    assert k.pairs_total > 100 and k.meetings_per_pair == 4.0
    assert 0 < k.plans_approved < k.plans_total and 0 < k.plan_rows_done < k.plan_rows_total
    assert k.satisfaction_respondents > 100 and set(k.satisfaction_by_form) == {
        "Учитель – ученик",
        "Учитель – учитель",
        "Ученик – ученик",
    }
    assert 0 < k.effect_improved < k.effect_compared
    assert 0 < k.consents_complete < k.participants_total
    assert kpis[last.pk].pairs_total == 0


def test_the_dashboard_shows_every_chart_beside_its_table(big, db, django_assert_max_num_queries):
    world, programme, last, _ = big
    client = Client()
    client.force_login(world.users["coordinator"])
    url = reverse("monitoring:dashboard") + f"?programme={programme.pk}"
    with django_assert_max_num_queries(KPI_QUERIES + 20):
        page = client.get(url).content.decode()
    canvases = re.findall(r'data-table="(table-[a-z_]+)"', page)
    assert canvases and all(f'id="{table}"' in page for table in canvases)
    assert "Охват 2024/2025, %" in page  # year over year
    assert "Наставники обучены" in page
    assert reverse("monitoring:report.pdf", args=[programme.pk]) in page
    assert "vendor/chartjs/chart.umd.min.js" in page and "<script>" not in page


def test_the_curator_sees_their_forms_only(big, db):
    world, programme, _last, _ = big
    client = Client()
    client.force_login(world.users["curator"])
    page = client.get(reverse("monitoring:dashboard") + f"?programme={programme.pk}").content.decode()
    assert "Учитель – ученик" in page
    assert "Учитель – учитель" not in page and "Ученик – ученик" not in page
    assert 'id="table-coverage"' not in page and "report.pdf" not in page


def test_the_report_pdf_carries_the_figures(big, db):
    world, programme, _last, _ = big
    client = Client()
    client.force_login(world.users["director"])
    response = client.get(reverse("monitoring:report.pdf", args=[programme.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(response.streaming_content) if response.streaming else response.content)
    data = figures(programme, today=timezone.localdate())
    k = data.kpis
    assert "Информационно-аналитическая справка по итогам реализации программы наставничества" in text
    assert world.school.full_name.split("«")[0].strip() in text
    assert "В.П. Терешкова" in text  # the director's signature block
    row = f"Педагоги {k.teachers_total} {k.teachers_in_programme} {ru_num(k.teachers_pct)} 30 {ru_num(0.0)}"
    assert row in text  # this year, the target, last year
    assert f"Индивидуальных планов утверждено {k.plans_approved} из {k.plans_total} 0 из 0" in text
    assert "Наставники обучены" in text and "Программа выполнена в полном объёме." in text
    assert "Расширить форму" in text
    overall = data.effect.overall
    assert f"Все участники {overall.count}" in text


def test_the_report_charts_are_vector_svg(big, db):
    _world, programme, _last, _ = big
    table = figures(programme, today=timezone.localdate()).table("coverage")
    drawing = svg(table)
    assert drawing.startswith("<svg") and "<script" not in drawing
    assert "Педагоги" in drawing and "Обучающиеся" in drawing
    assert svg(figures(programme, today=timezone.localdate()).table("key")) is None  # a table without a chart


def test_the_report_xlsx_has_a_sheet_per_table_with_numbers(big, db, django_assert_max_num_queries):
    world, programme, _last, _ = big
    client = Client()
    client.force_login(world.users["coordinator"])
    with django_assert_max_num_queries(KPI_QUERIES + 12):
        response = client.get(reverse("monitoring:report.xlsx", args=[programme.pk]))
    book = load_workbook(io.BytesIO(response.content))
    data = figures(programme, today=timezone.localdate())
    assert len(book.sheetnames) == len(data.tables)
    sheet = book.worksheets[0]
    assert sheet["A3"].value == "Педагоги" and sheet["D3"].value == data.kpis.teachers_pct


def test_the_coordinator_edits_the_swot(big, db):
    world, programme, _last, _ = big
    client = Client()
    client.force_login(world.users["coordinator"])
    url = reverse("monitoring:swot.edit", args=[programme.pk])
    response = client.post(
        url,
        {
            "strengths": "Сильная команда",
            "weaknesses": "",
            "opportunities": "",
            "threats": "",
            "conclusions": "Вывод один",
            "proposals": "",
        },
    )
    assert response.status_code == 302
    swot = Swot.objects.get(programme=programme)
    assert swot.strengths == "Сильная команда" and swot.updated_by == world.users["coordinator"]
    client.post(reverse("monitoring:swot.prefill", args=[programme.pk]))
    swot.refresh_from_db()
    assert swot.strengths == "Сильная команда" and " из 10 (" in swot.weaknesses
