"""The roadmap («дорожная карта») of a programme's year: the target model's stages and their events, with dates,
the people responsible and the documents that fix the result. It is made from a template of roadmap/catalogue.py
(or copied from an earlier year) and then edited by the coordinator.

An event bound to a named fact (mentoring.facts: «the pairs order is signed»…) completes itself when the fact
happens; the others are ticked by a responsible person with a note. «Overdue» is not stored: it is the end date
passed without the event being done (roadmap.selectors.event_state).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from accounts.infra.tokens import TokenLink
from accounts.models import Organization, Person, Role
from mentoring.models import Programme


class Roadmap(models.Model):
    """One per programme. It is approved by the signed order introducing the target model (roadmap.selectors
    .approving_order): that order, not a flag here, is the record of the approval."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="roadmaps")
    programme = models.OneToOneField(
        Programme, verbose_name="программа", on_delete=models.CASCADE, related_name="roadmap"
    )
    title = models.CharField("заголовок", max_length=500)
    source = models.CharField("создана по", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "дорожная карта"
        verbose_name_plural = "дорожные карты"
        ordering = ["-programme__year"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("roadmap:detail", args=[self.programme_id])


class Stage(models.Model):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField("№ этапа")
    title = models.CharField("наименование этапа", max_length=300)
    period = models.CharField("сроки этапа", max_length=100, blank=True, help_text="Например, «сентябрь»")
    key_result = models.TextField("ключевой результат этапа", blank=True)

    class Meta:
        verbose_name = "этап дорожной карты"
        verbose_name_plural = "этапы дорожной карты"
        ordering = ["number", "pk"]
        constraints = [models.UniqueConstraint(fields=["roadmap", "number"], name="roadmap_stage_number")]

    def __str__(self):
        return f"{self.number}. {self.title}"


# Roles that may be named as responsible for an event as a group («наставники», «кураторы»).
RESPONSIBLE_ROLES = [
    (Role.COORDINATOR.value, "координатор"),
    (Role.CURATOR.value, "кураторы"),
    (Role.DIRECTOR.value, "директор"),
    (Role.MENTOR.value, "наставники"),
    (Role.MENTEE.value, "наставляемые"),
]


class Event(models.Model):
    class Status(models.TextChoices):
        """What is stored; «просрочено» is derived from the end date (roadmap.selectors.event_state)."""

        PLANNED = "planned", "Запланировано"
        IN_PROGRESS = "in_progress", "В работе"
        DONE = "done", "Выполнено"

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="events")
    stage = models.ForeignKey(Stage, verbose_name="этап", on_delete=models.CASCADE, related_name="events")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField("мероприятие", max_length=300)
    content = models.TextField("содержание деятельности", blank=True)
    key_result = models.TextField("ключевой результат", blank=True)
    documents = models.TextField("документы, закрепляющие результат", blank=True)
    start_date = models.DateField("начало")
    end_date = models.DateField("срок")
    responsible_people = models.ManyToManyField(
        Person, verbose_name="ответственные", blank=True, related_name="roadmap_events"
    )
    responsible_roles = models.JSONField("ответственные (группы)", default=list, blank=True)
    responsible_text = models.CharField(
        "ответственные (текстом)", max_length=300, blank=True, help_text="Например, «классные руководители»"
    )
    fact = models.CharField(
        "выполняется само, когда",
        max_length=100,
        blank=True,
        help_text="Событие, которое видит приложение (mentoring.facts); пусто — отмечают вручную",
    )
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.PLANNED)
    done_on = models.DateField("дата выполнения", null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField("отметка о выполнении", blank=True)

    class Meta:
        verbose_name = "мероприятие дорожной карты"
        verbose_name_plural = "мероприятия дорожной карты"
        ordering = ["stage__number", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="roadmap_event_dates",
                violation_error_message="Срок не может быть раньше начала.",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(done_on__isnull=False),
                name="roadmap_event_done_dated",
                violation_error_message="У выполненного мероприятия должна быть дата выполнения.",
            ),
        ]
        indexes = [models.Index(fields=["roadmap", "end_date"])]

    def __str__(self):
        return self.title

    def responsible_roles_display(self) -> list[str]:
        labels = dict(RESPONSIBLE_ROLES)
        return [labels[role] for role in self.responsible_roles if role in labels]


class EventReminder(models.Model):
    """One letter of a kind per event and deadline: the daily job may run many times, and a moved deadline
    is reminded of again."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=30)
    due_on = models.DateField()
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "kind", "due_on"], name="roadmap_reminder_once")
        ]

    def __str__(self):
        return f"{self.kind} {self.due_on:%d.%m.%Y}"


class CalendarFeed(TokenLink):
    """A user's personal calendar address (iCal): their roadmap events in the organisation. A new address
    revokes the previous one; the raw token is shown once."""

    MESSAGES = {
        "missing": ("Календарь не найден", "Адрес календаря неверен или заменён новым."),
        "used": ("Календарь не найден", "Адрес календаря неверен или заменён новым."),
        "revoked": ("Календарь отключён", "Владелец отключил этот адрес календаря."),
        "expired": ("Срок адреса истёк", "Получите новый адрес календаря на странице «Мои задачи»."),
    }

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="calendar_feeds")

    class Meta:
        verbose_name = "календарь (iCal)"
        verbose_name_plural = "календари (iCal)"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} ({self.organization})"
