"""«Подбор пар» in the school's UI and the mentee picker of the pair form."""

from datetime import date

import pytest
from django.urls import reverse

from conftest import make_bases
from mentoring.models import MentoringForm, Pair
from mentoring.tests.test_matching import mentee, mentor


@pytest.fixture
def base_of_six(world, programme):
    """One trained teacher-mentor and six pupils waiting: five can be placed, one cannot."""
    teacher = mentor(
        world, "Соколова", "Нина", "Павловна", competencies="подготовка к олимпиадам", experience_years=12
    )
    pupils = [
        mentee(world, "Ученик", name, "Ильич", group="6А", request="подготовка к олимпиаде")
        for name in ["Антон", "Борис", "Виктор", "Глеб", "Денис", "Егор"]
    ]
    return teacher, pupils


def page(client, programme, form_code="teacher_pupil"):
    form = MentoringForm.objects.get(code=form_code)
    return client.get(reverse("mentoring:matching", args=[programme.pk]) + f"?form={form.pk}")


def test_the_page_lists_suggestions_with_reasons_and_who_is_left(
    world, client, programme, base_of_six, django_assert_max_num_queries
):
    coordinator = world.client(client, "coordinator")
    with django_assert_max_num_queries(13):  # 12, and one for the preferences source monitoring registers
        response = page(coordinator, programme)
    html = response.content.decode()
    assert "компетенция «подготовка к олимпиадам» ↔ запрос «подготовка к олимпиаде»" in html
    assert "свободно 5 мест из 5" in html and "Принять все (5)" in html
    assert "Без предложения (1)" in html and "отданы наставляемым с более высоким баллом" in html


def test_the_query_count_does_not_grow_with_the_base(
    world, client, programme, base_of_six, django_assert_max_num_queries
):
    for index in range(20):
        mentor(world, "Наставница", "Анна" + "а" * index, "Ивановна", competencies="чтение")
        mentee(world, "Ученица", "Вера" + "а" * index, "Ивановна", group="7Б", request="чтение")
    coordinator = world.client(client, "coordinator")
    with django_assert_max_num_queries(13):  # 12, and one for the preferences source monitoring registers
        page(coordinator, programme)


def test_accept_all_makes_a_draft_group(world, client, programme, base_of_six):
    teacher, pupils = base_of_six
    coordinator = world.client(client, "coordinator")
    form = MentoringForm.objects.get(code="teacher_pupil")
    choices = [f"{teacher.pk}:{pupil.pk}" for pupil in pupils[:5]]
    response = coordinator.post(
        reverse("mentoring:matching.accept", args=[programme.pk]),
        {
            "form": form.pk,
            "all": choices,
            "accept_all": "1",
            "start_date": "2025-10-01",
            "end_date": "2026-05-29",
        },
        follow=True,
    )
    assert "Принято предложений: 5; проектов пар и групп: 1." in response.content.decode()
    pair = Pair.objects.get()
    assert (pair.status, pair.mentor, pair.form, pair.memberships.count()) == ("draft", teacher, form, 5)
    assert (pair.start_date, pair.end_date) == (date(2025, 10, 1), date(2026, 5, 29))
    after = page(coordinator, programme).content.decode()
    assert "никто из наставников не подходит" not in after and "все подходящие наставники (1) заняты" in after


def test_a_row_is_accepted_alone(world, client, programme, base_of_six):
    teacher, pupils = base_of_six
    response = world.client(client, "coordinator").post(
        reverse("mentoring:matching.accept", args=[programme.pk]),
        {
            "form": MentoringForm.objects.get(code="teacher_pupil").pk,
            "all": [f"{teacher.pk}:{p.pk}" for p in pupils],
            "choice": f"{teacher.pk}:{pupils[2].pk}",
            "start_date": "2025-10-01",
            "end_date": "2026-05-29",
        },
    )
    assert response.status_code == 302
    assert list(Pair.objects.get().mentees.all()) == [pupils[2]]


