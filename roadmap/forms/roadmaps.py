"""Forms of the roadmap: making it (a template or an earlier year), its stages and events (inline and on pages
of their own), a responsible person's tick."""

from django import forms
from django.utils import timezone

from accounts.infra.forms import CrispyMixin, DateInput
from accounts.models import Person
from roadmap.catalogue import TEMPLATES
from roadmap.models import RESPONSIBLE_ROLES, Event, Roadmap, Stage
from roadmap.selectors import fact_choices


class CreateForm(CrispyMixin, forms.Form):
    """One choice: a template of the seeds, or a roadmap of an earlier year to copy with dates shifted."""

    submit_label = "Составить дорожную карту"
    base = forms.ChoiceField(label="Из чего составить", widget=forms.RadioSelect)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.earlier = {
            str(roadmap.pk): roadmap
            for roadmap in Roadmap.objects.filter(
                organization=programme.organization, programme__year__lt=programme.year
            ).select_related("programme")
        }
        choices = [
            (f"template:{code}", f"Шаблон: {t.title}. {t.description}") for code, t in TEMPLATES.items()
        ]
        choices += [
            (
                f"roadmap:{pk}",
                f"Копия карты {roadmap.programme.academic_year} года — даты сдвигаются на "
                f"{programme.year - roadmap.programme.year} г.",
            )
            for pk, roadmap in self.earlier.items()
        ]
        self.fields["base"].choices = choices
        # Last year's roadmap (the latest first) is the usual start; otherwise the detailed template.
        self.fields["base"].initial = f"roadmap:{next(iter(self.earlier))}" if self.earlier else choices[0][0]

    def chosen(self) -> dict:
        """{"template": code} or {"source": roadmap} for services.roadmap_create."""
        kind, _, value = self.cleaned_data["base"].partition(":")
        return {"template": value} if kind == "template" else {"source": self.earlier[value]}


class TitleForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Roadmap
        fields = ["title"]


def _compact(form) -> None:
    """Small inputs: stages and events are edited inside the roadmap's table."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple):
            continue
        css = (
            "form-select form-select-sm"
            if isinstance(widget, forms.Select)
            else "form-control form-control-sm"
        )
        widget.attrs.update({"class": css, "aria-label": field.label})
        if not isinstance(widget, forms.Select):
            widget.attrs["placeholder"] = field.label


class StageForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["number", "title", "period", "key_result"]
        widgets = {"key_result": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _compact(self)


class EventForm(CrispyMixin, forms.ModelForm):
    responsible_people = forms.ModelMultipleChoiceField(
        label="Ответственные", queryset=Person.objects.none(), required=False, widget=forms.SelectMultiple
    )
    responsible_roles = forms.MultipleChoiceField(
        label="Ответственные (группы)",
        choices=RESPONSIBLE_ROLES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    fact = forms.ChoiceField(label="Выполняется само, когда", required=False)

    class Meta:
        model = Event
        fields = [
            "stage",
            "title",
            "content",
            "key_result",
            "documents",
            "start_date",
            "end_date",
            "responsible_people",
            "responsible_roles",
            "responsible_text",
            "fact",
            "status",
            "note",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 2}),
            "key_result": forms.Textarea(attrs={"rows": 2}),
            "documents": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 2}),
            "start_date": DateInput(),
            "end_date": DateInput(),
        }

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = roadmap.stages.all()
        self.fields["stage"].empty_label = None
        # Staff of the school: whoever is named responsible must be someone the school keeps a card of.
        self.fields["responsible_people"].queryset = roadmap.organization.persons.filter(
            kind=Person.Kind.STAFF
        ).order_by("last_name", "first_name")
        self.fields["responsible_people"].widget.attrs["size"] = 4
        self.fields["fact"].choices = fact_choices()
        _compact(self)

    def clean(self):
        data = super().clean()
        if data.get("status") == Event.Status.DONE and self.instance.done_on is None:
            self.instance.done_on = timezone.localdate()  # ticked here: done today (the service records who)
        return data


class CompleteForm(forms.Form):
    note = forms.CharField(
        label="Что сделано", widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"})
    )
    done_on = forms.DateField(
        label="Когда",
        widget=DateInput(attrs={"class": "form-control form-control-sm"}),
        initial=timezone.localdate,
    )


class TasksFilterForm(forms.Form):
    person = forms.ModelChoiceField(label="Чьи задачи", queryset=Person.objects.none(), required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(pk__in=[p.pk for p in people])
        self.fields["person"].empty_label = "Мои задачи"
        self.fields["person"].widget.attrs.update({"class": "form-select", "aria-label": "Чьи задачи"})
