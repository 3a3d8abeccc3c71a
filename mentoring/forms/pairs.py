from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from accounts.infra.forms import CrispyMixin, DateInput, FilterFormMixin
from accounts.models import Person
from mentoring.matching.scoring import places
from mentoring.models import (
    MAX_MENTEES,
    Direction,
    MentoringForm,
    Pair,
    Programme,
    ReplacementGround,
    RoleModel,
    TerminationCategory,
)
from mentoring.selectors.matching import mentee_candidates, mentor_loads


def _mentors(organization):
    return organization.persons.filter(mentor_profile__left_on__isnull=True, mentor_profile__isnull=False)


def _mentees(organization):
    return organization.persons.filter(mentee_profile__isnull=False, mentee_profile__left_on__isnull=True)


class MenteePicker(forms.SelectMultiple):
    """A search by name and class (htmx: mentoring:pair.mentee_search) over checkboxes of the chosen and the
    found mentees — never a list of the whole base."""

    template_name = "mentoring/pairs/_mentee_picker_widget.html"

    def __init__(self, *, organization, **kwargs):
        super().__init__(**kwargs)
        self.organization = organization

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)  # not the options of the whole base
        selected = [int(v) for v in context["widget"]["value"] if str(v).isdigit()]
        context["picker"] = mentee_candidates(self.organization, selected=selected)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The project's template engine: the picker's templates live in templates/, beside the pages.
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))


class PairForm(CrispyMixin, forms.ModelForm):
    submit_label = "Создать пару"
    mentees = forms.ModelMultipleChoiceField(
        label="Наставляемые",
        queryset=Person.objects.none(),
        required=False,
        help_text="До 5 человек; пара — это группа из одного наставляемого. Найдите по фамилии, имени или классу.",
    )

    class Meta:
        model = Pair
        fields = ["programme", "form", "role_model", "direction", "mentor", "start_date", "end_date", "goal"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "goal": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = organization.programmes.all()
        self.fields["form"].queryset = MentoringForm.objects.filter(
            programmes__organization=organization
        ).distinct()
        # Who may be mentor and mentee in each form (the services refuse others, naming the rule).
        self.fields["form"].help_text = " ".join(
            f"«{form}»: {form.participants_rule}." for form in self.fields["form"].queryset
        )
        self.fields["role_model"].queryset = RoleModel.objects.select_related("form")
        self.fields["direction"].queryset = Direction.objects.all()
        self.fields["mentor"].queryset = _mentors(organization)
        loads = mentor_loads(organization)
        self.fields["mentor"].label_from_instance = lambda person: " — ".join(
            filter(
                None,
                [person.full_name, person.description, places(max(0, MAX_MENTEES - loads.get(person.pk, 0)))],
            )
        )
        self.fields["mentees"].queryset = _mentees(organization)
        self.fields["mentees"].widget = MenteePicker(organization=organization)

    def clean_mentees(self):
        mentees = self.cleaned_data["mentees"]
        if len(mentees) > 5:
            raise forms.ValidationError("В группе не может быть больше 5 наставляемых.")
        return mentees


class AddMenteeForm(CrispyMixin, forms.Form):
    submit_label = "Добавить"
    mentee = forms.ModelChoiceField(label="Наставляемый", queryset=Person.objects.none())

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentee"].queryset = _mentees(organization)


class CompleteForm(CrispyMixin, forms.Form):
    submit_label = "Завершить"
    results = forms.CharField(label="Результаты программы", widget=forms.Textarea(attrs={"rows": 3}))


class TerminateForm(CrispyMixin, forms.Form):
    submit_label = "Прекратить досрочно"
    category = forms.ChoiceField(
        label="Основание (печатается в базах)",
        choices=TerminationCategory.choices,
        initial=TerminationCategory.OTHER,
    )
    reason = forms.CharField(
        label="Подробности (видны только на странице пары)", widget=forms.Textarea(attrs={"rows": 3})
    )


class ResumeForm(CrispyMixin, forms.Form):
    submit_label = "Возобновить работу пары"
    reason = forms.CharField(
        label="Основание возобновления",
        initial="Согласие подписано заново.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReplaceMentorForm(CrispyMixin, forms.Form):
    submit_label = "Составить приказ о замене"
    new_mentor = forms.ModelChoiceField(label="Новый наставник", queryset=Person.objects.none())
    ground = forms.ChoiceField(label="Основание (п. 3.7 Положения)", choices=ReplacementGround.choices)

    def __init__(self, *args, pair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_mentor"].queryset = _mentors(pair.organization).exclude(pk=pair.mentor_id)


class PairFilterForm(FilterFormMixin, forms.Form):
    q = forms.CharField(label="ФИО", required=False)
    status = forms.ChoiceField(
        label="Статус", required=False, choices=[("", "Все статусы"), *Pair.Status.choices]
    )
    form = forms.ModelChoiceField(
        label="Форма", required=False, queryset=MentoringForm.objects.all(), empty_label="Все формы"
    )
    programme = forms.ModelChoiceField(
        label="Программа", required=False, queryset=Programme.objects.none(), empty_label="Все программы"
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = organization.programmes.all()
        self.fields["programme"].label_from_instance = lambda p: (
            f"Программа {p.academic_year}"
        )  # fits the bar
        self.fields["form"].queryset = MentoringForm.objects.filter(
            programmes__organization=organization
        ).distinct()
