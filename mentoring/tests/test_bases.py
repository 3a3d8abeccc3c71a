"""The two bases: the tables of seed 003 Appendix 3 with filters, the .xlsx export, the profile forms and the
mentees without a pair."""

import re
from datetime import date
from io import BytesIO
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import AuditEntry, Guardianship, Person
from conftest import make_bases, make_person
from mentoring import services
from mentoring.models import (
    IndividualPlan,
    MenteeCategory,
    MenteeProfile,
    MentorCategory,
    MentoringForm,
    MentorProfile,
    Pair,
    PairMentee,
    PlanMark,
    Programme,
)
from mentoring.models.catalogue_data import MENTEE_BASE_COLUMNS, MENTOR_BASE_COLUMNS

MENTORS = reverse("mentoring:mentor_base.list")
MENTEES = reverse("mentoring:mentee_base.list")
UNPAIRED = reverse("mentoring:mentee_base.unpaired")


@pytest.fixture
def two_pairs(world, active_pair):
    """The world's mentor: the active pair with the child («Учитель – ученик») and a draft pair with the
    teacher-mentee («Учитель – учитель»); the child's plan is marked."""
    world.persons["parent"].phone = "+7 900 111-22-33"
    world.persons["parent"].save()
    IndividualPlan.objects.create(
        pair=active_pair,
        mentee=world.persons["child"],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 29),
        mark=PlanMark.PARTIALLY,
    )
    services.pair_create(
        programme=active_pair.programme,
        form=MentoringForm.objects.get(code="teacher_teacher"),
        mentor=world.persons["mentor"],
        mentees=[world.persons["mentee"]],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 1),
        by=world.users["coordinator"],
    )
    return active_pair


def _get(world, client, url, role="coordinator", **params):
    response = world.client(client, role).get(url, params)
    assert response.status_code == 200
    return response


def _workbook(response):
    return load_workbook(BytesIO(response.content)).active


# The tables -----------------------------------------------------------------------------------------


def test_mentor_base_shows_the_16_columns_and_a_line_per_pair(world, client, two_pairs):
    text = _get(world, client, MENTORS, "director").content.decode()
    for column in MENTOR_BASE_COLUMNS:
        assert re.search(
            rf'<th scope="col"( class="sticky-[a-z]+")?>{re.escape(column["title_ru"])}</th>', text
        )
    assert "методика преподавания математики" in text
    assert 'rowspan="2" class="sticky-name">Иванова Мария Петровна</td>' in text  # one person, two pair lines
    assert "Сидоров Павел Игоревич" in text and "обучающийся 7Б" in text and "Учитель – ученик" in text
    assert "Петров Иван Сергеевич" in text and "Учитель – учитель" in text
    assert "29.05.2026" in text  # the pair's planned end


def test_mentee_base_shows_the_13_columns_with_the_representative_of_a_minor(world, client, two_pairs):
    text = _get(world, client, MENTEES).content.decode()
    for column in MENTEE_BASE_COLUMNS:
        assert re.search(
            rf'<th scope="col"( class="sticky-[a-z]+")?>{re.escape(column["title_ru"])}</th>', text
        )
    assert "Сидорова Елена Андреевна (мать): +7 900 111-22-33" in text
    assert '<td rowspan="1">2012</td>' in text
    assert "учитель, МБОУ «СОШ № 1»" in text  # the mentor's workplace
    assert "выполнен не в полной мере" in text
    assert "mentee@example.com" not in text  # adults' own contacts: the world's persons have none
    assert "законный представитель не указан" in text  # the stranger's child has no guardian recorded


def test_the_tables_show_the_pairs_of_the_chosen_programme(world, client, two_pairs):
    later = Programme.objects.create(
        organization=world.school, year=2026, start_date=date(2026, 9, 1), end_date=date(2027, 5, 31)
    )
    # Without a programme in the query the latest one is taken: it has no pairs yet.
    cell = "<td>Учитель – ученик</td>"
    assert cell not in _get(world, client, MENTORS).content.decode()
    assert cell in _get(world, client, MENTORS, programme=two_pairs.programme.pk).content.decode()
    assert cell in _get(world, client, MENTEES, programme="").content.decode()  # all programmes
    assert later.academic_year in _get(world, client, MENTEES).content.decode()


