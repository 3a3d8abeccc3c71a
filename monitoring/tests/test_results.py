"""Results of a campaign: distributions and averages per question, per form, per role and per pair, text answers,
preferences, the before/after comparison, the formula-safe .xlsx, a constant number of queries."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import give_consents, make_person
from monitoring import services
from monitoring.documents.spreadsheets import safe
from monitoring.selectors import compute_results, mentor_preferences_for, preferences_for

from .conftest import answer_all, invitation_of, make_campaign, make_questionnaire

V = services.Value
QUESTIONS = [
    ("Оценка", "scale10", {"code": "score"}),
    ("Понравилось?", "yes_no", {}),
    ("Формат", "single", {"options": ["Очно", "Онлайн"], "has_other": True}),
    ("Что было", "multiple", {"options": ["Проекты", "Олимпиады"], "required": False}),
    ("Отзыв", "long_text", {"required": False}),
    ("Часов в неделю", "number", {"required": False}),
]


@pytest.fixture
def answered(world, programme, active_pair, agreed_pair):
    """Three respondents of two pairs in two forms: the mentor (of both), the child and the young teacher."""
    mentor, child, teacher = world.persons["mentor"], world.persons["child"], world.persons["mentee"]
    give_consents(child)
    questionnaire = make_questionnaire(world, QUESTIONS)
    campaign = make_campaign(
        world, programme, questionnaire, audience="pairs", pairs=[active_pair, agreed_pair]
    )
    answer_all(
        invitation_of(campaign, mentor),
        {
            "Оценка": V(number=9),
            "Понравилось?": V(number=1),
            "Формат": V(text="Очно"),
            "Что было": V(choices=["Проекты"]),
        },
    )
    answer_all(
        invitation_of(campaign, child),
        {
            "Оценка": V(number=6),
            "Понравилось?": V(number=1),
            "Формат": V(text="Другое", other="В кружке"),
            "Что было": V(choices=["Проекты", "Олимпиады"]),
            "Отзыв": V(text='=HYPERLINK("http://evil")'),
            "Часов в неделю": V(number=2.5),
        },
    )
    answer_all(
        invitation_of(campaign, teacher),
        {
            "Оценка": V(number=7),
            "Понравилось?": V(number=0),
            "Формат": V(text="Онлайн"),
            "Отзыв": V(text="Полезно"),
        },
    )
    return campaign


def question(results, text):
    return next(
        item for section in results["sections"] for item in section["questions"] if item["text"] == text
    )


def test_distributions_and_averages_per_question(answered):
    results = compute_results(answered)
    assert (results["invited"], results["respondents"], results["hidden"]) == (3, 3, False)
    score = question(results, "Оценка")
    assert score["average"] == pytest.approx(7.33, abs=0.01) and score["answered"] == 3
    assert [row["count"] for row in score["distribution"]] == [0, 0, 0, 0, 0, 1, 1, 0, 1, 0]
    liked = question(results, "Понравилось?")
    assert liked["average"] == pytest.approx(0.67, abs=0.01)
    assert [(r["label"], r["count"]) for r in liked["distribution"]] == [("да", 2), ("нет", 1)]
    form = question(results, "Формат")
    assert [(r["label"], r["count"], r["percent"]) for r in form["distribution"]] == [
        ("Очно", 1, 33.3),
        ("Онлайн", 1, 33.3),
        ("Другое", 1, 33.3),
    ]
    assert form["others"] == ["В кружке"]
    picked = question(results, "Что было")
    assert [(r["label"], r["count"], r["percent"]) for r in picked["distribution"]] == [
        ("Проекты", 2, 100.0),
        ("Олимпиады", 1, 50.0),
    ]
    assert question(results, "Отзыв")["texts"] == ["Полезно", '=HYPERLINK("http://evil")']
    hours = question(results, "Часов в неделю")
    assert hours["average"] == 2.5 and hours["distribution"] == [
        {"label": "2.5", "count": 1, "percent": 100.0}
    ]


def test_averages_per_form_role_and_pair(answered, active_pair, agreed_pair):
    score = question(compute_results(answered), "Оценка")
    # The mentor answers about their first pair (the active «Учитель – ученик» one, made first).
    assert {row["name"]: (row["count"], row["average"]) for row in score["by_form"]} == {
        "Учитель – ученик": (2, 7.5),
        "Учитель – учитель": (1, 7.0),
    }
    assert {row["name"]: row["average"] for row in score["by_role"]} == {
        "Наставник": 9.0,
        "Наставляемый": 6.5,
    }
    assert {row["name"]: row["count"] for row in score["by_pair"]} == {
        "Иванова М.П. — Сидоров П.И.": 2,
        "Иванова М.П. — Петров И.С.": 1,
    }
    pairs = {row["name"]: row for row in compute_results(answered)["pairs"]}
    assert pairs["Иванова М.П. — Сидоров П.И."]["respondents"] == 2
    assert pairs["Иванова М.П. — Сидоров П.И."]["scale_average"] == 7.5  # (9 + 6) / 2
    assert pairs["Иванова М.П. — Петров И.С."]["yes_share"] == 0


def test_drafts_do_not_count(world, answered):
    campaign = answered
    extra = make_person(world.school, "Черновиков", "Олег", "")
    give_consents(extra)
    section = campaign.questionnaire.sections.get()
    from monitoring.models import SurveyInvitation

    invitation = SurveyInvitation(campaign=campaign, person=extra, role="participant")
    invitation.issue(campaign.links_expire_at - campaign.created_at)
    invitation.save()
    score = campaign.questionnaire.questions.get(text="Оценка")
    services.answer_section_save(invitation=invitation, section=section, values={score.pk: V(number=1)})
    assert question(compute_results(campaign), "Оценка")["average"] == pytest.approx(7.33, abs=0.01)


def test_anonymous_groups_under_five_are_hidden(world, programme):
    teachers = [make_person(world.school, f"Педагог{i}", "Анна", "") for i in range(6)]
    give_consents(*teachers)
    questionnaire = make_questionnaire(world, [("Оценка", "scale10", {})])
    campaign = make_campaign(world, programme, questionnaire, anonymous=True, people=teachers)
    for index, person in enumerate(teachers):
        answer_all(invitation_of(campaign, person), {"Оценка": V(number=5 + index % 2)})
    from monitoring.models import Response

    # Five answered in one role, one in another: the small group is not shown apart.
    Response.objects.filter(pk=Response.objects.order_by("pk").first().pk).update(role="mentor")
    results = compute_results(campaign)
    score = question(results, "Оценка")
    assert [row["name"] for row in score["by_role"]] == ["Участник"]
    assert {role["name"]: role["hidden"] for role in results["roles"]} == {
        "Наставник": True,
        "Участник": False,
    }
    assert score["by_pair"] == []  # never per pair when anonymous


def test_results_take_a_constant_number_of_queries(world, programme, answered, django_assert_max_num_queries):
    with django_assert_max_num_queries(20) as few:
        compute_results(answered)
    for index in range(4):
        person = make_person(world.school, f"Ещё{index}", "Иван", "")
        give_consents(person)
        campaign = answered
        from monitoring.models import SurveyInvitation

        invitation = SurveyInvitation(campaign=campaign, person=person, role="participant")
        invitation.issue(campaign.links_expire_at - campaign.created_at)
        invitation.save()
        answer_all(
            invitation,
            {
                "Оценка": V(number=3),
                "Понравилось?": V(number=1),
                "Формат": V(text="Очно"),
                "Отзыв": V(text="!"),
            },
        )
    with django_assert_max_num_queries(len(few)):
        assert compute_results(answered)["respondents"] == 7


def test_the_results_page_and_its_queries(world, client, answered, django_assert_max_num_queries):
    client.force_login(world.users["director"])
    url = reverse("monitoring:campaign.results", args=[answered.pk])
    with django_assert_max_num_queries(30):
        page = client.get(url).content.decode()
    assert "Ответили 3 из 3" in page and "Среднее: <strong>7,3</strong> из 10" in page
    assert (
        "Ответили «да»: <strong>67%</strong>" in page
        and "По парам и группам (2)" in page
        and "В кружке" in page
    )


def test_export_is_formula_safe(world, client, answered):
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("monitoring:campaign.export", args=[answered.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(response.content))
    rows = list(book["Ответы"].iter_rows(values_only=True))
    assert rows[0][:5] == ("№", "ФИО", "Роль", "Форма", "Отправлено")
    by_name = {row[1]: row for row in rows[1:]}
    child = by_name["Сидоров Павел Игоревич"]
    assert child[5] == 6 and '\'=HYPERLINK("http://evil")' in child
    assert all(not (isinstance(cell, str) and cell.startswith("=")) for row in rows for cell in row)
    pairs = list(book["По парам"].iter_rows(values_only=True))
    assert pairs[0][:3] == ("Пара (группа)", "Ответили", "Оценка")
    assert ("Иванова М.П. — Сидоров П.И.", 2, 7.5) in [row[:3] for row in pairs]
    summary = [row for row in book["Сводка"].iter_rows(values_only=True)]
    assert (None, "среднее", pytest.approx(7.33, abs=0.01)) in [row[:3] for row in summary]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+7 900", "'+7 900"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Текст", "Текст"),
        (5, 5),
    ],
)
def test_formula_like_cells_get_an_apostrophe(value, expected):
    assert safe(value) == expected


def test_anonymous_export_carries_no_names(world, client, programme):
    teachers = [make_person(world.school, f"Аноним{i}", "Анна", "") for i in range(5)]
    give_consents(*teachers)
    questionnaire = make_questionnaire(world, [("Оценка", "scale10", {})])
    campaign = make_campaign(world, programme, questionnaire, anonymous=True, people=teachers)
    for person in teachers:
        answer_all(invitation_of(campaign, person), {"Оценка": V(number=8)})
    client.force_login(world.users["coordinator"])
    book = load_workbook(
        BytesIO(client.get(reverse("monitoring:campaign.export", args=[campaign.pk])).content)
    )
    rows = list(book["Ответы"].iter_rows(values_only=True))
    assert rows[0] == ("№", "Оценка") and len(rows) == 6
    assert not any("Аноним" in str(cell) for row in rows for cell in row)


def test_before_and_after_per_participant(world, programme, standard):
    people = [make_person(world.school, f"Участник{i}", "Иван", "") for i in range(3)]
    give_consents(*people)
    entry = make_campaign(world, programme, standard["entry"], people=people)
    exit_ = make_campaign(world, programme, standard["exit"], people=people, baseline=entry)
    confidence, anxiety = "Я уверен(а) в своих силах.", "Я часто переживаю, что не справлюсь."
    everything = {q.text: V(number=5) for q in standard["entry"].questions.all()}
    for index, person in enumerate(people[:2]):
        answer_all(
            invitation_of(entry, person),
            {**everything, confidence: V(number=4 + index), anxiety: V(number=8)},
        )
        answer_all(
            invitation_of(exit_, person),
            {**everything, confidence: V(number=7 + index), anxiety: V(number=5)},
        )
    answer_all(invitation_of(exit_, people[2]), {**everything, confidence: V(number=10)})  # no entry answer
    comparison = compute_results(exit_)["comparison"]
    rows = {row["code"]: row for row in comparison["rows"]}
    assert rows["self_confidence"] == {
        "code": "self_confidence",
        "text": confidence,
        "count": 2,
        "before": 4.5,
        "after": 7.5,
        "delta": 3.0,
    }
    assert rows["anxiety_failure"]["delta"] == -3.0 and len(rows) == 12


def test_preferences_for_the_pairing(world, programme, standard):
    make_bases = __import__("conftest").make_bases
    make_bases(world)
    other_mentor = make_person(world.school, "Смирнова", "Ольга", "")
    from mentoring.models import MentorProfile

    MentorProfile.objects.create(
        organization=world.school, person=other_mentor, entered_on=programme.start_date
    )
    mentee, mentor = world.persons["mentee"], world.persons["mentor"]
    give_consents(mentee, mentor)
    mentees = make_campaign(world, programme, standard["preference_mentee"], people=[mentee])
    answer_all(
        invitation_of(mentees, mentee),
        {
            "Кого из наставников вы выбрали бы? Укажите до трёх человек: первым — самого желанного.": V(
                choices=[other_mentor.pk, mentor.pk]
            ),
            "Согласны ли вы заниматься в группе вместе с другими наставляемыми (до пяти человек)?": V(
                number=1
            ),
            "Насколько полезной была для вас групповая встреча?": V(number=4),
        },
    )
    mentors = make_campaign(world, programme, standard["preference_mentor"], people=[mentor])
    answer_all(
        invitation_of(mentors, mentor),
        {
            "С кем из наставляемых вы хотели бы работать? Укажите до трёх человек: первым — самого желанного.": V(
                choices=[mentee.pk]
            ),
            "Скольких наставляемых вы готовы взять?": V(text="2"),
            "Насколько полезной была для вас групповая встреча?": V(number=5),
        },
    )
    assert preferences_for(programme) == {mentee.pk: [other_mentor.pk, mentor.pk]}
    assert mentor_preferences_for(programme) == {mentor.pk: [mentee.pk]}
    ranking = question(
        compute_results(mentees),
        "Кого из наставников вы выбрали бы? Укажите до трёх человек: первым — самого желанного.",
    )
    assert ranking["ranking"] == [
        {"name": "Смирнова Ольга", "first": 1, "total": 1},
        {"name": "Иванова Мария Петровна", "first": 0, "total": 1},
    ]
