"""Forms of the two bases and their filter bars: they validate and normalise, the services write."""

from django import forms

from accounts.infra.forms import CrispyMixin, DateInput, FilterFormMixin
from accounts.models import Person
from mentoring.models import (
    Audience,
    MenteeCategory,
    MenteeProfile,
    MentorCategory,
    MentoringForm,
    MentorProfile,
    Programme,
)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return f"{person.full_name} — {person.description}" if person.description else person.full_name


def _check_left_on(form, data) -> None:
    entered, left = data.get("entered_on"), data.get("left_on")
    if entered and left and left < entered:
        form.add_error("left_on", "Дата выхода из базы не может быть раньше даты вхождения.")


TEXTAREA = forms.Textarea(attrs={"rows": 3})


def _case_link():
    return forms.URLField(
        label="Ссылка на кейс / отзыв на сайте",
        required=False,
        assume_scheme="https",
        help_text="Только с согласия участника на публикацию.",
    )


class MentorProfileForm(CrispyMixin, forms.ModelForm):
    person = PersonChoiceField(
        label="Наставник",
        queryset=Person.objects.none(),
        help_text="Участник организации, которого ещё нет в базе наставников.",
    )
    interests = forms.MultipleChoiceField(
        label="Интересы наставника",
        required=False,
        choices=MentorProfile.Interest.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    case_link = _case_link()

    class Meta:
        model = MentorProfile
        fields = [
            "person",
            "category",
            "competencies",
            "achievements",
            "interests",
            "interests_other",
            "desired_mentee_age",
            "time_available",
            "external_workplace",
            "experience_years",
            "training_status",
            "trained_on",
            "code_acknowledged_on",
            "entered_on",
            "left_on",
            "case_link",
        ]
        widgets = {
            "competencies": TEXTAREA,
            "achievements": TEXTAREA,
            "trained_on": DateInput(),
            "code_acknowledged_on": DateInput(),
            "entered_on": DateInput(),
            "left_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["person"]
        else:
            self.fields["person"].queryset = self.instance.organization.persons.filter(
                mentor_profile__isnull=True
            )

    def clean(self):
        data = super().clean()
        if MentorProfile.Interest.OTHER in data.get("interests", []) and not data.get("interests_other"):
            self.add_error("interests_other", "Опишите другие интересы наставника.")
        _check_left_on(self, data)
        return data


class MenteeProfileForm(CrispyMixin, forms.ModelForm):
    person = PersonChoiceField(
        label="Наставляемый",
        queryset=Person.objects.none(),
        help_text="Педагог или обучающийся, которого ещё нет в базе наставляемых.",
    )
    case_link = _case_link()

    class Meta:
        model = MenteeProfile
        fields = ["person", "category", "main_request", "entered_on", "support_given", "left_on", "case_link"]
        widgets = {
            "main_request": TEXTAREA,
            "support_given": TEXTAREA,
            "entered_on": DateInput(),
            "left_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["person"]
        else:
            self.fields["person"].queryset = self.instance.organization.persons.filter(
                mentee_profile__isnull=True, kind__in=[Person.Kind.STAFF, Person.Kind.STUDENT]
            )

    def clean(self):
        data = super().clean()
        person = data.get("person") or (self.instance.person if self.instance.pk else None)
        category = data.get("category")
        if person and category and category.audience != Audience.ANY:
            expected = Audience.STUDENTS if person.kind == Person.Kind.STUDENT else Audience.TEACHERS
            if category.audience != expected:
                self.add_error(
                    "category",
                    f"Эта категория — для группы «{category.get_audience_display()}», "
                    f"а участник — {person.get_kind_display().lower()}.",
                )
        _check_left_on(self, data)
        return data


class SupportForm(forms.ModelForm):
    """The inline «what has been done» of a mentee without a pair."""

    class Meta:
        model = MenteeProfile
        fields = ["support_given"]
        widgets = {
            "support_given": forms.Textarea(
                attrs={
                    "rows": 2,
                    "class": "form-control form-control-sm",
                    "placeholder": "Что уже сделано: беседы, консультации, занятия…",
                }
            )
        }
        help_texts = {"support_given": ""}


PAIRING_CHOICES = [("", "В паре и без пары"), ("paired", "В паре"), ("unpaired", "Без пары")]


class BaseFilterForm(FilterFormMixin, forms.Form):
    """Filters of a base. Without a programme in the query, the latest programme is taken: the base table
    describes one academic year (its pairs, forms and results)."""

    category_model = None

    q = forms.CharField(label="ФИО", required=False)
    programme = forms.ModelChoiceField(
        label="Программа", queryset=Programme.objects.none(), required=False, empty_label="Все программы"
    )
    category = forms.ModelChoiceField(
        label="Категория", queryset=MenteeCategory.objects.none(), required=False, empty_label="Все категории"
    )
    pairing = forms.ChoiceField(label="Пара", choices=PAIRING_CHOICES, required=False)
    form = forms.ModelChoiceField(
        label="Форма действующей пары",
        queryset=MentoringForm.objects.none(),
        required=False,
        empty_label="Все формы",
    )

    def __init__(self, data, *, organization):
        programmes = organization.programmes.all()
        if "programme" not in data:
            latest = programmes.first()
            data = data.copy()
            data["programme"] = latest.pk if latest else ""
        super().__init__(data)
        self.fields["programme"].queryset = programmes
        # «Программа 2025/2026»: the full title is cut in a filter box at 1366 px
        self.fields["programme"].label_from_instance = lambda p: f"Программа {p.academic_year}"
        self.fields["category"].queryset = self.category_model.objects.all()
        self.fields["form"].queryset = MentoringForm.objects.filter(
            programmes__organization=organization
        ).distinct()
        self.fields["q"].widget.attrs["placeholder"] = "Фамилия, имя или отчество"

    @property
    def applied(self) -> dict:
        """The valid filters (an invalid value is ignored, not an error page)."""
        self.is_valid()
        return self.cleaned_data


class MentorFilterForm(BaseFilterForm):
    category_model = MentorCategory

    training = forms.ChoiceField(
        label="Обучение", required=False, choices=[("", "Любое обучение"), *MentorProfile.Training.choices]
    )
    interest = forms.ChoiceField(
        label="Интересы", required=False, choices=[("", "Любые интересы"), *MentorProfile.Interest.choices]
    )


class MenteeFilterForm(BaseFilterForm):
    category_model = MenteeCategory
