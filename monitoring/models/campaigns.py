"""Campaigns («опросы»): one run of a questionnaire for a programme and an audience, the links sent to the
respondents, their responses and answers, and the base entries proposed from intake answers.

Storage is shaped for the monitoring's aggregates: one Response per respondent and campaign (`submitted_at`
set once it counts), one Answer row per question with a numeric column for scales, yes/no and numbers (so
averages and distributions are one GROUP BY), a text column and a JSON list for the rest. Before/after pairs
are Responses of the same person to an entry and an exit campaign, joined on the questions' codes.

Anonymous campaigns: the invitation knows who was invited and whether they answered; the response keeps
no person, no pair and no link back. While a respondent is still answering, their unfinished response is
found by `draft_key`, a hash of their link that only the link's holder (or the server, with SECRET_KEY)
can compute; it is erased at submission. Times are kept to the day on both sides, so the moment of an
answer does not point to the person either."""

import hashlib
import hmac
import secrets
from base64 import urlsafe_b64encode
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from accounts.infra.tokens import TokenLink, hash_token
from accounts.models import Organization, Person
from mentoring.models import MentoringForm, Pair, Programme

from .questionnaires import Question, Questionnaire

MIN_ANONYMOUS_GROUP = 5  # results of an anonymous campaign are shown only for groups at least this big


class RespondentRole(models.TextChoices):
    MENTOR = "mentor", "Наставник"
    MENTEE = "mentee", "Наставляемый"
    CURATOR = "curator", "Куратор"
    PARTICIPANT = "participant", "Участник"


