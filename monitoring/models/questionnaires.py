"""Questionnaires («анкеты») of an organisation: sections of questions, a variant per form of mentoring.

A questionnaire that has answers is never changed under them: a new version is copied from it (`previous`
points back, only the newest version is `is_current`), and the answers stay with the version they were
given to."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from accounts.models import Organization
from mentoring.models import MentoringForm


class Kind(models.TextChoices):
    """What a questionnaire is for in the year of the target model; each kind has its roadmap fact
    «campaign_closed:<kind>» (monitoring.facts)."""

    MENTOR_INTAKE = "mentor_intake", "Анкета потенциального наставника"
    MENTEE_INTAKE = "mentee_intake", "Анкета потенциального наставляемого (запрос)"
    PREFERENCE = "preference", "Выбор после групповой встречи"
    INTERIM = "interim", "Промежуточная обратная связь"
    SATISFACTION = "satisfaction", "Удовлетворённость участием (мониторинг, этап 1)"
    ENTRY = "entry", "Входная самооценка (мониторинг, этап 2)"
    EXIT = "exit", "Итоговая самооценка (мониторинг, этап 2)"
    CURATOR = "curator", "Анкета куратора"
    OTHER = "other", "Другая анкета"


INTAKE_KINDS = (Kind.MENTOR_INTAKE, Kind.MENTEE_INTAKE)
# Their answers go to a person's card or the pairing: they cannot be anonymous.
NAMED_KINDS = (Kind.MENTOR_INTAKE, Kind.MENTEE_INTAKE, Kind.PREFERENCE)


class Respondent(models.TextChoices):
    MENTOR = "mentor", "Наставники"
    MENTEE = "mentee", "Наставляемые"
    CURATOR = "curator", "Кураторы"
    ANY = "any", "Любые участники"


class QuestionType(models.TextChoices):
    SCALE_10 = "scale10", "Шкала от 1 до 10"
    SCALE_5 = "scale5", "Шкала от 1 до 5"
    YES_NO = "yes_no", "Да или нет"
    SINGLE = "single", "Один вариант из списка"
    MULTIPLE = "multiple", "Несколько вариантов из списка"
    SHORT_TEXT = "short_text", "Короткий ответ"
    LONG_TEXT = "long_text", "Развёрнутый ответ"
    NUMBER = "number", "Число"
    DATE = "date", "Дата"
    MENTORS = "mentors", "Предпочитаемые наставники (до трёх по порядку)"
    MENTEES = "mentees", "Предпочитаемые наставляемые (до трёх по порядку)"


# How an answer is stored (monitoring.models.Answer): a number, a text, or a list of choices.
NUMERIC_TYPES = frozenset(
    {QuestionType.SCALE_10, QuestionType.SCALE_5, QuestionType.YES_NO, QuestionType.NUMBER}
)
SCALE_TYPES = {QuestionType.SCALE_10: 10, QuestionType.SCALE_5: 5}
CHOICE_TYPES = frozenset({QuestionType.SINGLE, QuestionType.MULTIPLE})
TEXT_TYPES = frozenset({QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT, QuestionType.DATE})
PEOPLE_TYPES = frozenset({QuestionType.MENTORS, QuestionType.MENTEES})
RANKED_CHOICES = 3
OTHER_LABEL = "Другое"  # stored among the choices when the respondent wrote their own answer


class BaseField(models.TextChoices):
    """The field of a base entry an intake answer fills (monitoring.services.intake)."""

    COMPETENCIES = "competencies", "База наставников: основные компетенции"
    ACHIEVEMENTS = "achievements", "База наставников: достижения"
    INTERESTS = "interests", "База наставников: интересы"
    DESIRED_MENTEE_AGE = "desired_mentee_age", "База наставников: желаемый возраст наставляемых"
    TIME_AVAILABLE = "time_available", "База наставников: ресурс времени"
    EXPERIENCE_YEARS = "experience_years", "База наставников: педагогический стаж"
    CATEGORY = "category", "База наставляемых: категория"
    MAIN_REQUEST = "main_request", "База наставляемых: основной запрос"


MENTOR_BASE_FIELDS = (
    BaseField.COMPETENCIES,
    BaseField.ACHIEVEMENTS,
    BaseField.INTERESTS,
    BaseField.DESIRED_MENTEE_AGE,
    BaseField.TIME_AVAILABLE,
    BaseField.EXPERIENCE_YEARS,
)
MENTEE_BASE_FIELDS = (BaseField.CATEGORY, BaseField.MAIN_REQUEST)
# Which question types can fill which field of a base entry.
BASE_FIELD_TYPES = {
    BaseField.COMPETENCIES: {QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT},
    BaseField.ACHIEVEMENTS: {QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT},
    BaseField.INTERESTS: {QuestionType.MULTIPLE},
    BaseField.DESIRED_MENTEE_AGE: {QuestionType.SHORT_TEXT, QuestionType.SINGLE},
    BaseField.TIME_AVAILABLE: {QuestionType.SHORT_TEXT, QuestionType.SINGLE},
    BaseField.EXPERIENCE_YEARS: {QuestionType.NUMBER},
    BaseField.CATEGORY: {QuestionType.SINGLE},
    BaseField.MAIN_REQUEST: {QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT},
}


class Questionnaire(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="questionnaires")
    title = models.CharField("название", max_length=300)
    kind = models.CharField("назначение", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    respondent = models.CharField(
        "кто отвечает", max_length=10, choices=Respondent.choices, default=Respondent.ANY
    )
    form = models.ForeignKey(
        MentoringForm,
        verbose_name="вариант для формы наставничества",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="Пусто — анкета подходит для любой формы.",
    )
    intro = models.TextField(
        "вступление",
        blank=True,
        help_text="Что увидит участник перед вопросами: зачем анкета и кто увидит ответы.",
    )
    standard_code = models.SlugField("код стандартной анкеты", max_length=80, blank=True, editable=False)
    version = models.PositiveSmallIntegerField("версия", default=1, editable=False)
    previous = models.ForeignKey(
        "self",
        verbose_name="предыдущая версия",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_versions",
        editable=False,
    )
    is_current = models.BooleanField("актуальная версия", default=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "анкета"
        verbose_name_plural = "анкеты"
        ordering = ["kind", "title", "-version"]
        indexes = [models.Index(fields=["organization", "is_current"])]

    def __str__(self):
        return self.title if self.version == 1 else f"{self.title} (версия {self.version})"

    def get_absolute_url(self):
        return reverse("monitoring:questionnaire.detail", args=[self.pk])


class Section(models.Model):
    """One screen of the questionnaire for the respondent; answers are saved section by section."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField("порядок", default=0)
    title = models.CharField("название раздела", max_length=300)
    description = models.TextField("пояснение", blank=True)

    class Meta:
        verbose_name = "раздел анкеты"
        verbose_name_plural = "разделы анкет"
        ordering = ["position", "id"]

    def __str__(self):
        return self.title


