"""The questionnaire builder: the organisation's questionnaires, the standard set, sections and questions,
versions, and the preview exactly as a respondent sees it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors
from accounts.views.web import post_action, rule_required
from monitoring import rules, services
from monitoring.forms.answer import SectionAnswerForm
from monitoring.forms.builder import QuestionForm, QuestionnaireForm, SectionForm
from monitoring.models import Question, Questionnaire, Section
from monitoring.models.questionnaires import PEOPLE_TYPES


def _questionnaire(request, pk) -> Questionnaire:
    return get_object_or_404(request.organization.questionnaires.select_related("form"), pk=pk)


@rule_required(rules.can_view_surveys)
def questionnaire_list(request):
    questionnaires = (
        request.organization.questionnaires.select_related("form")
        .annotate(
            questions_count=Count("questions", distinct=True),
            campaigns_count=Count("campaigns", distinct=True),
        )
        .order_by("-is_current", "kind", "title", "-version")
    )
    current = [q for q in questionnaires if q.is_current]
    older = [q for q in questionnaires if not q.is_current]
    return render(request, "monitoring/questionnaires/list.html", {"current": current, "older": older})


@require_POST
@rule_required(rules.can_manage_surveys)
def standard_set(request):
    created = services.standard_set_install(organization=request.organization, by=request.user)
    if created:
        messages.success(
            request, f"Добавлены стандартные анкеты: {len(created)}. Их можно править под вашу школу."
        )
    else:
        messages.info(request, "Все анкеты стандартного набора уже есть в вашей организации.")
    return redirect("monitoring:questionnaire.list")


def _edit(request, questionnaire: Questionnaire, template_title: str):
    form = QuestionnaireForm(request.POST or None, instance=questionnaire)
    if request.method == "POST" and form.is_valid():
        try:
            questionnaire = services.questionnaire_save(
                questionnaire=form.save(commit=False), by=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Анкета «{questionnaire.title}» сохранена.")
            return redirect(questionnaire)
    context = {"form": form, "questionnaire": questionnaire, "heading": template_title}
    return render(request, "monitoring/questionnaires/form.html", context)


@rule_required(rules.can_manage_surveys)
def questionnaire_create(request):
    return _edit(request, Questionnaire(organization=request.organization), "Новая анкета")


@rule_required(rules.can_manage_surveys)
def questionnaire_update(request, pk):
    return _edit(request, _questionnaire(request, pk), "Анкета: название и назначение")


@rule_required(rules.can_view_surveys)
def questionnaire_detail(request, pk):
    questionnaire = _questionnaire(request, pk)
    sections = list(questionnaire.sections.prefetch_related("questions"))
    context = {
        "questionnaire": questionnaire,
        "sections": sections,
        "locked": services.has_answers(questionnaire),
        "campaigns": questionnaire.campaigns.select_related("programme"),
        "newer": questionnaire.next_versions.order_by("-version").first(),
        "may_edit": rules.can_manage_surveys(request.actor),
    }
    return render(request, "monitoring/questionnaires/detail.html", context)


@require_POST
@rule_required(rules.can_manage_surveys)
def questionnaire_copy(request, pk):
    questionnaire = _questionnaire(request, pk)
    new_version = request.POST.get("as") == "version"
    try:
        copy = services.questionnaire_copy(
            questionnaire=questionnaire, by=request.user, new_version=new_version
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(questionnaire)
    if new_version:
        messages.success(
            request,
            f"Создана версия {copy.version}: изменяйте её. Ответы на прежнюю версию остались при ней.",
        )
    else:
        messages.success(request, "Создана копия анкеты: например, чтобы сделать вариант для другой формы.")
    return redirect(copy)


@require_POST
@rule_required(rules.can_manage_surveys)
def questionnaire_delete(request, pk):
    questionnaire = _questionnaire(request, pk)
    return post_action(
        request,
        lambda: services.questionnaire_delete(questionnaire=questionnaire, by=request.user),
        success=f"Анкета «{questionnaire}» удалена.",
        then="monitoring:questionnaire.list",
    )


@rule_required(rules.can_view_surveys)
def questionnaire_preview(request, pk):
    """The respondent's screens, section by section, without saving anything."""
    questionnaire = _questionnaire(request, pk)
    sections = list(questionnaire.sections.prefetch_related("questions"))
    if not sections:
        messages.info(request, "В анкете пока нет разделов.")
        return redirect(questionnaire)
    index = _index(request.GET.get("s"), len(sections))
    section = sections[index]
    questions = list(section.questions.all())
    people = {}
    if any(q.type in PEOPLE_TYPES for q in questions):
        people = {
            kind: [
                (0, "Иванова Мария Петровна, учитель математики"),
                (1, "Петров Иван Сергеевич, учитель физики"),
            ]
            for kind in PEOPLE_TYPES
        }
    form = SectionAnswerForm(questions=questions, people=people, strict=False)
    context = {
        "questionnaire": questionnaire,
        "organization": request.organization,
        "sections": sections,
        "section": section,
        "index": index,
        "form": form,
        "preview": True,
        "anonymous": False,
    }
    return render(request, "monitoring/answer/page.html", context)


