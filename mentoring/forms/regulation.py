"""Forms of the school's own documents that orders approve: the Положение and the «Школа наставников»."""

from django import forms

from accounts.infra.forms import CrispyMixin, DateInput
from mentoring.models import MentorSchoolSession


class RegulationForm(CrispyMixin, forms.Form):
    submit_label = "Сохранить новую редакцию"
    title = forms.CharField(label="Название", max_length=300)
    text = forms.CharField(
        label="Текст",
        widget=forms.Textarea(attrs={"rows": 30}),
        help_text="Разделы — строки вида «1. ОБЩИЕ ПОЛОЖЕНИЯ» (заглавными буквами), пункты — «1.1. …», "
        "строки без номера — абзацы внутри пункта.",
    )
    comment = forms.CharField(label="Что изменено", max_length=300, required=False)


class SessionForm(CrispyMixin, forms.ModelForm):
    submit_label = "Сохранить занятие"

    class Meta:
        model = MentorSchoolSession
        fields = ["date", "time", "topic", "content", "format", "hours", "trainer", "trainer_name", "place"]
        widgets = {"date": DateInput(), "content": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainer"].queryset = organization.persons.filter(kind="staff")
        self.fields["trainer"].required = False