class Question(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(
        Section, verbose_name="раздел", on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField("порядок", default=0)
    text = models.TextField("вопрос")
    help_text = models.CharField("подсказка", max_length=500, blank=True)
    type = models.CharField("тип ответа", max_length=20, choices=QuestionType.choices)
    required = models.BooleanField("обязательный", default=True)
    options = models.JSONField("варианты ответа", default=list, blank=True)
    has_other = models.BooleanField("вариант «Другое» со своим ответом", default=False)
    low_label = models.CharField("подпись к наименьшей оценке", max_length=100, blank=True)
    high_label = models.CharField("подпись к наибольшей оценке", max_length=100, blank=True)
    code = models.SlugField(
        "код вопроса",
        max_length=60,
        blank=True,
        help_text="Латиницей. Вопросы с одинаковым кодом во входной и итоговой анкетах сравниваются между собой.",
    )
    base_field = models.CharField("заполняет поле базы", max_length=30, choices=BaseField.choices, blank=True)

    class Meta:
        verbose_name = "вопрос анкеты"
        verbose_name_plural = "вопросы анкет"
        ordering = ["section__position", "section_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "code"],
                condition=~Q(code=""),
                name="question_code_unique",
                violation_error_message="Такой код уже есть у другого вопроса этой анкеты.",
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def scale_max(self) -> int | None:
        return SCALE_TYPES.get(self.type)

    @property
    def is_numeric(self) -> bool:
        return self.type in NUMERIC_TYPES
