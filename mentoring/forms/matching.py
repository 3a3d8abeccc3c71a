"""The dates of the draft pairs made from accepted suggestions."""

from django import forms
from django.utils import timezone

from accounts.infra.forms import DateInput


class AcceptForm(forms.Form):
    start_date = forms.DateField(
        label="Начало пар", widget=DateInput(attrs={"class": "form-control form-control-sm"})
    )
    end_date = forms.DateField(
        label="Окончание", widget=DateInput(attrs={"class": "form-control form-control-sm"})
    )

    def __init__(self, *args, programme, **kwargs):
        today = timezone.localdate()
        start = today if programme.start_date <= today < programme.end_date else programme.start_date
        kwargs.setdefault("initial", {"start_date": start, "end_date": programme.end_date})
        super().__init__(*args, **kwargs)
        self.programme = programme

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end <= start:
            raise forms.ValidationError("Окончание работы пары должно быть позже её начала.")
        return data

    @property
    def programme_is_over(self) -> bool:
        return timezone.localdate() >= self.programme.end_date
