"""Forms of the programme pages: the programme and its curators' areas."""

from datetime import date

from django import forms
from django.db.models import Q

from accounts.infra.forms import CrispyMixin, DateInput
from accounts.models import User
from mentoring.models import CURATOR_ROLES, Direction, MentoringForm, Programme


def academic_year_start(day: date) -> int:
    """From June the school prepares the next academic year (DOMAIN §4)."""
    return day.year if day.month >= 6 else day.year - 1


def curator_users(organization):
    """Users who may curate an area: a curator or coordinator of the organisation."""
    return (
        User.objects.filter(memberships__organization=organization, memberships__role__in=CURATOR_ROLES)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class ProgrammeForm(CrispyMixin, forms.ModelForm):
    teachers_target_pct = forms.IntegerField(
        label="Целевой охват педагогов, %",
        min_value=0,
        max_value=100,
        help_text="Доля педагогов — наставляемых; по дорожной карте 10, 20, 30, 50, 70 % в пять лет подряд.",
    )
    students_target_pct = forms.IntegerField(
        label="Целевой охват обучающихся, %",
        min_value=0,
        max_value=100,
        help_text="Доля обучающихся — наставляемых.",
    )

    class Meta:
        model = Programme
        fields = [
            "title",
            "year",
            "start_date",
            "end_date",
            "forms",
            "directions",
            "teachers_target_pct",
            "students_target_pct",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "forms": forms.CheckboxSelectMultiple,
            "directions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form switched off in the catalogue stays on the programmes that already use it.
        chosen = self.instance.forms.all() if self.instance.pk else MentoringForm.objects.none()
        self.fields["forms"].queryset = MentoringForm.objects.filter(
            Q(is_active=True) | Q(pk__in=chosen)
        ).distinct()

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end <= start:
            self.add_error("end_date", "Окончание программы должно быть позже начала.")
        title, year = data.get("title"), data.get("year")
        if (
            title
            and year
            and self.instance.organization.programmes.filter(title=title, year=year)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("title", f"Программа с таким названием на {year}/{year + 1} учебный год уже есть.")
        return data


class CuratorAreaForm(forms.Form):
    curator = forms.ModelChoiceField(
        label="Куратор", queryset=User.objects.none(), empty_label="Выберите куратора"
    )
    form = forms.ModelChoiceField(
        label="Форма", queryset=MentoringForm.objects.none(), required=False, empty_label="Все формы"
    )
    direction = forms.ModelChoiceField(
        label="Направление", queryset=Direction.objects.none(), required=False, empty_label="Все направления"
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["curator"].queryset = curator_users(programme.organization)
        self.fields["form"].queryset = programme.forms.all()
        self.fields["direction"].queryset = programme.directions.all()
        for field in self.fields.values():
            field.widget.attrs.update({"class": "form-select", "aria-label": field.label})
