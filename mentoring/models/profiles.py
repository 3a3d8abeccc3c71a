"""The two bases: mentors (long-lived, across years) and mentees."""

from django.db import models

from accounts.models import Organization, Person

from .catalogue import MenteeCategory, MentorCategory


class MentorProfile(models.Model):
    class Interest(models.TextChoices):
        RESEARCH = "research", "Исследовательская деятельность"
        INNOVATIVE = "innovative", "Инновационная деятельность"
        SOCIAL = "social", "Социальная деятельность"
        OTHER = "other", "Другое"

    class Training(models.TextChoices):
        NONE = "none", "Не обучен"
        IN_PROGRESS = "in_progress", "Проходит обучение"
        TRAINED = "trained", "Обучен («Школа наставников»)"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="mentor_profiles")
    person = models.OneToOneField(
        Person, verbose_name="наставник", on_delete=models.CASCADE, related_name="mentor_profile"
    )
    category = models.ForeignKey(
        MentorCategory, verbose_name="категория", null=True, blank=True, on_delete=models.PROTECT
    )
    competencies = models.TextField("основные компетенции", blank=True)
    achievements = models.TextField("важные для программы достижения", blank=True)
    interests = models.JSONField("интересы", default=list, blank=True)
    interests_other = models.CharField("интересы: другое", max_length=300, blank=True)
    desired_mentee_age = models.CharField("желаемый возраст наставляемых", max_length=100, blank=True)
    time_available = models.CharField("ресурс времени на программу", max_length=200, blank=True)
    external_workplace = models.CharField(
        "место работы / учёбы (для внешнего наставника)", max_length=300, blank=True
    )
    experience_years = models.PositiveSmallIntegerField("педагогический стаж, лет", null=True, blank=True)
    training_status = models.CharField(
        "обучение", max_length=20, choices=Training.choices, default=Training.NONE
    )
    trained_on = models.DateField("дата обучения", null=True, blank=True)
    code_acknowledged_on = models.DateField(
        "ознакомлен с кодексом и манифестом наставника", null=True, blank=True
    )
    entered_on = models.DateField("дата вхождения в программу")
    left_on = models.DateField("дата выхода из базы", null=True, blank=True)
    case_link = models.URLField("ссылка на кейс / отзыв на сайте", blank=True)

    class Meta:
        verbose_name = "наставник (база)"
        verbose_name_plural = "база наставников"
        ordering = ["person__last_name", "person__first_name"]

    def __str__(self):
        return str(self.person)

    @property
    def workplace(self) -> str:
        return self.external_workplace or f"{self.person.position}, {self.organization.short_name}".strip(
            ", "
        )

    def interests_display(self) -> str:
        labels = dict(self.Interest.choices)
        parts = [labels[i] for i in self.interests if i in labels and i != self.Interest.OTHER]
        if self.interests_other:
            parts.append(self.interests_other)
        return "; ".join(parts)


class MenteeProfile(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="mentee_profiles")
    person = models.OneToOneField(
        Person, verbose_name="наставляемый", on_delete=models.CASCADE, related_name="mentee_profile"
    )
    category = models.ForeignKey(
        MenteeCategory, verbose_name="категория", null=True, blank=True, on_delete=models.PROTECT
    )
    main_request = models.TextField("основной запрос")
    entered_on = models.DateField("дата вхождения в программу")
    support_given = models.TextField(
        "поддержка, пока нет наставника", blank=True, help_text="Для наставляемых без пары: что уже сделано"
    )
    left_on = models.DateField("дата выхода из базы", null=True, blank=True)
    case_link = models.URLField("ссылка на кейс / отзыв на сайте", blank=True)

    class Meta:
        verbose_name = "наставляемый (база)"
        verbose_name_plural = "база наставляемых"
        ordering = ["person__last_name", "person__first_name"]

    def __str__(self):
        return str(self.person)
