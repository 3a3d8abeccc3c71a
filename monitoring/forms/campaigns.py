"""Forms of campaigns: they validate and normalise, monitoring.services.campaigns writes."""

from django import forms

from accounts.infra.forms import CrispyMixin, DateInput
from accounts.models import Person
from mentoring.models import MentoringForm, Pair
from monitoring.models import Campaign, Kind


class PairChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, pair):
        return f"{pair.mentor.short_name} — {pair.form.name} ({pair.programme.academic_year})"


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, person):
        return f"{person.full_name}, {person.description}" if person.description else person.full_name


class CampaignForm(CrispyMixin, forms.ModelForm):
    """A new campaign (or one not launched yet): the questionnaire, the programme, who is asked and when."""

    submit_label = "Сохранить опрос"
    pairs = PairChoiceField(
        label="Пары и группы",
        queryset=Pair.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    people = PersonChoiceField(
        label="Участники",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Campaign
        fields = [
            "questionnaire",
            "programme",
            "title",
            "audience",
            "form",
            "group",
            "pairs",
            "people",
            "anonymous",
            "opens_on",
            "closes_on",
            "baseline",
        ]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput()}
        help_texts = {"title": "Если оставить пустым — как у анкеты."}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["questionnaire"].queryset = organization.questionnaires.filter(is_current=True)
        self.fields["programme"].queryset = organization.programmes.all()
        self.fields["programme"].empty_label = None
        self.fields["form"].queryset = MentoringForm.objects.filter(
            programmes__organization=organization
        ).distinct()
        self.fields["form"].help_text = "Для аудитории «Участники пар одной формы»."
        self.fields["group"].help_text = "Для аудитории «Класс»: например, «7Б»."
        self.fields["pairs"].queryset = organization.pairs.select_related(
            "mentor", "form", "programme"
        ).order_by("-programme__year", "mentor__last_name")
        self.fields["people"].queryset = organization.persons.exclude(kind=Person.Kind.EXTERNAL)
        self.fields["baseline"].queryset = organization.campaigns.filter(
            questionnaire__kind=Kind.ENTRY
        ).exclude(pk=self.instance.pk)
        self.fields[
            "baseline"
        ].help_text = "Только для итоговой самооценки: с каким входным опросом сравнивать."
        for name in ("form", "group", "pairs", "people", "baseline"):
            self.fields[name].widget.attrs["data-audience-field"] = name

    def clean(self):
        data = super().clean()
        if not data.get("title") and data.get("questionnaire"):
            data["title"] = data["questionnaire"].title
            self.instance.title = data["title"]
        return data


class OpenCampaignForm(CrispyMixin, forms.ModelForm):
    """A running campaign: only its name and its last day change."""

    class Meta:
        model = Campaign
        fields = ["title", "closes_on"]
        widgets = {"closes_on": DateInput()}