def _names(response, people):
    text = response.content.decode()
    return {key for key, person in people.items() if person.full_name in text}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda: {}, {"mentee", "child", "stranger_child"}),
        (lambda: {"q": "сидоров павел"}, {"child"}),
        (lambda: {"pairing": "paired"}, {"mentee", "child"}),
        (lambda: {"pairing": "unpaired"}, {"stranger_child"}),
        (lambda: {"form": MentoringForm.objects.get(code="teacher_pupil").pk}, {"child"}),
        (lambda: {"category": MenteeCategory.objects.get(code="gifted").pk}, {"stranger_child"}),
        (lambda: {"category": "no-such-category"}, {"mentee", "child", "stranger_child"}),  # ignored
    ],
)
def test_mentee_filters(world, client, two_pairs, params, expected):
    MenteeProfile.objects.filter(person=world.persons["stranger_child"]).update(
        category=MenteeCategory.objects.get(code="gifted")
    )
    people = {key: world.persons[key] for key in ["mentee", "child", "stranger_child"]}
    assert _names(_get(world, client, MENTEES, **params()), people) == expected


def test_mentor_filters(world, client, two_pairs):
    other = make_person(world.school, "Орлова", "Светлана", "Игоревна")
    MentorProfile.objects.create(
        organization=world.school,
        person=other,
        entered_on=date(2025, 9, 1),
        interests=["research", "social"],
        training_status=MentorProfile.Training.TRAINED,
        trained_on=date(2025, 9, 20),
        category=MentorCategory.objects.get(code="teaching_veteran"),
    )
    people = {"mentor": world.persons["mentor"], "other": other}
    teacher_pupil = MentoringForm.objects.get(code="teacher_pupil").pk
    cases = [
        ({"pairing": "paired"}, {"mentor"}),
        ({"pairing": "unpaired"}, {"other"}),
        ({"form": teacher_pupil}, {"mentor"}),
        ({"training": "trained"}, {"other"}),
        ({"interest": "social"}, {"other"}),
        ({"interest": "innovative"}, set()),
        ({"category": MentorCategory.objects.get(code="teaching_veteran").pk}, {"other"}),
        ({"q": "орлова"}, {"other"}),
    ]
    for params, expected in cases:
        assert _names(_get(world, client, MENTORS, **params), people) == expected, params


def test_a_closed_pair_no_longer_counts_as_paired(world, client, active_pair):
    services.pair_terminate(
        pair=active_pair, reason="длительное лечение", category="health", by=world.users["coordinator"]
    )
    text = _get(world, client, MENTEES, pairing="unpaired").content.decode()
    assert "Сидоров Павел Игоревич" in text
    # the results column of the closed pair: the category only, never the details (health data)
    assert "Прекращена досрочно по состоянию здоровья" in text and "лечение" not in text


# The spreadsheet ------------------------------------------------------------------------------------


def test_mentor_base_xlsx(world, client, two_pairs):
    response = _get(world, client, MENTORS, "director", format="xlsx", programme=two_pairs.programme.pk)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''" + quote("База наставников 2025-2026.xlsx")
    )
    sheet = _workbook(response)
    assert sheet["A1"].value == "База наставников — МБОУ «СОШ № 1», 2025/2026 учебный год"
    assert [cell.value for cell in sheet[2]] == [c["title_ru"] for c in MENTOR_BASE_COLUMNS]
    assert sheet["B2"].font.bold and sheet["B2"].alignment.wrap_text
    assert sheet.freeze_panes == "A3"
    assert sheet.column_dimensions["E"].width == 36  # competencies
    row = [cell.value for cell in sheet[3]]
    assert row[:2] == [1, "Иванова Мария Петровна"]
    assert row[10] == "Сидоров Павел Игоревич\nПетров Иван Сергеевич"  # a line per pair
    assert row[11] == "Учитель – ученик\nУчитель – учитель"
    assert sheet.max_row == 3


