from django import forms

from accounts.infra.forms import CrispyMixin
from accounts.models import Person
from mentoring.forms.pairs import _mentors
from mentoring.models import Order, Pair, ReplacementGround
from mentoring.selectors.pairs import with_list_relations
from mentoring.services.orders import AWARDS, pair_label, pairs_in_open_orders


class ProgrammeOrderForm(CrispyMixin, forms.Form):
    submit_label = "Составить проект"
    programme = forms.ModelChoiceField(label="Программа", queryset=None)

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = organization.programmes.all()


class PairsOrderForm(ProgrammeOrderForm):
    pairs = forms.ModelMultipleChoiceField(
        label="Согласованные пары",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="В приказ попадают пары, согласованные наставником и наставляемыми.",
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, organization=organization, **kwargs)
        # A pair already in an unsigned pairs order is not offered (one open order per pair).
        self.fields["pairs"].queryset = with_list_relations(
            organization.pairs.filter(status=Pair.Status.AGREED).exclude(
                pk__in=pairs_in_open_orders(organization).values("pk")
            )
        ).order_by("mentor__last_name", "pk")
        self.fields["pairs"].label_from_instance = pair_label
        waiting = pairs_in_open_orders(organization).filter(status=Pair.Status.AGREED).distinct().count()
        if waiting:
            self.fields["pairs"].help_text += (
                f" Ещё {waiting} согласованн{'ая пара' if waiting == 1 else 'ых пар'} уже в неподписанном "
                "проекте приказа и здесь не показан" + ("а" if waiting == 1 else "ы") + "."
            )

    def clean(self):
        data = super().clean()
        programme, pairs = data.get("programme"), data.get("pairs")
        if programme and pairs and any(p.programme_id != programme.pk for p in pairs):
            self.add_error("pairs", "Выберите пары этой программы.")
        return data


class ReplacementOrderForm(CrispyMixin, forms.Form):
    submit_label = "Составить проект"
    pair = forms.ModelChoiceField(label="Пара", queryset=None)
    new_mentor = forms.ModelChoiceField(label="Новый наставник", queryset=None)
    ground = forms.ChoiceField(label="Основание (п. 3.7 Положения)", choices=ReplacementGround.choices)

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pair"].queryset = organization.pairs.filter(
            status__in=Pair.OPEN_STATUSES
        ).select_related("mentor", "form")
        self.fields["new_mentor"].queryset = _mentors(organization)

    def clean(self):
        data = super().clean()
        if data.get("pair") and data.get("new_mentor") == data["pair"].mentor:
            self.add_error("new_mentor", "Это уже наставник пары.")
        return data


class RewardOrderForm(ProgrammeOrderForm):
    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, organization=organization, **kwargs)
        people = organization.persons.exclude(kind=Person.Kind.EXTERNAL, mentor_profile__isnull=True)
        for code, label in AWARDS.items():
            self.fields[f"award_{code}"] = forms.ModelMultipleChoiceField(
                label=label[0].upper() + label[1:], queryset=people, required=False
            )

    def awards(self):
        return [(person, code) for code in AWARDS for person in self.cleaned_data.get(f"award_{code}", [])]

    def clean(self):
        data = super().clean()
        if not self.awards():
            raise forms.ValidationError("Выберите хотя бы одного участника для поощрения.")
        return data


class FreeOrderForm(CrispyMixin, forms.Form):
    submit_label = "Составить проект"
    title = forms.CharField(label="Заголовок («О …»)", max_length=500)
    amends = forms.ModelChoiceField(label="Изменяет или отменяет приказ", queryset=None, required=False)
    amendment = forms.ChoiceField(
        label="Что делает с ним", choices=[("", "—"), *Order.Amendment.choices], required=False
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amends"].queryset = organization.orders.filter(status=Order.Status.APPROVED)

    def clean(self):
        data = super().clean()
        if data.get("amends") and not data.get("amendment"):
            self.add_error("amendment", "Укажите, изменяет или отменяет новый приказ прежний.")
        return data


class OrderTextForm(CrispyMixin, forms.Form):
    title = forms.CharField(label="Заголовок", max_length=500)
    preamble = forms.CharField(
        label="Преамбула («На основании …»)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    items = forms.CharField(
        label="Пункты после «ПРИКАЗЫВАЮ:»",
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Каждый пункт — отдельный абзац; между пунктами оставьте пустую строку. Нумерация — автоматически.",
    )

    def clean_items(self):
        text = self.cleaned_data["items"].replace("\r\n", "\n")
        return [block.strip() for block in text.split("\n\n") if block.strip()]


class ReturnForm(CrispyMixin, forms.Form):
    submit_label = "Вернуть на доработку"
    comment = forms.CharField(label="Что исправить", widget=forms.Textarea(attrs={"rows": 3}))
