"""The municipality's roll-up: the schools' KPIs side by side, totals that add the schools' own figures up, the
lagging schools, last year beside this one, a region over two levels, the .xlsx one sheet per indicator, the scope
(a school of another municipality is not found), no person's name anywhere, and a fixed number of queries."""

from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Membership, Organization, Person, Role
from accounts.testing.factories import UserFactory
from conftest import give_consents, make_bases
from mentoring.models import MentoringForm, Programme
from mentoring.tests.factories import make_pair
from monitoring.selectors.kpis import kpis_for
from monitoring.selectors.rollup import BY_KEY, INDICATORS, academic_year, rollup_for

pytestmark = pytest.mark.django_db
TODAY = date(2025, 11, 20)  # inside the 2025/2026 programmes


def _school(name, parent, *, staff=4, students=6, year=2025, targets=(10, 10)) -> Organization:
    school = Organization.objects.create(full_name=f"{name} (полное)", short_name=name, parent=parent)
    Person.objects.bulk_create(
        [
            Person(organization=school, last_name=f"Учителев{i}", first_name="Пётр", kind=Person.Kind.STAFF)
            for i in range(staff)
        ]
        + [
            Person(organization=school, last_name=f"Ученикова{i}", first_name="Оля", kind=Person.Kind.STUDENT)
            for i in range(students)
        ]
    )
    if year is not None:
        programme = Programme.objects.create(
            organization=school,
            year=year,
            start_date=date(year, 9, 1),
            end_date=date(year + 1, 5, 31),
            teachers_target_pct=targets[0],
            students_target_pct=targets[1],
        )
        programme.forms.set(MentoringForm.objects.filter(code="teacher_teacher"))
    return school


@pytest.fixture
def town(world, programme):
    """The world's municipality: the world's school (two pairs, targets it reaches), «СОШ № 3» (a programme,
    nobody in pairs: behind its 10 % targets) and «СОШ № 5» (no programme this year)."""
    make_bases(world)
    give_consents(world.persons["mentor"], world.persons["mentee"])
    by = world.users["coordinator"]
    make_pair(
        programme,
        form="teacher_pupil",
        mentor=world.persons["mentor"],
        mentees=[world.persons["child"]],
        by=by,
    )
    make_pair(
        programme,
        form="teacher_teacher",
        mentor=world.persons["mentor"],
        mentees=[world.persons["mentee"]],
        by=by,
    )
    Programme.objects.filter(pk=programme.pk).update(teachers_target_pct=10, students_target_pct=20)
    third = _school("МБОУ «СОШ № 3»", world.municipality)
    fifth = _school("МБОУ «СОШ № 5»", world.municipality, year=None)
    return {"school": world.school, "third": third, "fifth": fifth, "programme": programme}


def test_the_running_school_year_starts_on_1_september():
    assert academic_year(date(2026, 8, 31)) == 2025
    assert academic_year(date(2026, 9, 1)) == 2026
    assert academic_year(date(2027, 5, 31)) == 2026


def test_schools_side_by_side_and_totals_add_their_own_figures_up(world, town):
    rollup = rollup_for(world.municipality, today=TODAY)
    assert rollup.year == 2025
    assert [row.name for row in rollup.rows] == ["МБОУ «СОШ № 1»", "МБОУ «СОШ № 3»", "МБОУ «СОШ № 5»"]
    assert world.other.short_name not in [row.name for row in rollup.rows]  # not the municipality's
    programmes = Programme.objects.filter(organization__in=[world.school, town["third"]])
    kpis = kpis_for(programmes, today=TODAY)
    own = rollup.row(world.school.pk)
    assert own.kpis == kpis[town["programme"].pk]  # the KPI selector's own figures, not recomputed
    assert own.kpis.pairs_total == 2 and rollup.row(town["fifth"].pk).kpis is None

    teachers = BY_KEY["teachers_pct"]
    covered = sum(k.teachers_in_programme for k in kpis.values())
    everyone = sum(k.teachers_total for k in kpis.values())
    staff = Person.objects.filter(organization=world.school, kind=Person.Kind.STAFF).count()
    assert covered == 1 and everyone == staff + 4  # the world's staff, СОШ № 3's four
    assert rollup.total(teachers) == round(100 * covered / everyone, 1)  # not the mean of the percentages
    assert rollup.total(BY_KEY["pairs_total"]) == 2
    assert rollup.total(BY_KEY["students_pct"]) == round(100 * 1 / (2 + 6), 1)
    assert rollup.forms == ["Учитель – ученик", "Учитель – учитель"]
    assert rollup.form_total("Учитель – учитель") == 1