def test_mentee_base_xlsx_applies_the_filters(world, client, two_pairs):
    sheet = _workbook(_get(world, client, MENTEES, format="xlsx", pairing="paired", page=2))
    assert sheet["A1"].value == "База наставляемых — МБОУ «СОШ № 1», 2025/2026 учебный год"
    assert [cell.value for cell in sheet[2]] == [c["title_ru"] for c in MENTEE_BASE_COLUMNS]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert set(rows) == {"Петров Иван Сергеевич", "Сидоров Павел Игоревич"}  # all pages, filtered
    child = rows["Сидоров Павел Игоревич"]
    assert child[2] == "Сидорова Елена Андреевна (мать): +7 900 111-22-33"
    assert (
        child[3] == 2012 and child[6] == "Иванова Мария Петровна" and child[12] == "выполнен не в полной мере"
    )


def test_the_page_links_to_the_export_with_its_filters(world, client, two_pairs):
    text = _get(world, client, MENTEES, pairing="paired", page=1).content.decode()
    assert 'href="?pairing=paired&amp;format=xlsx"' in text  # the filters, not the page


# Query counts ---------------------------------------------------------------------------------------


def _grow(world, programme, count):
    """`count` mentors, each with a pair, a minor mentee with a guardian, and a marked plan."""
    school, form = world.school, MentoringForm.objects.get(code="teacher_pupil")
    start = Person.objects.count()

    def people(prefix, **fields):
        created = Person.objects.bulk_create(
            Person(organization=school, last_name=f"{prefix}{start + n}", **fields) for n in range(count)
        )
        for person in created:  # bulk_create skips save(), which fills the search column
            person.save(update_fields=["search_text"])
        return created

    mentors = people("Наставник", first_name="А", sex="F", kind="staff", position="учитель")
    mentees = people(
        "Ученик", first_name="Б", sex="M", kind="student", group="5А", birth_date=date(2014, 1, 1)
    )
    guardians = people("Родитель", first_name="В", sex="F", kind="external", phone="+7 900")
    Guardianship.objects.bulk_create(
        Guardianship(guardian=g, child=c, relation="mother") for g, c in zip(guardians, mentees, strict=True)
    )
    MentorProfile.objects.bulk_create(
        MentorProfile(organization=school, person=m, entered_on=date(2025, 9, 1), interests=["social"])
        for m in mentors
    )
    MenteeProfile.objects.bulk_create(
        MenteeProfile(organization=school, person=m, entered_on=date(2025, 9, 1), main_request="успеваемость")
        for m in mentees
    )
    pairs = Pair.objects.bulk_create(
        Pair(
            organization=school,
            programme=programme,
            form=form,
            mentor=m,
            start_date=date(2025, 10, 1),
            end_date=date(2026, 5, 1),
            status="active",
        )
        for m in mentors
    )
    PairMentee.objects.bulk_create(
        PairMentee(pair=p, mentee=m, form=form, slot=1, joined_on=date(2025, 10, 1))
        for p, m in zip(pairs, mentees, strict=True)
    )
    IndividualPlan.objects.bulk_create(
        IndividualPlan(
            pair=p, mentee=m, start_date=date(2025, 10, 1), end_date=date(2026, 5, 1), mark="fully"
        )
        for p, m in zip(pairs, mentees, strict=True)
    )


@pytest.mark.parametrize("url", [MENTORS, MENTEES])
@pytest.mark.parametrize("params", [{}, {"format": "xlsx"}, {"pairing": "paired", "q": "ник"}])
def test_queries_do_not_grow_from_10_to_100_profiles(world, client, programme, url, params):
    client = world.client(client, "coordinator")
    counts = []
    for count in (10, 90):
        _grow(world, programme, count)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    if "format" in params:
        assert _workbook(response).max_row == 2 + 100  # the title, the header, every profile
    else:
        assert response.content.decode().count("<tr>") > 50  # a full page of rows


def test_unpaired_queries_do_not_grow(world, client, django_assert_max_num_queries):
    client = world.client(client, "coordinator")
    for n in range(10):
        MenteeProfile.objects.create(
            organization=world.school,
            person=make_person(world.school, f"Ждущий{n}", "Я"),
            entered_on=date(2025, 9, 1),
            main_request="адаптация",
        )
    with CaptureQueriesContext(connection) as small:
        client.get(UNPAIRED)
    for n in range(40):
        MenteeProfile.objects.create(
            organization=world.school,
            person=make_person(world.school, f"Ждёт{n}", "Я"),
            entered_on=date(2025, 9, 1),
            main_request="адаптация",
        )
    with django_assert_max_num_queries(len(small)):
        assert client.get(UNPAIRED).content.decode().count('name="profile"') == 50


