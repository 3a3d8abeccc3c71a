"""The school's Положение о наставничестве and the «Школа наставников»: the write paths, the pages and their
place in the permission grid (every role, anonymous, and the other school's coordinator)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import AuditEntry
from accounts.testing.grid import ALL
from mentoring.documents.regulation import current_regulation, default_regulation, regulation_blocks
from mentoring.models import MentorSchoolSession, Programme
from mentoring.regulation_text import DEFAULT_REGULATION_TEXT
from mentoring.services.regulation import mentor_school_session_save, regulation_save


def save_default(world, organization=None):
    organization = organization or world.school
    title, text = default_regulation(organization)
    return regulation_save(organization=organization, title=title, text=text, by=world.users["coordinator"])


def add_session(programme, *, trainer=None, trainer_name="", day=date(2025, 10, 14), by=None):
    return mentor_school_session_save(
        session=MentorSchoolSession(
            programme=programme,
            date=day,
            time="15:00–16:30",
            topic="Целевая модель наставничества",
            format="lecture",
            hours=2,
            trainer=trainer,
            trainer_name=trainer_name,
        ),
        by=by,
    )


def test_every_save_of_the_regulation_is_a_new_version(world):
    first = save_default(world)
    assert first.number == 1 and "МБОУ «СОШ № 1»" in first.text and "{organization}" not in first.text
    with pytest.raises(ValidationError, match="Текст не изменился"):
        save_default(world)
    second = regulation_save(
        organization=world.school,
        title=first.title,
        text=first.text + "\n\n10.3. Положение публикуется на сайте школы.",
        comment="добавлен п. 10.3",
        by=world.users["coordinator"],
    )
    assert second.number == 2 and current_regulation(world.school) == second
    assert first.text != second.text and world.school.regulation_versions.count() == 2
    assert AuditEntry.objects.filter(action="regulation.save").count() == 2
    with pytest.raises(ValidationError, match="слишком короткий"):
        regulation_save(organization=world.school, title="Положение", text="1. ОБЩЕЕ", by=None)


def test_the_default_text_has_sections_points_and_the_rules_the_application_enforces():
    blocks = regulation_blocks(DEFAULT_REGULATION_TEXT)
    headings = [b["text"] for b in blocks if b["kind"] == "heading"]
    assert headings[0] == "ОБЩИЕ ПОЛОЖЕНИЯ" and "ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ" in headings and len(headings) == 10
    points = {b["number"]: b["text"] for b in blocks if b["kind"] == "point"}
    assert "более пяти наставляемых" in points["4.4."] and "до 1 октября" in points["4.2."]
    assert "от трёх месяцев до одного года" in points["4.6."] and "пять рабочих дней" in points["4.8."]
    assert "психологической несовместимости" in points["4.9."]


def test_a_session_needs_a_trainer_and_a_date_in_the_programmes_year(world, programme):
    with pytest.raises(ValidationError) as error:
        add_session(programme, day=date(2024, 10, 1))
    assert set(error.value.message_dict) == {"date", "trainer"}
    stranger = world.other.persons.create(last_name="Чужой", first_name="Пётр", sex="M", kind="staff")
    with pytest.raises(ValidationError, match="работником этой школы"):
        add_session(programme, trainer=stranger)
    session = add_session(programme, trainer=world.persons["coordinator"])
    assert session.trainer_display == "Зерщикова А.Н., учитель"
    invited = add_session(programme, trainer_name="Орлова С.Ю., педагог-психолог")
    assert invited.trainer_display == "Орлова С.Ю., педагог-психолог"


def test_the_coordinator_edits_the_regulation_starting_from_the_default_text(world, client):
    coordinator = world.client(client, "coordinator")
    page = coordinator.get(reverse("mentoring:regulation.detail")).content.decode()
    assert "Положение ещё не сохранено" in page
    form = coordinator.get(reverse("mentoring:regulation.edit")).content.decode()
    assert (
        "1. ОБЩИЕ ПОЛОЖЕНИЯ" in form
        and "МБОУ «СОШ № 1»" in form.replace("&laquo;", "«").replace("&raquo;", "»")
        or "СОШ № 1" in form
    )
    title, text = default_regulation(world.school)
    response = coordinator.post(
        reverse("mentoring:regulation.edit"), {"title": title, "text": text.replace("школа", "гимназия", 1)}
    )
    assert response.status_code == 302
    assert current_regulation(world.school).number == 1
    page = coordinator.get(reverse("mentoring:regulation.detail")).content.decode()
    assert "Редакция № 1" in page and "гимназия" in page


def test_the_coordinator_builds_the_schedule_of_the_mentor_school(world, client, programme):
    coordinator = world.client(client, "coordinator")
    url = reverse("mentoring:mentor_school", args=[programme.pk])
    response = coordinator.post(
        url,
        {
            "date": "2025-10-14",
            "time": "15:00–16:30",
            "topic": "Первые встречи пары",
            "format": "workshop",
            "hours": "2",
            "trainer": world.persons["mentor"].pk,
        },
    )
    assert response.status_code == 302
    session = programme.mentor_school_sessions.get()
    assert session.trainer == world.persons["mentor"]
    page = coordinator.get(url).content.decode()
    assert "Первые встречи пары" in page and "Иванова М.П." in page
    response = coordinator.post(
        url, {"date": "2025-10-21", "topic": "Без ведущего", "format": "seminar", "hours": "2"}
    )
    assert response.status_code == 200 and "Укажите ведущего" in response.content.decode()
    coordinator.post(reverse("mentoring:mentor_school.session.delete", args=[programme.pk, session.pk]))
    assert not programme.mentor_school_sessions.exists()


# --- Who may change the school's texts (the status codes of every URL: grid_rows_documents.py) ----------


@pytest.fixture
def objects(world, programme):
    foreign = Programme.objects.create(
        organization=world.other, year=2025, start_date=date(2025, 9, 1), end_date=date(2026, 6, 30)
    )
    return {
        "session": add_session(programme, trainer_name="Орлова С.Ю."),
        "programme": programme,
        "foreign": foreign,
        "foreign_session": add_session(foreign, trainer_name="Чужой П."),
    }


@pytest.mark.parametrize("role", ALL)
def test_only_the_schools_coordinator_deletes_a_session(world, client, objects, role):
    session = objects["session"]
    url = reverse("mentoring:mentor_school.session.delete", args=[objects["programme"].pk, session.pk])
    response = world.client(client, role).post(url)
    expected = {None: 302, "coordinator": 302, "other_coordinator": 404}.get(role, 403)
    assert response.status_code == expected
    assert MentorSchoolSession.objects.filter(pk=session.pk).exists() == (role != "coordinator")


@pytest.mark.parametrize("role", ALL)
def test_only_the_coordinator_adds_a_session_or_saves_the_regulation(world, client, objects, role):
    data = {
        "date": "2025-10-20",
        "topic": "Новая тема",
        "format": "seminar",
        "hours": "1",
        "trainer_name": "Х.",
    }
    response = world.client(client, role).post(
        reverse("mentoring:mentor_school", args=[objects["programme"].pk]), data
    )
    expected = {None: 302, "coordinator": 302, "other_coordinator": 404}.get(role, 403)
    assert response.status_code == expected
    assert objects["programme"].mentor_school_sessions.filter(topic="Новая тема").exists() == (
        role == "coordinator"
    )
    title, text = default_regulation(world.school)
    response = world.client(client, role).post(
        reverse("mentoring:regulation.edit"), {"title": title, "text": text}
    )
    assert response.status_code == {None: 302, "coordinator": 302, "other_coordinator": 302}.get(role, 403)
    assert world.school.regulation_versions.exists() == (role == "coordinator")
