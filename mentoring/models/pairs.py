"""Pairs and groups («тандемы»): one mentor with 1..5 mentees in one form of one programme."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from accounts.models import Organization, Person

from .catalogue import Direction, MentoringForm, RoleModel
from .programme import Programme

MAX_MENTEES = 5  # seed 001 §1.4


class ReplacementGround(models.TextChoices):
    """The five grounds to replace a mentor (seed 001 §3.7)."""

    DISMISSAL = "dismissal", "Увольнение наставника"
    TRANSFER = "transfer", "Перевод наставника на другую работу"
    DISCIPLINARY = "disciplinary", "Привлечение наставника к дисциплинарной ответственности"
    NO_RAPPORT = "no_rapport", "Невозможность установления межличностных взаимоотношений"
    INCOMPATIBILITY = "incompatibility", "Психологическая несовместимость наставника и наставляемого"


class TerminationCategory(models.TextChoices):
    """Why a pair ended early, as the bases print it: the details (which may be health data, a special
    category under 152-ФЗ art. 10) stay in `termination_reason`, shown only on the pair page."""

    MENTEE_REQUEST = "mentee_request", "по заявлению наставляемого (законного представителя)"
    MENTOR_REQUEST = "mentor_request", "по заявлению наставника"
    HEALTH = "health", "по состоянию здоровья"
    LEFT = "left", "в связи с выбытием (переводом, увольнением)"
    IMPROPER = "improper", "в связи с ненадлежащим выполнением программы"
    FORCE_MAJEURE = "force_majeure", "в связи с обстоятельствами непреодолимой силы"
    OTHER = "other", "по иным основаниям"


class Pair(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Проект"
        AGREED = "agreed", "Согласована"
        APPROVED = "approved", "Утверждена приказом"
        ACTIVE = "active", "Работает"
        SUSPENDED = "suspended", "Приостановлена"
        COMPLETED = "completed", "Завершена"
        TERMINATED = "terminated", "Прекращена досрочно"

    OPEN_STATUSES = (Status.DRAFT, Status.AGREED, Status.APPROVED, Status.ACTIVE, Status.SUSPENDED)
    CLOSED_STATUSES = (Status.COMPLETED, Status.TERMINATED)

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="pairs")
    programme = models.ForeignKey(
        Programme, verbose_name="программа", on_delete=models.PROTECT, related_name="pairs"
    )
    form = models.ForeignKey(
        MentoringForm, verbose_name="форма", on_delete=models.PROTECT, related_name="pairs"
    )
    role_model = models.ForeignKey(
        RoleModel, verbose_name="ролевая модель", null=True, blank=True, on_delete=models.PROTECT
    )
    direction = models.ForeignKey(
        Direction, verbose_name="направление", null=True, blank=True, on_delete=models.PROTECT
    )
    mentor = models.ForeignKey(
        Person, verbose_name="наставник", on_delete=models.PROTECT, related_name="mentored_pairs"
    )
    mentees = models.ManyToManyField(
        Person, through="PairMentee", through_fields=("pair", "mentee"), related_name="mentee_pairs"
    )
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.DRAFT)
    start_date = models.DateField("начало")
    end_date = models.DateField("окончание")
    goal = models.TextField("цель", blank=True)
    mentor_agreed_on = models.DateField("согласие наставника", null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    closed_on = models.DateField("дата завершения", null=True, blank=True)
    termination_category = models.CharField(
        "основание досрочного прекращения", max_length=20, choices=TerminationCategory.choices, blank=True
    )
    termination_reason = models.TextField("причина досрочного прекращения", blank=True)
    results = models.TextField("результаты программы", blank=True)
    # A suspension (a consent withdrawn) remembers the status it interrupted: resuming returns to it.
    suspended_from = models.CharField(
        "статус до приостановки", max_length=20, choices=Status.choices, blank=True
    )
    suspended_on = models.DateField("приостановлена с", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "наставническая пара (группа)"
        verbose_name_plural = "наставнические пары и группы"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gt=F("start_date")), name="pair_dates_ordered"),
            models.CheckConstraint(
                condition=~Q(status="terminated") | ~Q(termination_reason=""),
                name="pair_termination_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self):
        return f"{self.mentor.short_name} — {self.form}"

    def get_absolute_url(self):
        return reverse("mentoring:pair.detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def review_due(self):
        """5 working days before the end, on the Russian production calendar (seed 001 §3.10)."""
        from mentoring.documents.workdays import review_due_date

        return review_due_date(self.end_date)


class PairMentee(models.Model):
    """A mentee's place in a pair. `slot` 1..5 with a unique (pair, slot) among open places lets the
    database itself refuse a sixth mentee; `form` and `is_open` make «one open pair per mentee per form»
    a unique constraint."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="memberships")
    mentee = models.ForeignKey(
        Person, verbose_name="наставляемый", on_delete=models.PROTECT, related_name="pair_memberships"
    )
    form = models.ForeignKey(MentoringForm, on_delete=models.PROTECT, related_name="+")
    slot = models.PositiveSmallIntegerField()
    is_open = models.BooleanField(default=True)
    joined_on = models.DateField("в паре с")
    left_on = models.DateField("в паре по", null=True, blank=True)
    mentee_agreed_on = models.DateField("согласие наставляемого", null=True, blank=True)

    class Meta:
        verbose_name = "наставляемый в паре"
        verbose_name_plural = "наставляемые в парах"
        ordering = ["slot"]
        constraints = [
            models.CheckConstraint(
                condition=Q(slot__gte=1, slot__lte=MAX_MENTEES), name="pair_at_most_5_mentees"
            ),
            models.UniqueConstraint(
                fields=["pair", "slot"], condition=Q(is_open=True), name="pair_slot_unique"
            ),
            models.UniqueConstraint(fields=["pair", "mentee"], name="pair_mentee_unique"),
            models.UniqueConstraint(
                fields=["mentee", "form"], condition=Q(is_open=True), name="one_open_pair_per_mentee_and_form"
            ),
        ]

    def __str__(self):
        return f"{self.mentee} в паре {self.pair_id}"


class MentorTerm(models.Model):
    """Who mentored the pair and when: a replacement closes one term and opens the next."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="mentor_terms")
    mentor = models.ForeignKey(Person, verbose_name="наставник", on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField("с")
    ended_on = models.DateField("по", null=True, blank=True)
    end_ground = models.CharField(
        "основание замены", max_length=20, choices=ReplacementGround.choices, blank=True
    )
    comment = models.TextField("комментарий", blank=True)

    class Meta:
        verbose_name = "период наставника"
        verbose_name_plural = "история наставников"
        ordering = ["started_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["pair"], condition=Q(ended_on__isnull=True), name="one_current_mentor"
            ),
        ]

    def __str__(self):
        return f"{self.mentor}: {self.started_on:%d.%m.%Y}–{self.ended_on or '…'}"