# The profile forms ----------------------------------------------------------------------------------


def _mentor_data(person=None, **overrides):
    data = {"entered_on": "2025-09-01", "training_status": "none", "competencies": "проектная деятельность"}
    if person is not None:
        data["person"] = person.pk
    data.update(overrides)
    return data


def test_mentor_form_offers_only_people_not_yet_in_the_base(world, client):
    make_bases(world)
    response = _get(world, client, reverse("mentoring:mentor_base.create"))
    offered = set(response.context["form"].fields["person"].queryset)
    assert world.persons["director"] in offered and world.persons["parent"] in offered
    assert world.persons["mentor"] not in offered  # already in the base
    assert world.persons["other_teacher"] not in offered  # another school's teacher
    text = response.content.decode()
    assert f'value="{world.persons["director"].pk}">Терешкова Валентина Петровна — учитель' in text
    assert 'type="checkbox" class="form-check-input"  name="interests" value="research"' in text  # checkboxes


def test_curator_adds_a_mentor_through_the_service(world, client):
    response = world.client(client, "curator").post(
        reverse("mentoring:mentor_base.create"),
        _mentor_data(
            world.persons["director"], interests=["research", "other"], interests_other="робототехника"
        ),
    )
    assert response.status_code == 302 and response["Location"] == MENTORS
    profile = MentorProfile.objects.get(person=world.persons["director"])
    assert profile.organization == world.school and profile.interests == ["research", "other"]
    assert profile.interests_display() == "Исследовательская деятельность; робототехника"
    assert AuditEntry.objects.filter(action="mentor_base.create", object_id=str(profile.pk)).exists()


