from django import forms
from django.utils import timezone

from accounts.infra.forms import CrispyMixin, DateInput, FilterFormMixin
from accounts.models import ConsentKind, Person


class SignForm(forms.Form):
    signed_name = forms.CharField(label="Ваши фамилия, имя и отчество", max_length=300)
    agree = forms.BooleanField(label="Я прочитал(а) текст и даю согласие", required=False)
    publication = forms.BooleanField(
        label="Разрешаю публикацию фото и кейса на сайте (необязательно)", required=False
    )


class CodeForm(forms.Form):
    code = forms.RegexField(
        label="Код из письма",
        regex=r"^\s*\d(\s*\d){5}\s*$",
        error_messages={"invalid": "Код — шесть цифр из письма.", "required": "Введите код из письма."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class PaperConsentForm(CrispyMixin, forms.Form):
    submit_label = "Сохранить бумажное согласие"
    signer = forms.ModelChoiceField(label="Кто подписал", queryset=Person.objects.none())
    kinds = forms.MultipleChoiceField(
        label="На что дано согласие",
        choices=ConsentKind.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[ConsentKind.PARTICIPATION, ConsentKind.PERSONAL_DATA],
    )
    signed_on = forms.DateField(label="Дата подписания", widget=DateInput(), initial=timezone.localdate)
    scan = forms.FileField(label="Скан (PDF, JPG или PNG, до 5 МБ)")

    def __init__(self, *args, subject: Person, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [subject.pk, *subject.guardianships.values_list("guardian_id", flat=True)]
        self.fields["signer"].queryset = Person.objects.filter(pk__in=ids)


class TrackerFilterForm(FilterFormMixin, forms.Form):
    q = forms.CharField(label="Поиск", required=False)
    programme = forms.ModelChoiceField(
        label="Программа", queryset=None, required=False, empty_label="Все участники баз"
    )
    group = forms.CharField(label="Класс", required=False)
    form = forms.ModelChoiceField(label="Форма", queryset=None, required=False, empty_label="Все формы")
    state = forms.ChoiceField(
        label="Согласие",
        required=False,
        choices=[("", "Все"), ("missing", "Нет согласия"), ("valid", "Есть согласие")],
    )

    def __init__(self, *args, organization, **kwargs):
        from mentoring.models import MentoringForm

        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = organization.programmes.all()
        self.fields["programme"].label_from_instance = lambda p: f"Программа {p.academic_year}"
        self.fields["form"].queryset = MentoringForm.objects.filter(
            programmes__organization=organization
        ).distinct()
