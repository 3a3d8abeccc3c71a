"""The questionnaire builder: questions of every type, its rules, versions, the standard set and the preview."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import AuditEntry
from mentoring.models import MenteeCategory
from monitoring import services
from monitoring.models import Question, Questionnaire, QuestionType, Section
from monitoring.services.questionnaires import LOCKED
from monitoring.standard_set import STANDARD_SET

from .conftest import answer_all, make_campaign, make_questionnaire


def test_every_question_type_can_be_built(world):
    questions = [
        (f"Вопрос {kind}", kind, {"options": ["А", "Б"]} if kind in ("single", "multiple") else {})
        for kind in QuestionType.values
    ]
    questionnaire = make_questionnaire(world, questions, sections=2)
    assert sorted(questionnaire.questions.values_list("type", flat=True)) == sorted(QuestionType.values)
    assert [s.position for s in questionnaire.sections.all()] == [0, 1]
    assert AuditEntry.objects.filter(action="questionnaire.question_save").count() == len(QuestionType.values)


def test_a_choice_needs_two_options_and_unique_ones(world):
    questionnaire = make_questionnaire(world, [])
    section = questionnaire.sections.get()
    by = world.users["coordinator"]
    with pytest.raises(ValidationError) as error:
        services.question_save(
            question=Question(
                questionnaire=questionnaire, section=section, text="Цвет?", type="single", options=["Синий"]
            ),
            by=by,
        )
    assert "хотя бы два варианта" in str(error.value)
    with pytest.raises(ValidationError, match="повторяются"):
        services.question_save(
            question=Question(
                questionnaire=questionnaire, section=section, text="Цвет?", type="single", options=["А", "А "]
            ),
            by=by,
        )


def test_options_of_other_types_are_dropped(world):
    questionnaire = make_questionnaire(
        world, [("Оценка", "scale10", {"options": ["лишнее", "ещё"], "has_other": True})]
    )
    question = questionnaire.questions.get()
    assert question.options == [] and question.has_other is False


def test_base_fields_only_on_intake_questionnaires_and_matching_types(world):
    other = make_questionnaire(world, [])
    by = world.users["coordinator"]
    question = Question(
        questionnaire=other,
        section=other.sections.get(),
        text="Компетенции",
        type="long_text",
        base_field="competencies",
    )
    with pytest.raises(ValidationError) as error:
        services.question_save(question=question, by=by)
    assert "только анкеты потенциальных" in str(error.value)

    intake = make_questionnaire(world, [], kind="mentor_intake", respondent="mentor")
    wrong_type = Question(
        questionnaire=intake,
        section=intake.sections.get(),
        text="Стаж",
        type="short_text",
        base_field="experience_years",
    )
    with pytest.raises(ValidationError, match="подходит тип ответа: число"):
        services.question_save(question=wrong_type, by=by)
    mentee_field = Question(
        questionnaire=intake,
        section=intake.sections.get(),
        text="Запрос",
        type="long_text",
        base_field="main_request",
    )
    with pytest.raises(ValidationError):
        services.question_save(question=mentee_field, by=by)


def test_question_codes_are_unique_in_a_questionnaire(world):
    questionnaire = make_questionnaire(world, [("Первый", "scale10", {"code": "mood"})])
    with pytest.raises(ValidationError, match="код уже есть"):
        services.question_save(
            question=Question(
                questionnaire=questionnaire,
                section=questionnaire.sections.get(),
                text="Второй",
                type="scale5",
                code="mood",
            ),
            by=world.users["coordinator"],
        )


def test_questions_move_inside_their_section(world):
    questionnaire = make_questionnaire(
        world, [("Первый", "scale10", {}), ("Второй", "scale10", {}), ("Третий", "yes_no", {})]
    )
    third = questionnaire.questions.get(text="Третий")
    services.question_move(question=third, up=True, by=world.users["coordinator"])
    assert list(questionnaire.sections.get().questions.values_list("text", flat=True)) == [
        "Первый",
        "Третий",
        "Второй",
    ]
    services.question_move(
        question=questionnaire.questions.get(text="Первый"), up=True, by=world.users["coordinator"]
    )
    assert questionnaire.sections.get().questions.first().text == "Первый"  # the first stays first


def test_the_last_section_cannot_be_deleted(world):
    questionnaire = make_questionnaire(world, [])
    with pytest.raises(ValidationError, match="хотя бы один раздел"):
        services.section_delete(section=questionnaire.sections.get(), by=world.users["coordinator"])


def test_a_questionnaire_with_answers_is_not_changed_but_versioned(world, programme):
    questionnaire = make_questionnaire(
        world, [("Как дела?", "scale10", {}), ("Что нового?", "long_text", {"required": False})]
    )
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["mentor"]])
    invitation = campaign.invitations.get()
    question = questionnaire.questions.get(text="Как дела?")
    answer_all(invitation, {"Как дела?": services.Value(number=7)})
    by = world.users["coordinator"]

    question.text = "Как настроение?"
    with pytest.raises(ValidationError) as error:
        services.question_save(question=question, by=by)
    assert error.value.messages == [LOCKED]
    with pytest.raises(ValidationError):
        services.section_save(section=Section(questionnaire=questionnaire, title="Ещё"), by=by)
    with pytest.raises(ValidationError):
        services.question_delete(question=question, by=by)
    assert Questionnaire.objects.get(pk=questionnaire.pk).questions.get(pk=question.pk).text == "Как дела?"

    version = services.questionnaire_copy(questionnaire=questionnaire, by=by, new_version=True)
    questionnaire.refresh_from_db()
    assert (version.version, version.previous, version.is_current) == (2, questionnaire, True)
    assert questionnaire.is_current is False
    assert list(version.questions.values_list("text", flat=True)) == ["Как дела?", "Что нового?"]
    changed = version.questions.get(text="Как дела?")
    changed.text = "Как настроение?"
    services.question_save(question=changed, by=by)
    # The answer given stays with the question it was given to.
    assert questionnaire.questions.get(text="Как дела?").answers.get().number == 7
    with pytest.raises(ValidationError, match="только актуальную"):
        services.questionnaire_save(questionnaire=questionnaire, by=by)


def test_an_independent_copy_makes_a_variant(world):
    questionnaire = make_questionnaire(world, [("Как дела?", "scale10", {"code": "mood"})])
    copy = services.questionnaire_copy(
        questionnaire=questionnaire, by=world.users["coordinator"], new_version=False
    )
    questionnaire.refresh_from_db()
    assert questionnaire.is_current and copy.is_current and copy.previous is None
    assert copy.title == "Проверочная анкета (копия)"
    assert copy.questions.get().code == "mood"


# The standard set ----------------------------------------------------------------------------------------------


def test_standard_set_is_copied_once_and_is_editable(world, standard):
    assert len(standard) == len(STANDARD_SET) == 15
    assert services.standard_set_install(organization=world.school, by=world.users["coordinator"]) == []
    assert world.other.questionnaires.count() == 0
    question = standard["interim"].questions.first()
    question.text = "Как часто вы встречаетесь с наставником?"
    services.question_save(question=question, by=world.users["coordinator"])
    assert Question.objects.get(pk=question.pk).text == "Как часто вы встречаетесь с наставником?"


def test_standard_set_covers_each_kind_and_a_satisfaction_variant_per_form(standard):
    kinds = {q.kind for q in standard.values()}
    assert kinds == {
        "mentor_intake",
        "mentee_intake",
        "preference",
        "interim",
        "satisfaction",
        "entry",
        "exit",
        "curator",
    }
    satisfaction = {(q.respondent, q.form.code) for q in standard.values() if q.kind == "satisfaction"}
    forms = {"teacher_teacher", "teacher_pupil", "pupil_pupil"}
    assert satisfaction == {(side, form) for side in ("mentor", "mentee") for form in forms}
    students = standard["satisfaction_mentee_teacher_pupil"]
    assert "тебе" in students.questions.first().text  # a student is addressed as «ты»
    # Rated, closed and open questions (seed 000 L907).
    types = set(standard["satisfaction_mentor_teacher_teacher"].questions.values_list("type", flat=True))
    assert {"scale10", "yes_no", "long_text"} <= types


def test_entry_and_exit_ask_the_same_questions_with_the_same_codes(standard):
    entry = list(standard["entry"].questions.values_list("code", "text"))
    exit_ = list(standard["exit"].questions.values_list("code", "text"))
    assert entry == exit_ and len(entry) == 12
    codes = {code.split("_")[0] for code, _ in entry}
    assert codes == {"involvement", "activity", "self", "anxiety"}


def test_intake_questionnaires_fill_the_base_fields(standard):
    mentor = set(
        standard["mentor_intake"].questions.exclude(base_field="").values_list("base_field", flat=True)
    )
    assert mentor == {
        "competencies",
        "achievements",
        "interests",
        "desired_mentee_age",
        "time_available",
        "experience_years",
    }
    teachers = standard["mentee_intake_teachers"].questions.get(base_field="category")
    expected = list(
        MenteeCategory.objects.filter(audience="teachers", sensitive=False).values_list("name", flat=True)
    )
    assert teachers.options == expected and expected
    assert not any(MenteeCategory.objects.get(name=name).sensitive for name in teachers.options)
    # A student never labels themself (some categories are sensitive): the coordinator sets it.
    students = standard["mentee_intake_students"]
    assert set(students.questions.exclude(base_field="").values_list("base_field", flat=True)) == {
        "main_request"
    }


# Pages --------------------------------------------------------------------------------------------------------


def test_coordinator_copies_the_standard_set_from_the_list(world, client):
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("monitoring:questionnaire.standard"), follow=True)
    assert "Добавлены стандартные анкеты: 15" in response.content.decode()
    assert "Анкета потенциального наставника" in response.content.decode()


def test_builder_adds_a_question_through_the_page(world, client):
    questionnaire = make_questionnaire(world, [])
    section = questionnaire.sections.get()
    client.force_login(world.users["coordinator"])
    url = reverse("monitoring:question.create", args=[questionnaire.pk]) + f"?section={section.pk}"
    response = client.post(
        url,
        {
            "section": section.pk,
            "text": "Любимый предмет?",
            "type": "single",
            "options": "Математика\nФизика\n",
            "required": "on",
        },
    )
    assert response.status_code == 302
    question = questionnaire.questions.get()
    assert question.options == ["Математика", "Физика"] and question.required
    bad = client.post(url, {"section": section.pk, "text": "Что?", "type": "multiple", "options": "Одно"})
    assert "хотя бы два варианта" in bad.content.decode()


def test_builder_of_an_answered_questionnaire_offers_a_new_version(world, client, programme):
    questionnaire = make_questionnaire(world, [("Как дела?", "scale10", {})])
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["mentor"]])
    answer_all(campaign.invitations.get(), {"Как дела?": services.Value(number=5)})
    client.force_login(world.users["coordinator"])
    page = client.get(reverse("monitoring:questionnaire.detail", args=[questionnaire.pk])).content.decode()
    assert "Создать новую версию" in page
    assert (
        reverse("monitoring:question.update", args=[questionnaire.pk, questionnaire.questions.get().pk])
        not in page
    )
    response = client.post(
        reverse("monitoring:questionnaire.copy", args=[questionnaire.pk]), {"as": "version"}, follow=True
    )
    assert "Создана версия 2" in response.content.decode()


def test_preview_shows_the_section_as_the_respondent_sees_it(world, client, standard):
    questionnaire = standard["satisfaction_mentor_teacher_teacher"]
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("monitoring:questionnaire.preview", args=[questionnaire.pk]))
    page = response.content.decode()
    first = questionnaire.sections.first().questions.first()
    assert "Предпросмотр" in page and first.text in page
    assert page.count('class="btn-check"') >= 10  # the 1–10 scale as buttons
    assert "Раздел 1 из 3" in page and 'name="action"' not in page  # nothing to save in a preview
    last = client.get(
        reverse("monitoring:questionnaire.preview", args=[questionnaire.pk]) + "?s=3"
    ).content.decode()
    assert "Раздел 3 из 3" in last and "Что в программе было для вас самым ценным?" in last


def test_a_questionnaire_made_by_mistake_is_deleted_from_its_page(world, client):
    questionnaire = make_questionnaire(world, [("Оценка", "scale10", {})], title="Лишняя анкета")
    coordinator = world.client(client, "coordinator")
    url = reverse("monitoring:questionnaire.detail", args=[questionnaire.pk])
    assert "Удалить анкету" in coordinator.get(url).content.decode()
    response = coordinator.post(
        reverse("monitoring:questionnaire.delete", args=[questionnaire.pk]), follow=True
    )
    assert "Анкета «Лишняя анкета» удалена." in response.content.decode()
    assert not Questionnaire.objects.filter(pk=questionnaire.pk).exists()
    assert not Question.objects.filter(questionnaire_id=questionnaire.pk).exists()
    assert AuditEntry.objects.filter(action="questionnaire.delete", object_id=str(questionnaire.pk)).exists()


def test_a_questionnaire_a_campaign_used_is_not_deleted(world, client, programme):
    questionnaire = make_questionnaire(world, [("Оценка", "scale10", {})])
    make_campaign(world, programme, questionnaire, launch=False, people=[world.persons["mentor"]])
    coordinator = world.client(client, "coordinator")
    assert "Удалить анкету" not in coordinator.get(questionnaire.get_absolute_url()).content.decode()
    response = coordinator.post(
        reverse("monitoring:questionnaire.delete", args=[questionnaire.pk]), follow=True
    )
    assert "уже проводились опросы: её нельзя удалить" in response.content.decode()
    assert Questionnaire.objects.filter(pk=questionnaire.pk).exists()


def test_deleting_the_newest_version_makes_the_one_before_current_again(world):
    first = make_questionnaire(world, [("Как дела?", "scale10", {})])
    by = world.users["coordinator"]
    second = services.questionnaire_copy(questionnaire=first, by=by, new_version=True)
    with pytest.raises(ValidationError, match="удалить можно только последнюю"):
        services.questionnaire_delete(questionnaire=Questionnaire.objects.get(pk=first.pk), by=by)
    services.questionnaire_delete(questionnaire=second, by=by)
    first.refresh_from_db()
    assert first.is_current