@pytest.mark.parametrize(
    ("person", "overrides", "message"),
    [
        (
            "director",
            {"training_status": "trained"},
            "Укажите дату обучения в «Школе наставников».",
        ),  # service
        ("stranger_child", {"experience_years": 5}, "Педагогический стаж указывают только для педагогов."),
        ("director", {"interests": ["other"]}, "Опишите другие интересы наставника."),
        ("director", {"left_on": "2025-08-01"}, "Дата выхода из базы не может быть раньше даты вхождения."),
        ("other_teacher", {}, "Выберите корректный вариант."),
        ("director", {"entered_on": ""}, "Обязательное поле."),
    ],
)
def test_mentor_form_errors_are_russian_and_at_the_field(world, client, person, overrides, message):
    response = world.client(client, "coordinator").post(
        reverse("mentoring:mentor_base.create"), _mentor_data(world.persons[person], **overrides)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert message in str(form.errors) and not form.non_field_errors()
    assert not MentorProfile.objects.exists()


def test_mentor_update_keeps_the_person(world, client):
    make_bases(world)
    profile = world.persons["mentor"].mentor_profile
    url = reverse("mentoring:mentor_base.update", args=[profile.pk])
    client = world.client(client, "coordinator")
    assert 'name="person"' not in client.get(url).content.decode()
    client.post(
        url,
        _mentor_data(
            person=world.persons["director"],
            time_available="2 часа в неделю",
            case_link="school.example/case",
        ),
    )
    profile.refresh_from_db()
    assert profile.person == world.persons["mentor"] and profile.time_available == "2 часа в неделю"
    assert profile.case_link == "https://school.example/case"
    assert AuditEntry.objects.filter(action="mentor_base.update", object_id=str(profile.pk)).exists()


def test_mentee_form_checks_the_category_against_the_person(world, client):
    url = reverse("mentoring:mentee_base.create")
    client = world.client(client, "coordinator")
    offered = set(client.get(url).context["form"].fields["person"].queryset)
    assert world.persons["child"] in offered and world.persons["director"] in offered
    assert world.persons["parent"] not in offered  # an external participant is not a mentee
    data = {
        "person": world.persons["child"].pk,
        "entered_on": "2025-09-05",
        "main_request": "подготовка к олимпиаде",
        "category": MenteeCategory.objects.get(code="young_specialist").pk,
    }
    response = client.post(url, data)
    assert "Эта категория — для группы «Педагоги», а участник — обучающийся." in str(
        response.context["form"]["category"].errors
    )
    data["category"] = MenteeCategory.objects.get(code="gifted").pk
    assert client.post(url, data).status_code == 302
    profile = MenteeProfile.objects.get(person=world.persons["child"])
    assert profile.category.code == "gifted"
    assert AuditEntry.objects.filter(action="mentee_base.create", object_id=str(profile.pk)).exists()


def test_mentee_request_is_required(world, client):
    response = world.client(client, "coordinator").post(
        reverse("mentoring:mentee_base.create"),
        {"person": world.persons["child"].pk, "entered_on": "2025-09-05", "main_request": "  "},
    )
    assert "Обязательное поле." in str(response.context["form"]["main_request"].errors)
    assert not MenteeProfile.objects.exists()


# Mentees without a pair -----------------------------------------------------------------------------


def test_unpaired_lists_the_waiting_mentees(world, client, active_pair):
    MenteeProfile.objects.filter(person=world.persons["mentee"]).update(left_on=date(2025, 9, 30))
    text = _get(world, client, UNPAIRED, "director").content.decode()
    assert "Кузнецов Артём" in text and "адаптация и повышение успеваемости" in text and "01.09.2025" in text
    assert "Сидоров Павел" not in text  # in the active pair
    assert "Петров Иван" not in text  # left the base
    assert 'name="support_given"' not in text  # the director only looks


def test_support_is_saved_inline_with_htmx(world, client, active_pair):
    profile = world.persons["stranger_child"].mentee_profile
    text = _get(world, client, UNPAIRED, "curator").content.decode()
    assert (
        'hx-post="/' in text
        and 'hx-target="closest tr"' in text
        and f'id="support-{profile.pk}-support_given"' in text
    )
    response = client.post(
        UNPAIRED, {"profile": profile.pk, "support_given": "беседа с психологом"}, HTTP_HX_REQUEST="true"
    )
    row = response.content.decode()
    assert (
        row.startswith(f'<tr id="unpaired-{profile.pk}">')
        and "Сохранено" in row
        and "беседа с психологом" in row
    )
    profile.refresh_from_db()
    assert profile.support_given == "беседа с психологом"
    assert AuditEntry.objects.filter(action="mentee_base.update", object_id=str(profile.pk)).exists()


def test_support_without_htmx_redirects_with_a_message(world, client, active_pair):
    profile = world.persons["stranger_child"].mentee_profile
    client = world.client(client, "coordinator")
    response = client.post(UNPAIRED, {"profile": profile.pk, "support_given": "консультация"}, follow=True)
    assert "Поддержка наставляемого «Кузнецов Артём» записана." in response.content.decode()


def test_support_cannot_be_saved_for_a_paired_mentee_or_a_bad_id(world, client, active_pair):
    client = world.client(client, "coordinator")
    paired = world.persons["child"].mentee_profile
    assert client.post(UNPAIRED, {"profile": paired.pk, "support_given": "x"}).status_code == 404
    assert client.post(UNPAIRED, {"profile": "abc", "support_given": "x"}).status_code == 404
    paired.refresh_from_db()
    assert paired.support_given == ""


def test_mentor_reads_the_code_and_acknowledges_it_once(world, client):
    make_bases(world)
    mentor = world.client(client, "mentor")
    page = mentor.get(reverse("mentoring:mentor_code")).content.decode()
    assert "КОДЕКС НАСТАВНИКА".lower() in page.lower() and "стал жертвой насилия" in page
    mentor.post(reverse("mentoring:mentor_code"))
    profile = MentorProfile.objects.get(person=world.persons["mentor"])
    first = profile.code_acknowledged_on
    assert first is not None
    mentor.post(reverse("mentoring:mentor_code"))
    profile.refresh_from_db()
    assert profile.code_acknowledged_on == first
    client.logout()
    # someone who is not in the mentor base reads it, but has nothing to acknowledge
    assert world.client(client, "mentee").post(reverse("mentoring:mentor_code")).status_code == 403
