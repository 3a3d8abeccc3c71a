"""The coordinator's edit of a proposed base entry before accepting it."""

from django import forms

from accounts.infra.forms import CrispyMixin
from mentoring.models import MenteeCategory, MentorProfile

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class MentorProposalForm(CrispyMixin, forms.Form):
    submit_label = "Сохранить и внести в базу"

    competencies = forms.CharField(label="Основные компетенции", widget=TEXTAREA, required=False)
    achievements = forms.CharField(label="Важные для программы достижения", widget=TEXTAREA, required=False)
    interests = forms.MultipleChoiceField(
        label="Интересы наставника",
        choices=MentorProfile.Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    interests_other = forms.CharField(label="Интересы: другое", max_length=300, required=False)
    desired_mentee_age = forms.CharField(
        label="Желаемый возраст наставляемых", max_length=100, required=False
    )
    time_available = forms.CharField(label="Ресурс времени на программу", max_length=200, required=False)
    experience_years = forms.IntegerField(
        label="Педагогический стаж, лет", min_value=0, max_value=80, required=False
    )

    def clean(self):
        data = super().clean()
        if MentorProfile.Interest.OTHER in data.get("interests", []) and not data.get("interests_other"):
            self.add_error("interests_other", "Опишите другие интересы наставника.")
        return data

    def fields_for_base(self) -> dict:
        """Only what is filled in: an empty field leaves the base entry's value as it is."""
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None, [])}


class MenteeProposalForm(CrispyMixin, forms.Form):
    submit_label = "Сохранить и внести в базу"

    category = forms.ModelChoiceField(
        label="Категория", queryset=MenteeCategory.objects.none(), required=False, empty_label="Не указана"
    )
    main_request = forms.CharField(label="Основной запрос", widget=TEXTAREA)

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        audience = "students" if person.kind == "student" else "teachers"
        self.fields["category"].queryset = MenteeCategory.objects.filter(audience__in=[audience, "any"])

    def fields_for_base(self) -> dict:
        data = self.cleaned_data
        return {
            "category": data["category"].pk if data["category"] else None,
            "main_request": data["main_request"],
        }
