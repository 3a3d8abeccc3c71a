"""The questionnaire builder: questionnaires, sections and questions, the standard set, versions.

A questionnaire that has answers is not edited: every write here refuses it, and the coordinator makes a new
version (a copy; the answers stay with the version they were given to)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from accounts.services import audit
from mentoring.models import MenteeCategory, MentoringForm
from monitoring.models import Question, Questionnaire, Section
from monitoring.models.questionnaires import (
    BASE_FIELD_TYPES,
    CHOICE_TYPES,
    MENTEE_BASE_FIELDS,
    MENTOR_BASE_FIELDS,
    Kind,
)
from monitoring.standard_set import STANDARD_SET

LOCKED = "У анкеты уже есть ответы: чтобы её изменить, создайте новую версию — ответы останутся при этой."


def has_answers(questionnaire: Questionnaire) -> bool:
    return questionnaire.campaigns.filter(responses__isnull=False).exists()


def _editable(questionnaire: Questionnaire) -> None:
    if questionnaire.pk and not questionnaire.is_current:
        raise ValidationError("Это прежняя версия анкеты: изменять можно только актуальную.")
    if questionnaire.pk and has_answers(questionnaire):
        raise ValidationError(LOCKED)


@transaction.atomic
def questionnaire_save(*, questionnaire: Questionnaire, by) -> Questionnaire:
    _editable(questionnaire)
    if not questionnaire.title.strip():
        raise ValidationError({"title": "Назовите анкету."})
    if questionnaire.pk:
        wrong = [
            question.text
            for question in questionnaire.questions.exclude(base_field="")
            if question.base_field not in _base_fields(questionnaire.kind)
        ]
        if wrong:
            raise ValidationError(
                {
                    "kind": f"Вопрос «{wrong[0][:60]}» заполняет поле базы, которого нет у анкет этого назначения."
                }
            )
    created = questionnaire.pk is None
    if created:
        questionnaire.created_by = by
    questionnaire.save()
    audit(
        organization=questionnaire.organization,
        actor=by,
        action="questionnaire.create" if created else "questionnaire.update",
        obj=questionnaire,
    )
    return questionnaire


@transaction.atomic
def section_save(*, section: Section, by) -> Section:
    questionnaire = section.questionnaire
    _editable(questionnaire)
    if not section.title.strip():
        raise ValidationError({"title": "Назовите раздел."})
    if section.pk is None:
        last = questionnaire.sections.aggregate(last=Max("position"))["last"]
        section.position = 0 if last is None else last + 1
    section.save()
    audit(
        organization=questionnaire.organization,
        actor=by,
        action="questionnaire.section_save",
        obj=questionnaire,
    )
    return section


@transaction.atomic
def section_delete(*, section: Section, by) -> None:
    questionnaire = section.questionnaire
    _editable(questionnaire)
    if questionnaire.sections.count() == 1:
        raise ValidationError("В анкете должен остаться хотя бы один раздел.")
    section.delete()
    audit(
        organization=questionnaire.organization,
        actor=by,
        action="questionnaire.section_delete",
        obj=questionnaire,
    )


@transaction.atomic
def questionnaire_delete(*, questionnaire: Questionnaire, by) -> None:
    """A questionnaire made by mistake goes; one a campaign used stays with its answers and results. Deleting
    the newest version makes the one before it current again."""
    if questionnaire.campaigns.exists():
        raise ValidationError(
            "По этой анкете уже проводились опросы: её нельзя удалить, ответы и результаты ссылаются на неё. "
            "Ненужную анкету просто не выбирайте для новых опросов."
        )
    if questionnaire.next_versions.exists():
        raise ValidationError("Это прежняя версия анкеты: удалить можно только последнюю версию.")
    previous = questionnaire.previous
    audit(
        organization=questionnaire.organization,
        actor=by,
        action="questionnaire.delete",
        obj=questionnaire,
        title=str(questionnaire),
    )
    questionnaire.delete()
    if previous is not None:
        previous.is_current = True
        previous.save(update_fields=["is_current"])


def _base_fields(kind: str):
    if kind == Kind.MENTOR_INTAKE:
        return MENTOR_BASE_FIELDS
    if kind == Kind.MENTEE_INTAKE:
        return MENTEE_BASE_FIELDS
    return ()


def clean_options(options) -> list[str]:
    """One option per line or item; blanks dropped, repeats refused."""
    if isinstance(options, str):
        options = options.splitlines()
    cleaned = [" ".join(str(option).split()) for option in options]
    cleaned = [option for option in cleaned if option]
    if len(set(cleaned)) != len(cleaned):
        raise ValidationError({"options": "Варианты ответа повторяются."})
    return cleaned


def _check_question(question: Question) -> None:
    errors = {}
    questionnaire = question.questionnaire
    if not question.text.strip():
        errors["text"] = "Напишите вопрос."
    if question.type in CHOICE_TYPES:
        if len(question.options) < 2:
            errors["options"] = "Нужно хотя бы два варианта ответа, каждый с новой строки."
    else:
        question.options, question.has_other = [], False
    if question.base_field:
        if question.base_field not in _base_fields(questionnaire.kind):
            errors["base_field"] = (
                "Это поле базы заполняют только анкеты потенциальных наставников или наставляемых."
            )
        elif question.type not in BASE_FIELD_TYPES[question.base_field]:
            allowed = ", ".join(sorted(str(t.label).lower() for t in BASE_FIELD_TYPES[question.base_field]))
            errors["base_field"] = f"Для этого поля базы подходит тип ответа: {allowed}."
        elif questionnaire.questions.filter(base_field=question.base_field).exclude(pk=question.pk).exists():
            errors["base_field"] = "Это поле базы уже заполняет другой вопрос анкеты."
    if question.code and questionnaire.questions.filter(code=question.code).exclude(pk=question.pk).exists():
        errors["code"] = "Такой код уже есть у другого вопроса этой анкеты."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def question_save(*, question: Question, by) -> Question:
    questionnaire = question.questionnaire
    _editable(questionnaire)
    if question.section.questionnaire_id != questionnaire.pk:
        raise ValidationError("Раздел из другой анкеты.")
    question.options = clean_options(question.options)
    _check_question(question)
    if question.pk is None:
        last = question.section.questions.aggregate(last=Max("position"))["last"]
        question.position = 0 if last is None else last + 1
    question.save()
    audit(
        organization=questionnaire.organization,
        actor=by,
        action="questionnaire.question_save",
        obj=questionnaire,
    )
    return question


@transaction.atomic
def question_delete(*, question: Question, by) -> None:
    questionnaire = question.questionnaire
    _editable(questionnaire)
    question.delete()
    audit(
        organization=questionnaire.organization,
        actor=by,
        action="questionnaire.question_delete",
        obj=questionnaire,
    )


@transaction.atomic
def question_move(*, question: Question, up: bool, by) -> None:
    """One step up or down inside its section (positions renumbered 0, 1, 2… on the way)."""
    _editable(question.questionnaire)
    siblings = list(question.section.questions.order_by("position", "pk"))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == question.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    Question.objects.bulk_update(siblings, ["position"])


@transaction.atomic
def questionnaire_copy(*, questionnaire: Questionnaire, by, new_version: bool) -> Questionnaire:
    """A new version of the questionnaire (it replaces this one in lists and new campaigns), or an independent
    copy to make a variant of it."""
    if new_version and not questionnaire.is_current:
        raise ValidationError("Новую версию делают из актуальной версии анкеты.")
    sections = list(questionnaire.sections.prefetch_related("questions"))
    copy = Questionnaire.objects.get(pk=questionnaire.pk)
    copy.pk, copy.created_by, copy.is_current = None, by, True
    if new_version:
        copy.version, copy.previous = questionnaire.version + 1, questionnaire
        questionnaire.is_current = False
        questionnaire.save(update_fields=["is_current"])
    else:
        copy.title, copy.version, copy.previous, copy.standard_code = (
            f"{questionnaire.title} (копия)",
            1,
            None,
            "",
        )
    copy.save()
    _copy_sections(copy, sections)
    audit(
        organization=questionnaire.organization,
        actor=by,
        action="questionnaire.new_version" if new_version else "questionnaire.copy",
        obj=copy,
        source=questionnaire.pk,
    )
    return copy


def _copy_sections(target: Questionnaire, sections) -> None:
    questions = []
    for section in sections:
        old_questions = list(section.questions.all())
        section.pk, section.questionnaire = None, target
        section.save()
        for question in old_questions:
            question.pk, question.questionnaire, question.section = None, target, section
            questions.append(question)
    Question.objects.bulk_create(questions)


# The standard set ------------------------------------------------------------------------------------------


def _options(spec: dict) -> list[str]:
    if spec.get("options_from") == "teacher_categories":
        # A teacher describes their own situation; sensitive categories are for the coordinator to set.
        return list(
            MenteeCategory.objects.filter(audience="teachers", sensitive=False).values_list("name", flat=True)
        )
    return spec["options"]


@transaction.atomic
def standard_set_install(*, organization, by) -> list[Questionnaire]:
    """Copy the questionnaires of the standard set the organisation does not have yet (in any version)."""
    have = set(organization.questionnaires.exclude(standard_code="").values_list("standard_code", flat=True))
    forms = {form.code: form for form in MentoringForm.objects.all()}
    created = []
    for spec in STANDARD_SET:
        if spec["code"] in have:
            continue
        questionnaire = Questionnaire.objects.create(
            organization=organization,
            title=spec["title"],
            kind=spec["kind"],
            respondent=spec["respondent"],
            form=forms.get(spec.get("form")),
            intro=spec["intro"],
            standard_code=spec["code"],
            created_by=by,
        )
        questions = []
        for position, section_spec in enumerate(spec["sections"]):
            section = Section.objects.create(
                questionnaire=questionnaire,
                position=position,
                title=section_spec["title"],
                description=section_spec["description"],
            )
            for index, item in enumerate(section_spec["questions"]):
                fields = {k: v for k, v in item.items() if k != "options_from"}
                fields["options"] = _options(item)
                questions.append(
                    Question(questionnaire=questionnaire, section=section, position=index, **fields)
                )
        Question.objects.bulk_create(questions)
        created.append(questionnaire)
    if created:
        audit(organization=organization, actor=by, action="questionnaire.standard_set", count=len(created))
    return created