def _index(raw, count: int) -> int:
    """The 0-based section from a 1-based ?s= (out of range: the nearest)."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 0
    return min(max(number, 1), count) - 1


# Sections -----------------------------------------------------------------------------------------------------


def _section_form(request, questionnaire, section, heading):
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_save(section=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Раздел сохранён.")
            return redirect(questionnaire)
    context = {"form": form, "questionnaire": questionnaire, "heading": heading}
    return render(request, "monitoring/questionnaires/part_form.html", context)


@rule_required(rules.can_manage_surveys)
def section_create(request, pk):
    questionnaire = _questionnaire(request, pk)
    return _section_form(request, questionnaire, Section(questionnaire=questionnaire), "Новый раздел")


@rule_required(rules.can_manage_surveys)
def section_update(request, pk, section_pk):
    questionnaire = _questionnaire(request, pk)
    section = get_object_or_404(questionnaire.sections, pk=section_pk)
    return _section_form(request, questionnaire, section, "Раздел анкеты")


@require_POST
@rule_required(rules.can_manage_surveys)
def section_delete(request, pk, section_pk):
    questionnaire = _questionnaire(request, pk)
    section = get_object_or_404(questionnaire.sections, pk=section_pk)
    return post_action(
        request,
        lambda: services.section_delete(section=section, by=request.user),
        success=f"Раздел «{section.title}» удалён вместе с его вопросами.",
        then=questionnaire.get_absolute_url(),
    )


# Questions ----------------------------------------------------------------------------------------------------


def _question_form(request, questionnaire, question, heading):
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_save(question=form.save(commit=False), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Вопрос сохранён.")
            return redirect(f"{questionnaire.get_absolute_url()}#question-{form.instance.pk}")
    context = {"form": form, "questionnaire": questionnaire, "heading": heading, "question_form": True}
    return render(request, "monitoring/questionnaires/part_form.html", context)


@rule_required(rules.can_manage_surveys)
def question_create(request, pk):
    questionnaire = _questionnaire(request, pk)
    section = (
        questionnaire.sections.filter(pk=request.GET.get("section") or 0).first()
        or questionnaire.sections.first()
    )
    if section is None:
        messages.info(request, "Сначала добавьте раздел анкеты.")
        return redirect("monitoring:section.create", pk=questionnaire.pk)
    question = Question(questionnaire=questionnaire, section=section, type="scale10")
    return _question_form(request, questionnaire, question, "Новый вопрос")


@rule_required(rules.can_manage_surveys)
def question_update(request, pk, question_pk):
    questionnaire = _questionnaire(request, pk)
    question = get_object_or_404(questionnaire.questions, pk=question_pk)
    return _question_form(request, questionnaire, question, "Вопрос анкеты")


@require_POST
@rule_required(rules.can_manage_surveys)
def question_delete(request, pk, question_pk):
    questionnaire = _questionnaire(request, pk)
    question = get_object_or_404(questionnaire.questions, pk=question_pk)
    return post_action(
        request,
        lambda: services.question_delete(question=question, by=request.user),
        success="Вопрос удалён.",
        then=questionnaire.get_absolute_url(),
    )


@require_POST
@rule_required(rules.can_manage_surveys)
def question_move(request, pk, question_pk):
    questionnaire = _questionnaire(request, pk)
    question = get_object_or_404(questionnaire.questions.select_related("section"), pk=question_pk)
    try:
        services.question_move(question=question, up=request.POST.get("direction") == "up", by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(f"{questionnaire.get_absolute_url()}#question-{question.pk}")
