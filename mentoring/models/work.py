"""What a pair does during the year: the individual plan, meetings, the review, safeguarding reports."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from accounts.infra.validation import done_date_problem
from accounts.models import Organization, Person

from .pairs import Pair


class PlanMark(models.TextChoices):
    """The three marks of seed 003, Appendix 3."""

    FULLY = "fully", "выполнен в полной мере"
    PARTIALLY = "partially", "выполнен не в полной мере"
    NOT_DONE = "not_done", "не выполнен"


class IndividualPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Черновик"
        SUBMITTED = "submitted", "На утверждении у куратора"
        APPROVED = "approved", "Утверждён куратором"

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="plans")
    mentee = models.ForeignKey(
        Person, verbose_name="наставляемый", on_delete=models.PROTECT, related_name="plans"
    )
    start_date = models.DateField("начало")
    end_date = models.DateField("окончание")
    goal = models.TextField("цель", blank=True)
    recommendations = models.TextField("рекомендации наставника", blank=True)
    methodical_help = models.TextField("методическая помощь", blank=True)
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    mark = models.CharField("отметка о выполнении", max_length=20, choices=PlanMark.choices, blank=True)
    marked_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "индивидуальный план"
        verbose_name_plural = "индивидуальные планы"
        constraints = [
            models.UniqueConstraint(fields=["pair", "mentee"], name="plan_one_per_mentee_in_pair"),
            models.CheckConstraint(condition=Q(end_date__gt=F("start_date")), name="plan_dates_ordered"),
        ]

    def __str__(self):
        return f"План: {self.mentee}"

    def get_absolute_url(self):
        return reverse("mentoring:plan.detail", args=[self.pk])


class PlanItem(models.Model):
    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    activity = models.CharField("мероприятие", max_length=300)
    content = models.TextField("содержание", blank=True)
    period = models.CharField("период выполнения", max_length=100)
    responsible = models.CharField("ответственный", max_length=200, blank=True)
    is_done = models.BooleanField("выполнено", default=False)
    done_on = models.DateField("дата выполнения", null=True, blank=True)
    comment = models.CharField("комментарий", max_length=500, blank=True)
    # The mentee's «выполнено» waiting for the mentor to confirm (issue 15): the date the mentee ticked it.
    mentee_done_on = models.DateField("отмечено наставляемым", null=True, blank=True)

    class Meta:
        verbose_name = "мероприятие плана"
        verbose_name_plural = "мероприятия плана"
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_done=False) | Q(done_on__isnull=False), name="plan_item_done_dated"
            ),
        ]

    def __str__(self):
        return self.activity

    def clean(self):
        problem = done_date_problem(self.done_on, timezone.localdate())
        if problem:
            raise ValidationError({"done_on": problem})


class MeetingKind(models.TextChoices):
    """In their usual order (seeds 000, 003, 004)."""

    ORGANISATIONAL = "organisational", "Первая, организационная встреча"
    TRIAL = "trial", "Пробная рабочая встреча"
    PLANNING = "planning", "Встреча-планирование"
    REGULAR = "regular", "Регулярная встреча"
    FINAL = "final", "Заключительная встреча"


class Meeting(models.Model):
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField("вид встречи", max_length=20, choices=MeetingKind.choices)
    date = models.DateField("дата")
    topic = models.CharField("тема", max_length=300)
    notes = models.TextField("заметки", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "встреча"
        verbose_name_plural = "встречи"
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d.%m.%Y}"


class MeetingComment(models.Model):
    """A mentee's (or a parent's) word on a meeting: what was useful, what to do next (issue 15)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(Person, verbose_name="автор", on_delete=models.PROTECT, related_name="+")
    text = models.TextField("комментарий", max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "комментарий к встрече"
        verbose_name_plural = "комментарии к встречам"
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.author}: {self.text[:40]}"


class Review(models.Model):
    """«Отзыв о результатах наставничества» (seed 001, D4): answers keyed by the codes of REVIEW_FORM."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Черновик"
        SUBMITTED = "submitted", "Представлен куратору"
        ACKNOWLEDGED = "acknowledged", "Принят куратором"

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="reviews")
    mentee = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="reviews")
    answers = models.JSONField(default=dict, blank=True)
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "отзыв о результатах наставничества"
        verbose_name_plural = "отзывы о результатах наставничества"
        constraints = [
            models.UniqueConstraint(fields=["pair", "mentee"], name="review_one_per_mentee_in_pair")
        ]

    def __str__(self):
        return f"Отзыв: {self.mentee}"


class ReminderLog(models.Model):
    """One reminder of a kind per review per day at most: the reminder job may run many times."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="+")
    mentee = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30)
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pair", "mentee", "kind", "sent_on"], name="reminder_once_a_day")
        ]

    def __str__(self):
        return f"{self.kind} {self.sent_on:%d.%m.%Y}"


class SafeguardingReport(models.Model):
    """A disclosure that must reach the curator at once (seed 001, mentor's manifesto)."""

    class Kind(models.TextChoices):
        # The manifesto's wording: «если наставляемый сообщит о том, что …»
        VIOLENCE = "violence", "Стал жертвой насилия (физического, сексуального, психологического)"
        ILLEGAL_ACTIVITY = (
            "illegal_activity",
            "Вовлечён в незаконную деятельность (наркотики, финансовые махинации)",
        )
        THREAT = (
            "threat_to_life_or_health",
            "Угроза жизни и здоровью (суицидальные мысли, пагубная зависимость)",
        )

    class Status(models.TextChoices):
        NEW = "new", "Новое"
        IN_PROGRESS = "in_progress", "Принимаются меры"
        CLOSED = "closed", "Закрыто"

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="safeguarding_reports"
    )
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="safeguarding_reports")
    mentee = models.ForeignKey(
        Person, verbose_name="наставляемый", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("что произошло", max_length=30, choices=Kind.choices)
    description = models.TextField("описание")
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.NEW)
    follow_up = models.TextField("принятые меры", blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    # The letter to the curators (django-post-office's outbox): its status tells whether they were told.
    notification = models.ForeignKey(
        "post_office.Email",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = "сообщение о безопасности наставляемого"
        verbose_name_plural = "сообщения о безопасности наставляемых"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%d.%m.%Y})"

    @property
    def notification_status(self) -> str:
        """Whether the curators' letter went out (the outbox's status of it), in Russian."""
        from accounts.infra.mail import delivery_status

        return delivery_status(self.notification)