class Campaign(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Готовится"
        OPEN = "open", "Идёт"
        CLOSED = "closed", "Завершён"

    class Audience(models.TextChoices):
        MENTOR_BASE = "mentor_base", "База наставников"
        MENTEE_BASE = "mentee_base", "База наставляемых"
        FORM = "form", "Участники пар одной формы наставничества"
        PAIRS = "pairs", "Выбранные пары и группы"
        GROUP = "group", "Класс (учебная группа)"
        PEOPLE = "people", "Выбранные участники"
        CURATORS = "curators", "Кураторы программы"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="campaigns")
    programme = models.ForeignKey(
        Programme, verbose_name="программа", on_delete=models.PROTECT, related_name="campaigns"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name="анкета", on_delete=models.PROTECT, related_name="campaigns"
    )
    title = models.CharField("название опроса", max_length=300)
    audience = models.CharField("кого опрашиваем", max_length=20, choices=Audience.choices)
    form = models.ForeignKey(
        MentoringForm, verbose_name="форма наставничества", null=True, blank=True, on_delete=models.PROTECT
    )
    group = models.CharField("класс / группа", max_length=20, blank=True)
    pairs = models.ManyToManyField(Pair, verbose_name="пары и группы", blank=True, related_name="+")
    people = models.ManyToManyField(Person, verbose_name="участники", blank=True, related_name="+")
    anonymous = models.BooleanField(
        "анонимный",
        default=False,
        help_text="Ответы не связываются с именами; результаты показываются только по группам от 5 человек.",
    )
    opens_on = models.DateField("начало")
    closes_on = models.DateField("окончание")
    baseline = models.ForeignKey(
        "self",
        verbose_name="входной опрос для сравнения",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField("статус", max_length=10, choices=Status.choices, default=Status.DRAFT)
    launched_at = models.DateTimeField("запущен", null=True, blank=True)
    closed_at = models.DateTimeField("завершён", null=True, blank=True)
    # The results computed when the campaign closed (monitoring.selectors.results): what the results page and
    # the report show from then on, whatever later happens to pairs and people.
    results = models.JSONField("итоги на момент завершения", null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "опрос"
        verbose_name_plural = "опросы"
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="campaign_dates_ordered",
                violation_error_message="Опрос не может закончиться раньше, чем начнётся.",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("monitoring:campaign.detail", args=[self.pk])

    @property
    def links_expire_at(self) -> datetime:
        """Links work to the end of the closing day."""
        return timezone.make_aware(datetime.combine(self.closes_on + timedelta(days=1), time.min))

    def accepts_answers_on(self, day) -> bool:
        return self.status == self.Status.OPEN and self.opens_on <= day <= self.closes_on

    def moment(self) -> datetime:
        """The time recorded for an answer: to the second when named, to the day when anonymous."""
        now = timezone.now()
        if not self.anonymous:
            return now
        return timezone.make_aware(datetime.combine(timezone.localdate(now), time.min))


class SurveyInvitation(TokenLink):
    """A respondent's link to one campaign. The token is derived from a random salt with the server's secret
    (like a password-reset link), so the same link can be sent again in a reminder or printed in a letter
    without storing it; only its hash is in the database. `used_at` is set when the answers are submitted."""

    MESSAGES = {
        "missing": (
            "Ссылка недействительна",
            "Такой ссылки на анкету нет. Проверьте, что ссылка скопирована полностью, или попросите в школе новую.",
        ),
        "used": ("Ответы уже приняты", "Вы уже ответили на эту анкету. Спасибо за участие!"),
        "revoked": (
            "Приглашение отозвано",
            "Школа отозвала это приглашение. Если это ошибка, обратитесь к координатору.",
        ),
        "expired": ("Опрос закончился", "Срок ответа на эту анкету истёк. Спасибо за внимание!"),
    }

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        Person, verbose_name="кто отвечает", on_delete=models.CASCADE, related_name="survey_invitations"
    )
    role = models.CharField("в роли", max_length=15, choices=RespondentRole.choices)
    form = models.ForeignKey(MentoringForm, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    pair = models.ForeignKey(Pair, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    salt = models.CharField(max_length=32, editable=False)
    emailed_at = models.DateTimeField("письмо отправлено", null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField("напоминаний", default=0)
    last_reminded_at = models.DateTimeField("последнее напоминание", null=True, blank=True)

    class Meta:
        verbose_name = "приглашение к опросу"
        verbose_name_plural = "приглашения к опросам"
        ordering = ["person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "person"], name="one_invitation_per_person")
        ]

    def __str__(self):
        return f"{self.person} — {self.campaign}"

    def issue(self, ttl: timedelta) -> str:
        self.salt = secrets.token_hex(16)
        token = self.link_token()
        self.token_hash = hash_token(token)
        self.expires_at = timezone.now() + ttl
        return token

    def link_token(self) -> str:
        digest = hmac.new(
            settings.SECRET_KEY.encode(), f"monitoring.answer:{self.salt}".encode(), hashlib.sha256
        )
        return urlsafe_b64encode(digest.digest()).decode().rstrip("=")

    def draft_key(self) -> str:
        """Finds an anonymous respondent's unfinished response; not computable from the stored hash."""
        return hashlib.sha256(f"draft:{self.link_token()}".encode()).hexdigest()

    @property
    def answered(self) -> bool:
        return self.used_at is not None


class Response(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="survey_responses"
    )  # named campaigns only
    pair = models.ForeignKey(
        Pair, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )  # named only
    form = models.ForeignKey(MentoringForm, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    role = models.CharField("в роли", max_length=15, choices=RespondentRole.choices)
    draft_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    next_section = models.PositiveSmallIntegerField(default=0)  # where a returning respondent goes on
    saved_at = models.DateTimeField("сохранено", null=True, blank=True)
    submitted_at = models.DateTimeField("отправлено", null=True, blank=True)

    class Meta:
        verbose_name = "ответ на опрос"
        verbose_name_plural = "ответы на опросы"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "person"],
                condition=Q(person__isnull=False),
                name="one_response_per_person",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=True) | Q(draft_key__isnull=True), name="response_named_or_keyed"
            ),
        ]
        indexes = [models.Index(fields=["campaign", "submitted_at"])]

    def __str__(self):
        return f"{self.campaign}: {self.person or 'анонимно'}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    number = models.FloatField(null=True, blank=True)  # scales, yes (1) / no (0), numbers
    text = models.TextField(blank=True)  # texts, a date (ISO), the option of a single choice
    other = models.CharField(max_length=500, blank=True)  # the respondent's own «Другое»
    choices = models.JSONField(default=list, blank=True)  # options of a multiple choice; ranked person ids

    class Meta:
        verbose_name = "ответ на вопрос"
        verbose_name_plural = "ответы на вопросы"
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]
        indexes = [models.Index(fields=["question", "number"])]

    def __str__(self):
        return f"{self.question}: {self.display()}"

    def display(self) -> str:
        if self.number is not None:
            if self.question.type == "yes_no":
                return "да" if self.number else "нет"
            return f"{self.number:g}"
        parts = [*map(str, self.choices), self.text]
        if self.other:
            parts.append(f"другое: {self.other}")
        return "; ".join(part for part in parts if part)


class IntakeProposal(models.Model):
    """A base entry proposed from an intake answer; the coordinator accepts it (as it is or edited) or
    rejects it. Accepting writes through mentoring.services.intake."""

    class Base(models.TextChoices):
        MENTOR = "mentor", "База наставников"
        MENTEE = "mentee", "База наставляемых"

    class Status(models.TextChoices):
        PENDING = "pending", "Ждёт решения"
        ACCEPTED = "accepted", "Внесено в базу"
        REJECTED = "rejected", "Отклонено"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="intake_proposals")
    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="proposal")
    person = models.ForeignKey(Person, verbose_name="участник", on_delete=models.CASCADE, related_name="+")
    base = models.CharField("база", max_length=10, choices=Base.choices)
    fields = models.JSONField("предложенные значения", default=dict)
    status = models.CharField("решение", max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "предложение в базу"
        verbose_name_plural = "предложения в базы из анкет"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.person} → {self.get_base_display()}"

    @property
    def into_base(self) -> str:
        """«в базу наставников» — where accepting puts the entry."""
        return "в базу наставников" if self.base == self.Base.MENTOR else "в базу наставляемых"
