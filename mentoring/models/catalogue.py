"""Catalogues shipped as data (migrations load them from mentoring.catalogue_data) and editable in the admin."""

from django.db import models


class Audience(models.TextChoices):
    TEACHERS = "teachers", "Педагоги"
    STUDENTS = "students", "Обучающиеся"
    ANY = "any", "Любые"


class MentoringForm(models.Model):
    code = models.SlugField("код", max_length=60, unique=True)
    name = models.CharField("название", max_length=200)
    audience = models.CharField("наставляемые", max_length=10, choices=Audience.choices)
    definition = models.TextField("определение", blank=True)
    goal = models.TextField("цель", blank=True)
    tasks = models.JSONField("задачи", default=list, blank=True)
    expected_results = models.JSONField("ожидаемые результаты", default=list, blank=True)
    mentor_profile = models.TextField("портрет наставника", blank=True)
    mentee_profile = models.TextField("портрет наставляемого", blank=True)
    source = models.CharField("источник", max_length=200, blank=True)
    is_active = models.BooleanField("используется", default=True)
    position = models.PositiveSmallIntegerField("порядок", default=0)
    # Who may stand on each side (issue 15): categories of Person.Kind — «staff» (работник ОО), «student»
    # (обучающийся), «external» (внешний участник); an empty list allows anyone. `mentor_older`: in a
    # pupil-to-pupil form the mentor is in an older class (course) than the mentee.
    mentor_kinds = models.JSONField("кто может быть наставником", default=list, blank=True)
    mentee_kinds = models.JSONField("кто может быть наставляемым", default=list, blank=True)
    mentor_older = models.BooleanField("наставник старше наставляемого (класс, курс)", default=False)

    class Meta:
        verbose_name = "форма наставничества"
        verbose_name_plural = "формы наставничества"
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    @property
    def participants_rule(self) -> str:
        """The form's rule in words: «наставник — работник ОО или внешний участник, наставляемый — обучающийся»."""
        return participants_rule(self.mentor_kinds, self.mentee_kinds, self.mentor_older)


KIND_WORDS = {"staff": "работник ОО (педагог)", "student": "обучающийся", "external": "внешний участник"}


def participants_rule(mentor_kinds, mentee_kinds, mentor_older) -> str:
    def words(kinds):
        return " или ".join(KIND_WORDS.get(kind, kind) for kind in kinds) if kinds else "любой участник"

    rule = f"наставник — {words(mentor_kinds)}, наставляемый — {words(mentee_kinds)}"
    if mentor_older:
        rule += "; наставник учится в более старшем классе (на старшем курсе), чем наставляемый"
    return rule


class RoleModel(models.Model):
    form = models.ForeignKey(
        MentoringForm, verbose_name="форма", on_delete=models.CASCADE, related_name="role_models"
    )
    code = models.SlugField("код", max_length=60)
    name = models.CharField("название", max_length=300)
    description = models.TextField("описание", blank=True)

    class Meta:
        verbose_name = "ролевая модель"
        verbose_name_plural = "ролевые модели"
        ordering = ["form", "id"]
        constraints = [models.UniqueConstraint(fields=["form", "code"], name="role_model_unique_code")]

    def __str__(self):
        return self.name


class Direction(models.Model):
    code = models.SlugField("код", max_length=60, unique=True)
    name = models.CharField("название", max_length=200)
    description = models.TextField("описание", blank=True)

    class Meta:
        verbose_name = "направление наставничества"
        verbose_name_plural = "направления наставничества"
        ordering = ["id"]

    def __str__(self):
        return self.name


class MenteeCategory(models.Model):
    code = models.SlugField("код", max_length=60, unique=True)
    name = models.CharField("название", max_length=300)
    audience = models.CharField("кто", max_length=10, choices=Audience.choices)
    sensitive = models.BooleanField(
        "чувствительная",
        default=False,
        help_text="Не показывать в документах, доступных самому наставляемому",
    )

    class Meta:
        verbose_name = "категория наставляемых"
        verbose_name_plural = "категории наставляемых"
        ordering = ["audience", "id"]

    def __str__(self):
        return self.name


class MentorCategory(models.Model):
    code = models.SlugField("код", max_length=60, unique=True)
    name = models.CharField("название", max_length=300)
    audience = models.CharField("кого наставляет", max_length=10, choices=Audience.choices)

    class Meta:
        verbose_name = "категория наставников"
        verbose_name_plural = "категории наставников"
        ordering = ["id"]

    def __str__(self):
        return self.name
