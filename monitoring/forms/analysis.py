"""The SWOT and the conclusions of the year: the form only validates, monitoring.services.analysis writes."""

from django import forms

from accounts.infra.forms import CrispyMixin
from monitoring.models import Swot

ROWS = {"rows": 4}


class SwotForm(CrispyMixin, forms.ModelForm):
    submit_label = "Сохранить анализ"

    class Meta:
        model = Swot
        fields = ["strengths", "weaknesses", "opportunities", "threats", "conclusions", "proposals"]
        widgets = {name: forms.Textarea(attrs=ROWS) for name in fields}
        help_texts = {
            "strengths": "Каждый пункт — с новой строки.",
            "weaknesses": "Каждый пункт — с новой строки.",
            "opportunities": "Каждый пункт — с новой строки.",
            "threats": "Каждый пункт — с новой строки.",
        }