def test_the_lagging_schools_are_those_behind_a_coverage_target(world, town):
    rollup = rollup_for(world.municipality, today=TODAY)
    assert [row.name for row in rollup.lagging] == ["МБОУ «СОШ № 3»"]
    assert rollup.row(town["third"].pk).lagging == [
        "педагоги: 0 % при цели 10 %",
        "обучающиеся: 0 % при цели 10 %",
    ]
    assert [row.name for row in rollup.without_programme] == ["МБОУ «СОШ № 5»"]
    # The world's school reaches 1 of its 6 teachers (16,7 %): a 20 % target puts it behind too.
    assert Person.objects.filter(organization=world.school, kind=Person.Kind.STAFF).count() == 6
    Programme.objects.filter(pk=town["programme"].pk).update(teachers_target_pct=20)
    rollup = rollup_for(world.municipality, today=TODAY)
    assert rollup.row(world.school.pk).lagging == ["педагоги: 16,7 % при цели 20 %"]


def test_last_year_stands_beside_this_one(world, town):
    before = _school("МБОУ «СОШ № 7»", world.municipality, year=2024)
    Programme.objects.create(
        organization=before, year=2025, start_date=date(2025, 9, 1), end_date=date(2026, 5, 31)
    ).forms.set(MentoringForm.objects.filter(code="teacher_teacher"))
    rollup = rollup_for(world.municipality, today=TODAY)
    row = rollup.row(before.pk)
    assert row.kpis.year == "2025/2026" and row.previous.year == "2024/2025"
    assert rollup.row(world.school.pk).previous is None
    assert rollup.years == [2025, 2024]
    last = rollup_for(world.municipality, today=TODAY, year=2024)
    assert [r.name for r in last.with_programme] == ["МБОУ «СОШ № 7»"]


def test_a_region_sees_the_schools_of_its_municipalities_with_subtotals(world, town, client):
    region = Organization.objects.create(
        full_name="Министерство образования области", short_name="Минобр", kind=Organization.Kind.REGION
    )
    Organization.objects.filter(pk=world.municipality.pk).update(parent=region)
    district = Organization.objects.create(
        full_name="Отдел образования района", short_name="Район", kind="municipality", parent=region
    )
    village = _school("МКОУ «Сельская школа»", district)
    rollup = rollup_for(region, today=TODAY)
    assert len(rollup.rows) == 4 and rollup.groups == ["Район", "Управление образования г. Энска"]
    assert rollup.row(village.pk).group == "Район"
    pairs = BY_KEY["pairs_total"]
    assert rollup.total(pairs, group="Управление образования г. Энска") == 2
    assert rollup.total(pairs, group="Район") == 0

    regional = UserFactory(username="region_observer")
    Membership.objects.create(user=regional, organization=region, role=Role.OBSERVER)
    client.force_login(regional)
    page = client.get(reverse("monitoring:rollup")).content.decode()
    assert "Итого: Район" in page and "МКОУ «Сельская школа»" in page
    assert client.get(reverse("monitoring:rollup.school", args=[village.pk])).status_code == 200
    # The municipality's observer does not see the district's school.
    client.force_login(world.users["observer"])
    assert client.get(reverse("monitoring:rollup.school", args=[village.pk])).status_code == 404
    assert "Сельская" not in client.get(reverse("monitoring:rollup")).content.decode()


def _xlsx_text(content: bytes) -> tuple[list[str], str]:
    workbook = load_workbook(BytesIO(content))
    text = " ".join(
        str(cell)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    )
    return workbook.sheetnames, text


