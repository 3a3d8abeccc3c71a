"""Intake: a potential mentor's or mentee's answers propose a base entry; the coordinator accepts it in one click
or edits it first; the base is filled from the answers, not retyped."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import give_consents, make_person
from mentoring.models import MenteeCategory, MenteeProfile, MentorProfile
from monitoring import services
from monitoring.models import IntakeProposal

from .conftest import answer_all, invitation_of, make_campaign

V = services.Value
COMPETENCIES = "В чём вы сильны? Перечислите ваши основные профессиональные и личные компетенции."
ACHIEVEMENTS = "Какие ваши достижения могут быть полезны наставляемым?"
EXPERIENCE = "Ваш педагогический стаж, полных лет"
INTERESTS = "Какие направления работы вам интересны?"
AGE = "С наставляемыми какого возраста или опыта вам комфортнее работать?"
TIME = "Сколько времени в неделю вы готовы уделять наставничеству?"


def mentor_answers():
    return {
        COMPETENCIES: V(text="Подготовка к олимпиадам по физике"),
        ACHIEVEMENTS: V(text="Учитель года — 2024"),
        EXPERIENCE: V(number=17),
        "Был ли у вас раньше опыт наставничества или шефства?": V(number=1),
        INTERESTS: V(choices=["Исследовательская деятельность", "Другое"], other="робототехника"),
        "В какой форме наставничества вы хотели бы участвовать?": V(choices=["Учитель – ученик"]),
        AGE: V(text="14–17 лет"),
        TIME: V(text="2–3 часа в неделю"),
        "Какие форматы встреч вам удобны?": V(choices=["Онлайн-встречи"]),
        "Готовы ли вы пройти обучение в «Школе наставников»?": V(number=1),
    }


@pytest.fixture
def mentor_proposal(world, programme, standard):
    teacher = make_person(world.school, "Морозов", "Антон", "Ильич", sex="M", position="учитель физики")
    campaign = make_campaign(world, programme, standard["mentor_intake"], people=[teacher])
    answer_all(invitation_of(campaign, teacher), mentor_answers())
    return IntakeProposal.objects.get(person=teacher)


def test_a_potential_mentors_answers_propose_a_mentor_base_entry(mentor_proposal):
    assert mentor_proposal.base == "mentor" and mentor_proposal.status == "pending"
    assert mentor_proposal.fields == {
        "competencies": "Подготовка к олимпиадам по физике",
        "achievements": "Учитель года — 2024",
        "experience_years": 17,
        "interests": ["research", "other"],
        "interests_other": "робототехника",
        "desired_mentee_age": "14–17 лет",
        "time_available": "2–3 часа в неделю",
    }
    assert not MentorProfile.objects.filter(
        person=mentor_proposal.person
    ).exists()  # nothing before the decision


def test_the_coordinator_accepts_it_in_one_click(world, client, mentor_proposal):
    client.force_login(world.users["coordinator"])
    page = client.get(reverse("monitoring:intake.list")).content.decode()
    assert "Морозов Антон Ильич" in page and "Подготовка к олимпиадам по физике" in page
    assert "Исследовательская деятельность" in page
    response = client.post(reverse("monitoring:intake.accept", args=[mentor_proposal.pk]), follow=True)
    assert "Морозов Антон Ильич: запись внесена в базу наставников." in response.content.decode()
    profile = MentorProfile.objects.get(person=mentor_proposal.person)
    assert (profile.competencies, profile.experience_years, profile.interests, profile.interests_other) == (
        "Подготовка к олимпиадам по физике",
        17,
        ["research", "other"],
        "робототехника",
    )
    assert profile.desired_mentee_age == "14–17 лет" and profile.time_available == "2–3 часа в неделю"
    mentor_proposal.refresh_from_db()
    assert mentor_proposal.status == "accepted" and mentor_proposal.decided_by == world.users["coordinator"]
    with pytest.raises(ValidationError, match="уже принято решение"):
        services.intake_accept(proposal=mentor_proposal, by=world.users["coordinator"])


def test_the_coordinator_edits_before_accepting(world, client, mentor_proposal):
    client.force_login(world.users["curator"])  # whoever keeps the bases
    url = reverse("monitoring:intake.edit", args=[mentor_proposal.pk])
    page = client.get(url).content.decode()
    assert "Подготовка к олимпиадам по физике" in page
    bad = client.post(url, {"competencies": "Физика", "interests": ["other"], "interests_other": ""})
    assert "Опишите другие интересы наставника." in bad.content.decode()
    client.post(
        url, {"competencies": "Физика и астрономия", "interests": ["research"], "time_available": "1 час"}
    )
    profile = MentorProfile.objects.get(person=mentor_proposal.person)
    assert (profile.competencies, profile.interests, profile.time_available) == (
        "Физика и астрономия",
        ["research"],
        "1 час",
    )


def test_an_existing_entry_is_completed_not_replaced(world, mentor_proposal):
    from datetime import date

    MentorProfile.objects.create(
        organization=world.school,
        person=mentor_proposal.person,
        entered_on=date(2024, 9, 1),
        case_link="https://a.ru",
    )
    services.intake_accept(proposal=mentor_proposal, by=world.users["coordinator"])
    profile = MentorProfile.objects.get(person=mentor_proposal.person)
    assert profile.entered_on == date(2024, 9, 1) and profile.case_link == "https://a.ru"
    assert profile.competencies == "Подготовка к олимпиадам по физике"


def test_a_rejected_proposal_writes_nothing(world, client, mentor_proposal):
    client.force_login(world.users["coordinator"])
    client.post(reverse("monitoring:intake.reject", args=[mentor_proposal.pk]))
    mentor_proposal.refresh_from_db()
    assert mentor_proposal.status == "rejected"
    assert not MentorProfile.objects.filter(person=mentor_proposal.person).exists()


def test_a_teachers_request_proposes_a_mentee_entry_with_its_category(world, programme, standard):
    teacher = make_person(world.school, "Новикова", "Дарья", "Олеговна", position="учитель биологии")
    campaign = make_campaign(world, programme, standard["mentee_intake_teachers"], people=[teacher])
    category = MenteeCategory.objects.get(code="young_specialist")
    answer_all(
        invitation_of(campaign, teacher),
        {
            "Что лучше всего описывает вашу ситуацию сейчас?": V(text=category.name),
            "С чем вы хотели бы получить помощь наставника в этом учебном году?": V(
                text="Выстроить дисциплину на уроке"
            ),
            "Какие форматы встреч вам удобны?": V(choices=["Онлайн-встречи"]),
        },
    )
    proposal = IntakeProposal.objects.get(person=teacher)
    assert proposal.fields == {"category": category.pk, "main_request": "Выстроить дисциплину на уроке"}
    services.intake_accept(proposal=proposal, by=world.users["coordinator"])
    profile = MenteeProfile.objects.get(person=teacher)
    assert (profile.category, profile.main_request) == (category, "Выстроить дисциплину на уроке")


def test_a_students_request_gets_its_category_from_the_coordinator(world, client, programme, standard):
    child = world.persons["child"]
    give_consents(child)
    campaign = make_campaign(world, programme, standard["mentee_intake_students"], people=[child])
    answer_all(
        invitation_of(campaign, child),
        {
            "С чем тебе хотелось бы, чтобы помог наставник?": V(text="Подтянуть геометрию"),
            "С кем тебе было бы комфортнее заниматься?": V(text="Со старшеклассником"),
            "Как тебе удобнее встречаться?": V(choices=["После уроков в школе"]),
        },
    )
    proposal = IntakeProposal.objects.get(person=child)
    assert proposal.fields == {"main_request": "Подтянуть геометрию"}
    client.force_login(world.users["coordinator"])
    url = reverse("monitoring:intake.edit", args=[proposal.pk])
    form_page = client.get(url).content.decode()
    assert "Молодой специалист" not in form_page  # only students' categories for a student
    low = MenteeCategory.objects.get(code="low_results")
    client.post(url, {"category": low.pk, "main_request": "Подтянуть геометрию к ОГЭ"})
    profile = MenteeProfile.objects.get(person=child)
    assert (profile.category, profile.main_request) == (low, "Подтянуть геометрию к ОГЭ")


def test_intake_list_queries_do_not_grow(world, client, programme, standard, django_assert_max_num_queries):
    people = [make_person(world.school, f"Кандидат{i}", "Иван", "", sex="M") for i in range(6)]
    campaign = make_campaign(world, programme, standard["mentor_intake"], people=people)
    answer_all(invitation_of(campaign, people[0]), mentor_answers())
    client.force_login(world.users["coordinator"])
    url = reverse("monitoring:intake.list")
    with django_assert_max_num_queries(20) as one:
        client.get(url)
    for person in people[1:]:
        answer_all(invitation_of(campaign, person), mentor_answers())
    with django_assert_max_num_queries(len(one)):
        assert client.get(url).content.decode().count("Внести в базу") == 6
