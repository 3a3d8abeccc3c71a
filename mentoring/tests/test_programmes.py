"""Programme pages: the list, the form through programme_save, the detail with curators' areas, coverage and
the bases deadline; the catalogue."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import AuditEntry, Membership, Role
from conftest import make_bases
from mentoring.forms.programmes import academic_year_start
from mentoring.models import Direction, MentoringForm, Programme, ProgrammeCurator
from mentoring.selectors import bases_status, coverage
from mentoring.services import curator_area_add


def _programme_data(**overrides):
    data = {
        "title": "Программа наставничества",
        "year": 2026,
        "start_date": "2026-09-01",
        "end_date": "2027-05-31",
        "forms": [MentoringForm.objects.get(code="teacher_teacher").pk],
        "directions": [Direction.objects.first().pk],
        "teachers_target_pct": 30,
        "students_target_pct": 20,
    }
    data.update(overrides)
    return data


def test_academic_year_starts_in_june():
    assert academic_year_start(date(2026, 5, 31)) == 2025
    assert academic_year_start(date(2026, 6, 1)) == 2026


def test_list_shows_only_the_own_programmes(world, client, programme):
    Programme.objects.create(
        organization=world.other,
        title="Чужая программа",
        year=2025,
        start_date=date(2025, 9, 1),
        end_date=date(2026, 5, 31),
    )
    page = world.client(client, "director").get(reverse("mentoring:programme.list")).content.decode()
    assert "2025/2026" in page and "Учитель – ученик" in page
    assert "Чужая программа" not in page
    assert reverse("mentoring:programme.create") not in page  # the director only looks


def test_list_queries_do_not_grow_with_programmes(world, client, django_assert_max_num_queries):
    forms = list(MentoringForm.objects.all()[:3])

    def add(count):
        for n in range(count):
            programme = Programme.objects.create(
                organization=world.school,
                title=f"П{n}-{count}",
                year=2020 + n,
                start_date=date(2020 + n, 9, 1),
                end_date=date(2021 + n, 5, 31),
            )
            programme.forms.set(forms)

    client = world.client(client, "coordinator")
    add(2)
    with django_assert_max_num_queries(10) as small:
        client.get(reverse("mentoring:programme.list"))
    add(10)
    with django_assert_max_num_queries(len(small)):
        client.get(reverse("mentoring:programme.list"))


def test_coordinator_creates_a_programme(world, client):
    client = world.client(client, "coordinator")
    page = client.get(reverse("mentoring:programme.create")).content.decode()
    year = academic_year_start(date.today())
    assert f'value="{year}"' in page and f'value="{year}-09-01"' in page  # the next academic year is proposed
    response = client.post(reverse("mentoring:programme.create"), _programme_data())
    programme = world.school.programmes.get(year=2026)
    assert response.status_code == 302 and response["Location"] == reverse(
        "mentoring:programme.detail", args=[programme.pk]
    )
    assert [f.code for f in programme.forms.all()] == ["teacher_teacher"]
    assert programme.directions.count() == 1 and programme.teachers_target_pct == 30
    assert AuditEntry.objects.filter(action="programme.create", object_id=str(programme.pk)).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_date": "2026-08-01"}, "Окончание программы должно быть позже начала."),
        ({"teachers_target_pct": 120}, "Убедитесь, что это значение меньше либо равно 100."),
        ({"forms": []}, "Обязательное поле."),
    ],
)
def test_programme_form_refuses_bad_data_in_russian(world, client, overrides, message):
    response = world.client(client, "coordinator").post(
        reverse("mentoring:programme.create"), _programme_data(**overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not world.school.programmes.exists()


def test_the_same_title_twice_in_a_year_is_refused(world, client, programme):
    response = world.client(client, "coordinator").post(
        reverse("mentoring:programme.create"), _programme_data(year=2025)
    )
    assert "Программа с таким названием на 2025/2026 учебный год уже есть." in response.content.decode()
    assert world.school.programmes.count() == 1


def test_update_keeps_pairs_inside_the_programme_dates(world, client, active_pair):
    programme = active_pair.programme
    url = reverse("mentoring:programme.update", args=[programme.pk])
    client = world.client(client, "coordinator")
    data = _programme_data(year=2025, start_date="2025-11-01", end_date="2026-06-30")
    assert "Есть пары со сроками вне новых дат программы" in client.post(url, data).content.decode()
    programme.refresh_from_db()
    assert programme.start_date == date(2025, 9, 1)
    response = client.post(
        url,
        _programme_data(
            year=2025,
            start_date="2025-09-01",
            end_date="2026-06-30",
            title="Программа наставничества «Вместе»",
        ),
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.title == "Программа наставничества «Вместе»"


def test_detail_shows_forms_role_models_and_curators(world, client, programme):
    page = world.client(client, "curator").get(reverse("mentoring:programme.detail", args=[programme.pk]))
    text = page.content.decode()
    form = MentoringForm.objects.get(code="teacher_pupil")
    assert form.goal[:40] in text
    assert form.role_models.first().name in text
    assert "curator" in text and "Учитель – ученик" in text  # the curator's area (the user's name)
    assert (
        reverse("mentoring:programme.curator.add", args=[programme.pk]) not in text
    )  # the curator only looks


def test_coverage_counts_mentees_in_open_pairs_of_the_programme(world, active_pair):
    programme = active_pair.programme
    staff, students = coverage(programme)
    assert (staff["covered"], staff["total"], staff["met"]) == (0, 6, False)
    assert (students["covered"], students["total"], students["pct"], students["target"]) == (1, 2, 50.0, 20)
    assert students["met"]
    other = Programme.objects.create(
        organization=world.school, year=2026, start_date=date(2026, 9, 1), end_date=date(2027, 5, 31)
    )
    assert coverage(other)[1]["covered"] == 0  # another programme's pairs do not count


def test_coverage_drops_when_the_pair_closes(world, active_pair):
    from mentoring import services

    services.pair_terminate(pair=active_pair, reason="переезд семьи", by=world.users["coordinator"])
    assert coverage(active_pair.programme)[1]["covered"] == 0


def test_coverage_on_the_page(world, client, active_pair):
    text = (
        world.client(client, "director")
        .get(reverse("mentoring:programme.detail", args=[active_pair.programme.pk]))
        .content.decode()
    )
    assert "Обучающиеся: 1 из 2" in text and "50,0 % при цели 20 %" in text


def test_bases_status_after_the_deadline(world, programme):
    assert programme.bases_deadline == date(2025, 10, 1)
    before = bases_status(programme, date(2025, 10, 1))
    assert not before["overdue"] and before["mentors"] == 0
    after = bases_status(programme, date(2025, 10, 2))
    assert after["overdue"]
    make_bases(world)
    assert bases_status(programme, date(2025, 10, 2))["mentees"] == 3


def test_an_empty_base_after_1_october_is_a_warning(world, client):
    past = Programme.objects.create(
        organization=world.school, year=2020, start_date=date(2020, 9, 1), end_date=date(2021, 5, 31)
    )
    future = Programme.objects.create(
        organization=world.school, year=2099, start_date=date(2099, 9, 1), end_date=date(2100, 5, 31)
    )
    client = world.client(client, "coordinator")
    page = client.get(reverse("mentoring:programme.detail", args=[past.pk])).content.decode()
    assert "Срок прошёл, а" in page and "обе базы пусты" in page and "1 октября 2020" in page
    assert (
        "Срок прошёл"
        not in client.get(reverse("mentoring:programme.detail", args=[future.pk])).content.decode()
    )
    make_bases(world)
    assert (
        "Срок прошёл"
        not in client.get(reverse("mentoring:programme.detail", args=[past.pk])).content.decode()
    )


def test_coordinator_adds_and_removes_a_curator_area(world, client, programme):
    client = world.client(client, "coordinator")
    form = MentoringForm.objects.get(code="pupil_pupil")
    url = reverse("mentoring:programme.curator.add", args=[programme.pk])
    response = client.post(url, {"curator": world.users["curator"].pk, "form": form.pk}, follow=True)
    assert "Зона куратора добавлена." in response.content.decode()
    area = programme.curators.get(curator=world.users["curator"], form=form)
    assert AuditEntry.objects.filter(action="programme.curator.add", object_id=str(area.pk)).exists()
    again = client.post(url, {"curator": world.users["curator"].pk, "form": form.pk}, follow=True)
    assert "Эта зона уже закреплена за куратором." in again.content.decode()
    assert programme.curators.filter(curator=world.users["curator"], form=form).count() == 1
    client.post(reverse("mentoring:programme.curator.delete", args=[programme.pk, area.pk]))
    assert not ProgrammeCurator.objects.filter(pk=area.pk).exists()
    assert AuditEntry.objects.filter(action="programme.curator.delete", object_id=str(area.pk)).exists()


def test_curator_area_choices_are_limited_to_the_programme_and_its_curators(world, client, programme):
    url = reverse("mentoring:programme.curator.add", args=[programme.pk])
    client = world.client(client, "coordinator")
    outside = MentoringForm.objects.get(code="teacher_teacher")
    programme.forms.remove(outside)
    for data in [
        {"curator": world.users["curator"].pk, "form": outside.pk},
        {"curator": world.users["mentor"].pk},
        {"curator": world.users["other_coordinator"].pk},
    ]:
        response = client.post(url, data, follow=True)
        assert "Выберите корректный вариант" in response.content.decode()
    assert programme.curators.count() == 2


def test_curator_area_add_checks_the_rules_itself(world, programme):
    by = world.users["coordinator"]
    with pytest.raises(ValidationError, match="куратор или координатор этой организации"):
        curator_area_add(programme=programme, curator=world.users["mentor"], by=by)
    Membership.objects.create(user=world.users["mentor"], organization=world.school, role=Role.CURATOR)
    outside = MentoringForm.objects.get(code="teacher_teacher")
    programme.forms.remove(outside)
    with pytest.raises(ValidationError, match="не выбрана в программе"):
        curator_area_add(programme=programme, curator=world.users["mentor"], form=outside, by=by)
    with pytest.raises(ValidationError, match="не выбрано в программе"):
        curator_area_add(
            programme=programme, curator=world.users["mentor"], direction=Direction.objects.first(), by=by
        )
    assert curator_area_add(programme=programme, curator=world.users["mentor"], by=by).form is None


def test_catalogue_shows_forms_directions_and_categories(world, client):
    page = world.client(client, "mentee").get(reverse("mentoring:catalogue")).content.decode()
    form = MentoringForm.objects.get(code="teacher_teacher")
    assert form.name in page and form.tasks[0] in page and form.role_models.first().name in page
    assert Direction.objects.first().name in page
    assert "Категории наставляемых" in page and "Категории наставников" in page
    assert reverse("admin:index") not in page and "ведёт администратор платформы" in page


def test_catalogue_links_platform_staff_to_the_admin(world, client):
    world.users["coordinator"].is_staff = True
    world.users["coordinator"].save()
    page = world.client(client, "coordinator").get(reverse("mentoring:catalogue")).content.decode()
    assert reverse("admin:index") in page


def test_catalogue_hides_switched_off_forms(world, client):
    MentoringForm.objects.filter(code="teacher_teacher").update(is_active=False)
    page = world.client(client, "coordinator").get(reverse("mentoring:catalogue")).content.decode()
    assert "Учитель – учитель" not in page
