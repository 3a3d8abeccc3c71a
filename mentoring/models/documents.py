"""Documents of the organisation that orders approve as their appendices: the school's own «Положение о
наставничестве» (versioned: every edit is a new version, the old ones stay as signed orders quoted them) and
the programme and schedule of the «Школа наставников» (training sessions with dates, topics and trainers)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from accounts.models import Organization, Person

from .programme import Programme


class RegulationVersion(models.Model):
    """One version of the Положение о наставничестве; the latest is the one a new order approves."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="regulation_versions"
    )
    number = models.PositiveIntegerField("редакция")
    title = models.CharField("название", max_length=300, default="Положение о наставничестве")
    text = models.TextField(
        "текст",
        help_text="Разделы — строки вида «1. ОБЩИЕ ПОЛОЖЕНИЯ», пункты — «1.1. …»; пустая строка отделяет абзацы.",
    )
    comment = models.CharField("что изменено", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "редакция Положения о наставничестве"
        verbose_name_plural = "редакции Положения о наставничестве"
        ordering = ["organization", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="regulation_version_unique"),
            models.CheckConstraint(condition=~Q(text=""), name="regulation_has_text"),
        ]

    def __str__(self):
        return f"{self.title} (редакция {self.number})"


class MentorSchoolSession(models.Model):
    """A session of the «Школа наставников»: the rows of the training programme and of its schedule."""

    class Format(models.TextChoices):
        LECTURE = "lecture", "лекция"
        WORKSHOP = "workshop", "практикум"
        TRAINING = "training", "тренинг"
        SEMINAR = "seminar", "семинар"
        ROUND_TABLE = "round_table", "круглый стол"
        CONSULTATION = "consultation", "консультация"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="mentor_school_sessions")
    date = models.DateField("дата")
    time = models.CharField("время", max_length=20, blank=True, help_text="Например, «15:00–16:30»")
    topic = models.CharField("тема", max_length=300)
    content = models.TextField("содержание", blank=True)
    format = models.CharField("форма занятия", max_length=20, choices=Format.choices, default=Format.SEMINAR)
    hours = models.PositiveSmallIntegerField("часов", default=2)
    trainer = models.ForeignKey(
        Person,
        verbose_name="ведущий (работник школы)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mentor_school_sessions",
    )
    trainer_name = models.CharField(
        "ведущий (приглашённый)",
        max_length=300,
        blank=True,
        help_text="ФИО и должность, если ведёт не работник школы",
    )
    place = models.CharField("место", max_length=200, blank=True)

    class Meta:
        verbose_name = "занятие «Школы наставников»"
        verbose_name_plural = "занятия «Школы наставников»"
        ordering = ["date", "time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(trainer__isnull=False) | ~Q(trainer_name=""),
                name="mentor_school_session_has_trainer",
                violation_error_message="Укажите ведущего: работника школы или приглашённого специалиста.",
            ),
            models.CheckConstraint(
                condition=Q(hours__gte=1),
                name="mentor_school_session_hours",
                violation_error_message="Продолжительность занятия — не меньше часа.",
            ),
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.topic}"

    @property
    def trainer_display(self) -> str:
        if self.trainer is not None:
            position = self.trainer.description
            return f"{self.trainer.short_name}, {position}" if position else self.trainer.short_name
        return self.trainer_name
