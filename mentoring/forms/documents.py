"""The form that orders a pack of documents."""

from django import forms

from accounts.infra.forms import CrispyMixin
from mentoring.models import DocumentPack


class PackForm(CrispyMixin, forms.Form):
    submit_label = "Собрать"

    kind = forms.ChoiceField(
        label="Состав",
        choices=DocumentPack.Kind.choices,
        initial=DocumentPack.Kind.PLANS,
        widget=forms.RadioSelect,
    )
    format = forms.ChoiceField(
        label="Формат",
        choices=DocumentPack.Format.choices,
        initial=DocumentPack.Format.PDF,
        widget=forms.RadioSelect,
    )
    include_drafts = forms.BooleanField(
        label="Добавить проекты: неутверждённые планы и непринятые отзывы (после утверждённых, с пометкой «ПРОЕКТ»)",
        required=False,
    )
