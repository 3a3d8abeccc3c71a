"""Forms of the questionnaire builder: they validate and normalise, monitoring.services.questionnaires writes."""

from django import forms

from accounts.infra.forms import CrispyMixin
from mentoring.models import MentoringForm
from monitoring.models import Question, Questionnaire, Section
from monitoring.models.questionnaires import CHOICE_TYPES


class QuestionnaireForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Questionnaire
        fields = ["title", "kind", "respondent", "form", "intro"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = MentoringForm.objects.filter(is_active=True)
        self.fields["form"].empty_label = "Любая форма"


class SectionForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class OptionsField(forms.CharField):
    """The options of a choice, one per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class QuestionForm(CrispyMixin, forms.ModelForm):
    options = OptionsField(
        label="Варианты ответа",
        required=False,
        help_text="Для выбора из списка: каждый вариант с новой строки.",
    )

    class Meta:
        model = Question
        fields = [
            "section",
            "text",
            "help_text",
            "type",
            "required",
            "options",
            "has_other",
            "low_label",
            "high_label",
            "code",
            "base_field",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = self.instance.questionnaire.sections.all()
        self.fields["section"].empty_label = None
        self.fields["low_label"].help_text = "Для шкал: например, «совсем нет»."
        self.fields["high_label"].help_text = "Для шкал: например, «полностью»."
        self.fields[
            "base_field"
        ].help_text = (
            "Только для анкет потенциальных наставников и наставляемых: ответ предложит значение поля базы."
        )

    def clean(self):
        data = super().clean()
        if data.get("type") in CHOICE_TYPES and len(data.get("options") or []) < 2:
            self.add_error("options", "Нужно хотя бы два варианта ответа, каждый с новой строки.")
        return data
