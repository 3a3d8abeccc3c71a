"""Answering by the link and from the account: one screen per section, saved section by section, once only;
a minor without a parent's consent records nothing; anonymous answers keep no person; O(1) queries."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEntry
from conftest import give_consents
from monitoring import services
from monitoring.models import Answer, Campaign, Response
from monitoring.views.answer import ANSWER_LIMIT

from .conftest import answer_all, invitation_of, make_campaign, make_questionnaire

QUESTIONS = [
    ("Насколько вам интересно?", "scale10", {}),
    ("Любимый предмет", "single", {"options": ["Математика", "Физика"], "has_other": True}),
    (
        "Что нравится?",
        "multiple",
        {"options": ["Проекты", "Олимпиады"], "has_other": True, "required": False},
    ),
    ("Ваши пожелания", "long_text", {"required": False}),
]


@pytest.fixture
def campaign(world, programme):
    give_consents(world.persons["mentee"])
    questionnaire = make_questionnaire(world, QUESTIONS, sections=2)
    return make_campaign(world, programme, questionnaire, people=[world.persons["mentee"]])


def url_of(invitation, section=None):
    url = reverse("monitoring:answer", args=[invitation.link_token()])
    return f"{url}?s={section}" if section else url


def field(campaign, text):
    return f"q{campaign.questionnaire.questions.get(text=text).pk}"


def test_the_respondent_answers_section_by_section_and_submits_once(world, client, campaign):
    invitation = campaign.invitations.get()
    url = url_of(invitation)
    first = client.get(url).content.decode()
    assert "Раздел 1 из 2" in first and "Насколько вам интересно?" in first and "Ваши пожелания" not in first

    missing = client.post(url, {"s": 1, "action": "next"})
    assert "Это обязательный вопрос" in missing.content.decode()
    assert not Response.objects.exists()  # nothing saved from an invalid screen

    scale, subject = field(campaign, "Насколько вам интересно?"), field(campaign, "Любимый предмет")
    response = client.post(
        url, {"s": 1, "action": "next", scale: "8", subject: "Другое", f"{subject}_other": ""}
    )
    assert "Напишите свой вариант ответа" in response.content.decode()
    response = client.post(
        url, {"s": 1, "action": "next", scale: "8", subject: "Другое", f"{subject}_other": "Химия"}
    )
    assert response.status_code == 302 and response["Location"].endswith("?s=2")
    saved = Response.objects.get()
    assert (saved.person, saved.submitted_at, saved.next_section) == (world.persons["mentee"], None, 1)
    assert {
        a.question.text: (a.number, a.text, a.other) for a in saved.answers.select_related("question")
    } == {
        "Насколько вам интересно?": (8.0, "", ""),
        "Любимый предмет": (None, "Другое", "Химия"),
    }

    # Back on another day: the link opens where they stopped, with their answers kept.
    again = client.get(url).content.decode()
    assert "Раздел 2 из 2" in again and "Отправить ответы" in again
    back = client.get(url_of(invitation, 1)).content.decode()
    assert 'value="8" autocomplete="off" checked' in back and 'value="Химия"' in back

    likes, wishes = field(campaign, "Что нравится?"), field(campaign, "Ваши пожелания")
    done = client.post(
        url, {"s": 2, "action": "submit", likes: ["Проекты", "Олимпиады"], wishes: "Больше практики"}
    )
    assert "Спасибо! Ответы приняты" in done.content.decode()
    saved.refresh_from_db()
    invitation.refresh_from_db()
    assert saved.submitted_at is not None and invitation.used_at is not None
    assert saved.answers.get(question__text="Что нравится?").choices == ["Проекты", "Олимпиады"]
    assert (
        AuditEntry.objects.filter(action="campaign.answer", data__person=world.persons["mentee"].pk).count()
        == 1
    )

    used = client.get(url)
    assert used.status_code == 410 and "Вы уже ответили на эту анкету" in used.content.decode()
    assert client.post(url, {"s": 2, "action": "submit"}).status_code == 410


def test_save_and_continue_later_keeps_what_is_typed_without_requiring_the_rest(client, campaign):
    invitation = campaign.invitations.get()
    url = url_of(invitation)
    response = client.post(url, {"s": 1, "action": "later", field(campaign, "Насколько вам интересно?"): "6"})
    page = response.content.decode()
    assert "Ответы сохранены" in page and campaign.closes_on.strftime("%d.%m.%Y") in page
    assert Answer.objects.get().number == 6 and Response.objects.get().submitted_at is None


def test_submitting_with_an_earlier_required_question_unanswered_goes_back_to_it(client, campaign):
    invitation = campaign.invitations.get()
    client.post(
        url_of(invitation), {"s": 1, "action": "later", field(campaign, "Насколько вам интересно?"): "6"}
    )
    response = client.post(url_of(invitation), {"s": 2, "action": "submit"})
    assert response.status_code == 302 and response["Location"].endswith("?s=1")
    message = client.get(response["Location"]).content.decode()
    assert "В разделе «Раздел 1» остались обязательные вопросы без ответа." in message
    assert Response.objects.get().submitted_at is None


def test_an_empty_answer_removes_a_saved_one(client, campaign):
    invitation = campaign.invitations.get()
    wishes = field(campaign, "Ваши пожелания")
    client.post(url_of(invitation), {"s": 2, "action": "later", wishes: "Больше практики"})
    assert Answer.objects.filter(question__text="Ваши пожелания").exists()
    client.post(url_of(invitation), {"s": 2, "action": "later", wishes: ""})
    assert not Answer.objects.filter(question__text="Ваши пожелания").exists()


def test_every_type_is_stored_in_its_column(world, programme):
    give_consents(world.persons["mentor"])
    questionnaire = make_questionnaire(
        world,
        [
            ("Шкала", "scale5", {}),
            ("Да или нет", "yes_no", {}),
            ("Число", "number", {}),
            ("Дата", "date", {}),
            ("Кратко", "short_text", {}),
            ("Наставники", "mentors", {"required": False}),
        ],
        kind="preference",
    )
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["mentee"]])
    from monitoring.forms.answer import SectionAnswerForm

    section = questionnaire.sections.get()
    questions = list(section.questions.all())
    people = {"mentors": [(world.persons["mentor"].pk, "Иванова"), (world.persons["curator"].pk, "Лебедева")]}
    names = {q.text: f"q{q.pk}" for q in questions}
    form = SectionAnswerForm(
        {
            names["Шкала"]: "4",
            names["Да или нет"]: "0",
            names["Число"]: "3,5",
            names["Дата"]: "2026-09-01",
            names["Кратко"]: "  коротко  ",
            f"{names['Наставники']}_1": str(world.persons["mentor"].pk),
            f"{names['Наставники']}_2": str(world.persons["curator"].pk),
        },
        questions=questions,
        people=people,
    )
    assert form.is_valid(), form.errors
    give_consents(world.persons["mentee"])
    services.answer_section_save(
        invitation=campaign.invitations.get(), section=section, values=form.values(), submit=True
    )
    stored = {a.question.text: a for a in Answer.objects.select_related("question")}
    assert stored["Шкала"].number == 4 and stored["Да или нет"].number == 0 and stored["Число"].number == 3.5
    assert stored["Дата"].text == "2026-09-01" and stored["Кратко"].text == "коротко"
    assert stored["Наставники"].choices == [world.persons["mentor"].pk, world.persons["curator"].pk]

    twice = SectionAnswerForm(
        {
            names["Шкала"]: "4",
            names["Да или нет"]: "1",
            names["Число"]: "много",
            names["Дата"]: "2026-09-01",
            names["Кратко"]: "x",
            f"{names['Наставники']}_1": str(world.persons["mentor"].pk),
            f"{names['Наставники']}_2": str(world.persons["mentor"].pk),
        },
        questions=questions,
        people=people,
    )
    assert not twice.is_valid()
    assert "Введите число, например 12 или 3,5." in str(twice.errors)
    assert "Один и тот же человек выбран дважды." in str(twice.errors)


# Consent of minors ---------------------------------------------------------------------------------------------


def test_a_minor_without_a_parents_consent_cannot_answer_and_nothing_is_recorded(world, client, programme):
    questionnaire = make_questionnaire(world, QUESTIONS)
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["child"]])
    invitation = campaign.invitations.get()
    page = client.get(url_of(invitation))
    text = page.content.decode()
    assert page.status_code == 200 and "Пока ответить нельзя" in text and "только с согласия родителя" in text
    assert "Насколько вам интересно?" not in text
    posted = client.post(
        url_of(invitation), {"s": 1, "action": "next", field(campaign, "Насколько вам интересно?"): "9"}
    )
    assert "Пока ответить нельзя" in posted.content.decode()
    assert not Response.objects.exists() and not Answer.objects.exists()
    with pytest.raises(services.answers.ValidationError, match="согласия родителя"):
        answer_all(invitation, {"Насколько вам интересно?": services.Value(number=9)})
    assert not Response.objects.exists()

    give_consents(world.persons["child"])
    assert "Насколько вам интересно?" in client.get(url_of(invitation)).content.decode()


def test_an_adult_student_needs_no_parents_consent(world, client, programme):
    adult = world.persons["stranger_child"]
    adult.birth_date = date(2000, 1, 1)
    adult.save()
    questionnaire = make_questionnaire(world, QUESTIONS)
    campaign = make_campaign(world, programme, questionnaire, people=[adult])
    assert "Насколько вам интересно?" in client.get(url_of(campaign.invitations.get())).content.decode()


# Anonymous campaigns -------------------------------------------------------------------------------------------


def test_anonymous_answers_keep_no_link_to_the_person(world, client, programme, active_pair):
    give_consents(world.persons["child"], world.persons["mentor"])
    questionnaire = make_questionnaire(world, QUESTIONS, sections=2)
    campaign = make_campaign(
        world, programme, questionnaire, anonymous=True, audience="pairs", pairs=[active_pair]
    )
    invitation = invitation_of(campaign, world.persons["child"])
    url = url_of(invitation)
    assert "Опрос анонимный" in client.get(url).content.decode()
    scale, subject = field(campaign, "Насколько вам интересно?"), field(campaign, "Любимый предмет")
    client.post(url, {"s": 1, "action": "next", scale: "7", subject: "Физика"})
    draft = Response.objects.get()
    assert draft.person is None and draft.pair is None and draft.draft_key == invitation.draft_key()
    assert draft.draft_key not in (invitation.token_hash, invitation.salt)
    assert client.get(url).content.decode().count("Раздел 2 из 2") == 1  # the draft is found again

    client.post(url, {"s": 2, "action": "submit"})
    response = Response.objects.get()
    invitation.refresh_from_db()
    assert response.submitted_at is not None and response.draft_key is None and response.person is None
    assert response.form == active_pair.form and response.role == "mentee"  # the groups of the results
    midnight = timezone.localtime(response.submitted_at)
    assert (midnight.hour, midnight.minute, midnight.second) == (0, 0, 0)  # the moment says nothing
    assert invitation.used_at == response.submitted_at  # the invitation knows they answered, to the day
    entry = AuditEntry.objects.get(action="campaign.answer")
    assert entry.object_type == "monitoring.Campaign" and "person" not in entry.data


def test_anonymous_results_appear_only_from_five_respondents(world, client, programme):
    from conftest import make_person

    people = [make_person(world.school, f"Учитель{i}", "Анна", "") for i in range(6)]
    give_consents(*people)
    questionnaire = make_questionnaire(world, [("Оценка", "scale10", {})])
    campaign = make_campaign(world, programme, questionnaire, anonymous=True, people=people)
    client.force_login(world.users["coordinator"])
    results_url = reverse("monitoring:campaign.results", args=[campaign.pk])
    for index, person in enumerate(people[:4]):
        answer_all(invitation_of(campaign, person), {"Оценка": services.Value(number=index + 5)})
    page = client.get(results_url).content.decode()
    assert "результаты появятся, когда ответят не меньше 5 человек" in page and "Среднее" not in page
    export = client.get(reverse("monitoring:campaign.export", args=[campaign.pk]))
    assert export.status_code == 302
    answer_all(invitation_of(campaign, people[4]), {"Оценка": services.Value(number=10)})
    page = client.get(results_url).content.decode()
    assert "Среднее: <strong>7,2</strong> из 10" in page  # (5 + 6 + 7 + 8 + 10) / 5


# Speed ----------------------------------------------------------------------------------------------------------


def _post_queries(client, world, programme, count):
    person = make_person_with_consent(world, f"Отвечающий{count}")
    questionnaire = make_questionnaire(
        world, [(f"Вопрос {i}", "scale10", {}) for i in range(count)], title=f"Анкета {count}"
    )
    campaign = make_campaign(world, programme, questionnaire, people=[person])
    invitation = campaign.invitations.get()
    data = {"s": 1, "action": "submit", **{f"q{q.pk}": "7" for q in questionnaire.questions.all()}}
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url_of(invitation), data)
    assert "Спасибо! Ответы приняты" in response.content.decode()
    assert Answer.objects.filter(response__campaign=campaign).count() == count
    return len(queries)


def make_person_with_consent(world, last):
    from conftest import make_person

    person = make_person(world.school, last, "Олег", "")
    give_consents(person)
    return person


def test_answering_a_section_takes_the_same_queries_for_3_or_30_questions(world, client, programme):
    few = _post_queries(client, world, programme, 3)
    cache.clear()
    many = _post_queries(client, world, programme, 30)
    assert many == few, (few, many)
    assert many <= 25


# From the account ----------------------------------------------------------------------------------------------


def test_a_parent_opens_the_childs_questionnaire_from_the_account(world, client, programme):
    give_consents(world.persons["child"])
    questionnaire = make_questionnaire(world, QUESTIONS)
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["child"]])
    invitation = campaign.invitations.get()
    client.force_login(world.users["parent"])
    page = client.get(reverse("monitoring:mine")).content.decode()
    assert "Проверочная анкета" in page and "Отвечает Павел Сидоров" in page
    response = client.get(reverse("monitoring:answer.mine", args=[invitation.pk]))
    assert response.status_code == 302 and response["Location"] == url_of(invitation)
    client.force_login(world.users["mentor"])
    assert "Проверочная анкета" not in client.get(reverse("monitoring:mine")).content.decode()
    assert client.get(reverse("monitoring:answer.mine", args=[invitation.pk])).status_code == 404


def test_answered_questionnaires_show_as_sent_in_the_account(world, client, campaign):
    answer_all(
        campaign.invitations.get(),
        {
            "Насколько вам интересно?": services.Value(number=5),
            "Любимый предмет": services.Value(text="Физика"),
        },
    )
    client.force_login(world.users["mentee"])
    assert "Ответ отправлен" in client.get(reverse("monitoring:mine")).content.decode()


# Links that cannot be used -------------------------------------------------------------------------------------


def test_a_wrong_link_a_closed_and_a_not_yet_open_campaign_say_so(world, client, programme, campaign):
    wrong = client.get(reverse("monitoring:answer", args=["x" * 43]))
    assert wrong.status_code == 410 and "Ссылка недействительна" in wrong.content.decode()
    later = make_campaign(
        world,
        programme,
        campaign.questionnaire,
        people=[world.persons["mentee"]],
        opens_on=timezone.localdate() + timedelta(days=3),
        closes_on=timezone.localdate() + timedelta(days=10),
    )
    page = client.get(url_of(later.invitations.get())).content.decode()
    assert "Опрос ещё не начался" in page
    services.campaign_close(campaign=campaign, by=world.users["coordinator"])
    closed = client.get(url_of(campaign.invitations.get()))
    assert closed.status_code == 410 and "Приём ответов закончился" in closed.content.decode()
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.CLOSED


def test_the_answer_page_is_rate_limited(client, campaign):
    url = url_of(campaign.invitations.get())
    cache.set("ratelimit:answer:127.0.0.1", ANSWER_LIMIT, 600)
    assert client.get(url).status_code == 429


def test_the_answer_page_fits_a_phone(client, campaign):
    """Mobile-first: the viewport tag, the scale in a flexible row (two rows of five under 420 px)."""
    page = client.get(url_of(campaign.invitations.get())).content.decode()
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
    assert "css/surveys.css" in page and 'class="scale scale-10"' in page
    assert "answer-actions" in page  # the buttons stack full-width on a phone