def test_bad_dates_and_stale_choices_are_refused_in_russian(world, client, programme, base_of_six):
    teacher, pupils = base_of_six
    coordinator = world.client(client, "coordinator")
    url = reverse("mentoring:matching.accept", args=[programme.pk])
    data = {
        "form": MentoringForm.objects.get(code="teacher_pupil").pk,
        "choice": f"{teacher.pk}:{pupils[0].pk}",
    }
    wrong = coordinator.post(url, {**data, "start_date": "2025-10-01", "end_date": "2025-09-01"}, follow=True)
    assert "Окончание работы пары должно быть позже её начала." in wrong.content.decode()
    outside = coordinator.post(
        url, {**data, "start_date": "2025-10-01", "end_date": "2027-05-29"}, follow=True
    )
    assert "Сроки пары должны быть в пределах программы" in outside.content.decode()
    assert not Pair.objects.exists()


def test_a_curator_matches_only_the_forms_of_their_area(world, client, programme, base_of_six):
    curator = world.client(client, "curator")  # area: «Учитель – ученик»
    html = page(curator, programme).content.decode()
    assert "Учитель – ученик" in html and "Ученик – ученик</a>" not in html
    teachers = MentoringForm.objects.get(code="teacher_teacher")
    response = curator.post(
        reverse("mentoring:matching.accept", args=[programme.pk]),
        {"form": teachers.pk, "choice": "1:2", "start_date": "2025-10-01", "end_date": "2026-05-29"},
    )
    assert response.status_code == 404


def test_the_mentee_picker_searches_by_name_and_class_within_the_form(world, client, programme, active_pair):
    make_bases(world)
    other = mentee(world, "Орлов", "Глеб", "Ильич", group="6А")
    coordinator = world.client(client, "coordinator")
    url = reverse("mentoring:pair.mentee_search")
    pupils = MentoringForm.objects.get(code="teacher_pupil")
    by_class = coordinator.get(url, {"mentee_q": "6а", "form": pupils.pk}).content.decode()
    assert "Орлов Глеб Ильич" in by_class and "Сидоров Павел" not in by_class
    pupils_only = coordinator.get(
        url, {"form": pupils.pk, "mentor": world.persons["mentor"].pk}
    ).content.decode()
    assert "Петров Иван Сергеевич" not in pupils_only  # a teacher is not a mentee of «Учитель – ученик»
    assert "уже в паре этой формы: Иванова М.П." in pupils_only  # the child of the active pair
    assert "Наставник Иванова М.П.: свободно 4 из 5 мест" in pupils_only
    chosen = coordinator.get(url, {"mentee_q": "кузнецов", "mentees": [other.pk]}).content.decode()
    assert f'value="{other.pk}" id="mentee-{other.pk}" checked' in chosen and "Кузнецов Артём" in chosen


def test_the_pair_form_shows_free_places_and_no_list_of_the_whole_base(world, client, programme, active_pair):
    make_bases(world)
    html = world.client(client, "coordinator").get(reverse("mentoring:pair.create")).content.decode()
    assert "Иванова Мария Петровна — учитель — свободно 4 места из 5" in html
    assert 'id="mentee-q"' in html and 'hx-get="/m/pairs/mentee-search/"' in html


def test_the_new_pair_form_keeps_the_chosen_mentees_when_it_comes_back_with_an_error(
    world, client, programme
):
    make_bases(world)
    first = mentee(world, "Орлов", "Глеб", "Ильич", group="6А")
    second = mentee(world, "Зайцев", "Олег", "Ильич", group="6Б")
    coordinator = world.client(client, "coordinator")
    response = coordinator.post(
        reverse("mentoring:pair.create"),
        {
            "programme": programme.pk,
            "form": MentoringForm.objects.get(code="teacher_pupil").pk,
            "mentor": world.persons["mentor"].pk,
            "mentees": [first.pk, second.pk],
            "start_date": "2025-10-01",
            "end_date": "2025-09-01",  # ends before it starts
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and not Pair.objects.exists()
    for person in (first, second):  # both still ticked, not lost (nor taken digit by digit from their ids)
        assert f'value="{person.pk}" id="mentee-{person.pk}" checked' in html
