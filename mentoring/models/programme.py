from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from accounts.infra.validation import date_problem, year_problem
from accounts.models import Organization, Role

from .catalogue import Direction, MentoringForm

# Who may be given a curator's area of a programme.
CURATOR_ROLES = (Role.CURATOR, Role.COORDINATOR)


class Programme(models.Model):
    """One school's mentoring cycle for an academic year."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="programmes")
    title = models.CharField("название", max_length=300, default="Программа наставничества")
    year = models.PositiveSmallIntegerField(
        "учебный год (начало)", help_text="2025 — это 2025/2026 учебный год"
    )
    start_date = models.DateField("начало")
    end_date = models.DateField("окончание")
    forms = models.ManyToManyField(
        MentoringForm, verbose_name="формы наставничества", related_name="programmes"
    )
    directions = models.ManyToManyField(
        Direction, verbose_name="направления", blank=True, related_name="programmes"
    )
    teachers_target_pct = models.PositiveSmallIntegerField("охват педагогов, %", default=10)
    students_target_pct = models.PositiveSmallIntegerField("охват обучающихся, %", default=10)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "программа наставничества"
        verbose_name_plural = "программы наставничества"
        ordering = ["-year", "title"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year", "title"], name="programme_unique_title"),
            models.CheckConstraint(condition=Q(end_date__gt=F("start_date")), name="programme_dates_ordered"),
            models.CheckConstraint(
                condition=Q(teachers_target_pct__lte=100, students_target_pct__lte=100),
                name="programme_targets_pct",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.academic_year})"

    def get_absolute_url(self):
        return reverse("mentoring:programme.detail", args=[self.pk])

    def clean(self):
        errors = {
            field: problem
            for field, problem in (
                ("year", year_problem(self.year)),
                ("start_date", date_problem(self.start_date)),
                ("end_date", date_problem(self.end_date)),
            )
            if problem
        }
        if errors:
            raise ValidationError(errors)

    @property
    def academic_year(self) -> str:
        return f"{self.year}/{self.year + 1}"

    @property
    def bases_deadline(self) -> date:
        """Bases of mentors and mentees are formed by 1 October (seed 001 §3.3)."""
        return date(self.year, 10, 1)


class ProgrammeCurator(models.Model):
    """A curator's area: a form or a direction of one programme (both empty: the whole programme)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="curators")
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="куратор", on_delete=models.CASCADE, related_name="curated"
    )
    form = models.ForeignKey(
        MentoringForm, verbose_name="форма", null=True, blank=True, on_delete=models.CASCADE
    )
    direction = models.ForeignKey(
        Direction, verbose_name="направление", null=True, blank=True, on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = "куратор программы"
        verbose_name_plural = "кураторы программы"
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "curator", "form", "direction"], name="curator_area_unique"
            ),
        ]

    def __str__(self):
        return f"{self.curator}: {self.form or self.direction or 'вся программа'}"