def test_the_export_has_a_sheet_per_indicator(world, town, client):
    client.force_login(world.users["observer"])
    response = client.get(reverse("monitoring:rollup.export"), {"year": 2025})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == [
        *[indicator.title for indicator in INDICATORS],
        "Пары по формам",
        "Удовлетворённость по формам",
        "Отстают от целей",
    ]
    sheet = workbook["Пары и группы"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["МБОУ «СОШ № 1»"][1] == 2
    assert rows["МБОУ «СОШ № 5»"][1] == "нет программы"
    assert rows["Итого"][1] == 2
    coverage = {row[0]: row for row in workbook["Охват педагогов"].iter_rows(min_row=5, values_only=True)}
    assert coverage["МБОУ «СОШ № 3»"][1:3] == (0.0, 10)  # reached, the target
    lagging = [row[0] for row in workbook["Отстают от целей"].iter_rows(min_row=5, values_only=True)]
    assert lagging == ["МБОУ «СОШ № 3»", "МБОУ «СОШ № 5»"]


def _names(exclude=()) -> set[str]:
    """Every person's surname and full name in the database, and the organisations' directors."""
    names = set()
    for person in Person.objects.exclude(pk__in=exclude):
        names |= {person.last_name, " ".join(filter(None, [person.last_name, person.first_name]))}
    names |= set(Organization.objects.exclude(director_name="").values_list("director_name", flat=True))
    return names


def test_pages_and_export_name_nobody(world, town, client):
    client.force_login(world.users["observer"])
    year = {"year": 2025}
    texts = [client.get(reverse("monitoring:rollup"), year).content.decode()]
    for school in (world.school, town["third"], town["fifth"]):
        url = reverse("monitoring:rollup.school", args=[school.pk])
        texts.append(client.get(url, year).content.decode())
    texts.append(_xlsx_text(client.get(reverse("monitoring:rollup.export"), year).content)[1])
    assert "МБОУ «СОШ № 1»" in texts[0] and "Учитель – ученик" in texts[1]  # the figures are there
    everything = "\n".join(texts)
    # The observer's own card (the top bar names the signed-in user) aside, nobody is named.
    found = [name for name in _names(exclude=[world.persons["observer"].pk]) if name in everything]
    assert not found


def test_a_school_outside_the_municipality_is_not_found(world, town, client):
    client.force_login(world.users["observer"])
    assert client.get(reverse("monitoring:rollup.school", args=[world.other.pk])).status_code == 404
    assert client.get(reverse("monitoring:rollup.school", args=[world.municipality.pk])).status_code == 404
    page = client.get(reverse("monitoring:rollup"), {"year": "2025; drop"}).content.decode()
    running = academic_year(timezone.localdate())  # a bad year is the running one
    assert world.other.short_name not in page and f"{running}/{running + 1} учебный год" in page


def test_the_page_shows_targets_lagging_and_last_years_total(world, town, client):
    client.force_login(world.users["observer"])
    page = client.get(reverse("monitoring:rollup"), {"year": 2025}).content.decode()
    assert "Отстают от целевых показателей охвата" in page
    assert "МБОУ «СОШ № 3»</a>: педагоги: 0 % при цели 10 %" in page
    assert "нет программы наставничества на 2025/2026 учебный год" in page
    assert "Итого в 2024/2025" in page
    school = client.get(reverse("monitoring:rollup.school", args=[world.school.pk]), {"year": 2025})
    assert "Учитель – учитель" in school.content.decode() and "2024/2025" in school.content.decode()


def test_observer_menu_leads_to_the_roll_up(world, client):
    client.force_login(world.users["observer"])
    home = client.get(reverse("home")).content.decode()
    assert reverse("monitoring:rollup") in home and "Сводка по школам" in home
    client.force_login(world.users["coordinator"])
    assert reverse("monitoring:rollup") not in client.get(reverse("home")).content.decode()


def test_the_observer_opens_no_schools_page():
    """In the permission grid the municipal observer opens, besides the public pages, only the roll-up, the
    reference texts and the pages of their own account (their pairs, orders, questionnaires and tasks: empty, as
    they have no card in a school): every school page (people, bases, pairs, plans, consents, orders, surveys,
    roadmaps, dashboards) is a 403 or 404 — the grid itself checks the statuses."""
    from mentoring.tests.test_grid import ROWS

    allowed = {
        "monitoring:rollup",
        "monitoring:rollup.school",
        "monitoring:rollup.export",
        # reference texts of the target model
        "mentoring:catalogue",
        "mentoring:mentor_code",
        # the signed-in person's own pages, scoped to their card in the current organisation
        "home",
        "accounts:password.change",
        "accounts:password.change.done",
        "mentoring:pair.list",
        "mentoring:order.list",
        "monitoring:mine",
        "roadmap:tasks",
        "roadmap:feed",
    }
    opened = sorted(
        {
            row.name
            for row in ROWS
            if row.method == "get" and row.expect["observer"] == 200 and row.expect[None] != 200
        }
    )
    assert opened and set(opened) <= allowed, set(opened) - allowed


def _many_schools(municipality, n):
    return [_school(f"Школа № {100 + i}", municipality, staff=3, students=3) for i in range(n)]


def test_fifty_schools_in_a_fixed_number_of_queries(world, town, client, django_assert_num_queries):
    with CaptureQueriesContext(connection) as three:
        rollup_for(world.municipality, today=TODAY)
    _many_schools(world.municipality, 47)
    with CaptureQueriesContext(connection) as fifty:
        rollup = rollup_for(world.municipality, today=TODAY)
    assert len(rollup.rows) == 50
    assert len(fifty) == len(three)
    with django_assert_num_queries(len(three)):
        rollup_for(world.municipality, today=TODAY)
    assert len(three) <= 20  # schools, years, programmes and the KPI selector's own fixed queries
    client.force_login(world.users["observer"])
    with CaptureQueriesContext(connection) as page:
        assert client.get(reverse("monitoring:rollup")).status_code == 200
    with CaptureQueriesContext(connection) as export:
        assert client.get(reverse("monitoring:rollup.export")).status_code == 200
    _many_schools(world.municipality, 10)
    with django_assert_num_queries(len(page)):
        client.get(reverse("monitoring:rollup"))
    with django_assert_num_queries(len(export)):
        client.get(reverse("monitoring:rollup.export"))
