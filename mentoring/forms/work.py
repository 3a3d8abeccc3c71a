"""Forms of a pair's work: the individual plan and its rows, meetings, the review, safeguarding reports."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.infra.forms import CrispyMixin, DateInput
from accounts.models import Person
from mentoring.models import IndividualPlan, Meeting, PlanItem, SafeguardingReport
from mentoring.models.catalogue_data import PLAN_FORM
from mentoring.services.work import check_plan_period, review_fields

_SECTIONS = {section["code"]: section["title_ru"] for section in PLAN_FORM["sections"]}


class PlanForm(CrispyMixin, forms.ModelForm):
    """The header of form D3; a new plan also chooses its mentee among the pair's mentees without a plan."""

    class Meta:
        model = IndividualPlan
        fields = ["mentee", "start_date", "end_date", "goal", "recommendations", "methodical_help"]
        labels = {
            "start_date": "Начало периода наставничества",
            "end_date": "Окончание периода наставничества",
            "recommendations": _SECTIONS["mentor_recommendations"],
            "methodical_help": _SECTIONS["methodical_help"],
        }
        help_texts = {"end_date": "План составляется на срок от 3 месяцев до 1 года."}
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "goal": forms.Textarea(attrs={"rows": 2}),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
            "methodical_help": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, mentees=None, **kwargs):
        super().__init__(*args, **kwargs)
        if mentees is None:
            del self.fields["mentee"]
        else:
            self.fields["mentee"].queryset = mentees

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date"):
            try:
                check_plan_period(data["start_date"], data["end_date"])
            except ValidationError as error:
                self.add_error(None, error)
        return data


class PlanItemForm(CrispyMixin, forms.ModelForm):
    """One row of the plan's table; the same fields inline (htmx) and on a page of their own."""

    class Meta:
        model = PlanItem
        fields = ["activity", "content", "period", "responsible", "is_done", "done_on", "comment"]
        labels = {"activity": "Наименование мероприятия", "is_done": "Выполнено"}
        help_texts = {
            "done_on": "При отметке о выполнении ставится сегодняшняя дата, если не указана другая."
        }
        widgets = {"content": forms.Textarea(attrs={"rows": 2}), "done_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # compact inputs: the row is edited inside the plan's table
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-check-input"
            else:
                field.widget.attrs.update(
                    {
                        "class": "form-control form-control-sm",
                        "placeholder": field.label,
                        "aria-label": field.label,
                    }
                )

    def clean(self):
        data = super().clean()
        # Date the mark here, not only in the service: the model's check «done ⇒ dated» runs before it.
        if data.get("is_done") and not data.get("done_on"):
            data["done_on"] = timezone.localdate()
        return data


class MeetingForm(CrispyMixin, forms.ModelForm):
    submit_label = "Записать встречу"
    # Shown after a warning (a meeting of this kind on this date is already recorded): ticking it saves.
    confirm_duplicate = forms.BooleanField(
        label="Да, это другая встреча — записать", required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = Meeting
        fields = ["kind", "date", "topic", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 4})}

    def ask_to_confirm(self):
        self.fields["confirm_duplicate"].widget = forms.CheckboxInput()


class MeetingCommentForm(CrispyMixin, forms.Form):
    submit_label = "Отправить комментарий"
    text = forms.CharField(
        label="Ваш комментарий к встрече",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Что было полезно, что непонятно, что хотите обсудить в следующий раз. Видят наставник и куратор.",
    )


class ReviewForm(forms.Form):
    """Items 4а–6 of form D4. Every item may stay empty in a draft: the service names the required ones
    that are still empty when the mentor submits."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for row in review_fields():
            mark = " *" if row["required"] else ""
            self.fields[row["code"]] = forms.CharField(
                label=f"{row['number']}. {row['title_ru']}{mark}",
                help_text=row["hint"],
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )


class SafeguardingForm(CrispyMixin, forms.Form):
    submit_label = "Сообщить куратору"
    mentee = forms.ModelChoiceField(label="Наставляемый", queryset=Person.objects.none())
    kind = forms.ChoiceField(
        label="Наставляемый сообщил, что", choices=SafeguardingReport.Kind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label="Что именно сообщил наставляемый", widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, mentees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentee"].queryset = mentees
        if len(mentees) == 1:  # a pair, not a group: nothing to choose
            self.fields["mentee"].empty_label = None


class FollowUpForm(CrispyMixin, forms.Form):
    status = forms.ChoiceField(label="Статус", choices=SafeguardingReport.Status.choices)
    follow_up = forms.CharField(
        label="Принятые меры", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
