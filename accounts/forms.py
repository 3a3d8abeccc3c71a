from django import forms
from django.contrib.auth.password_validation import validate_password

from .infra.forms import CrispyMixin, DateInput
from .models import Guardianship, Invitation, Organization, Person
from .rules import can_grant_role, can_propose_role


class PersonForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "last_name",
            "first_name",
            "middle_name",
            "sex",
            "birth_date",
            "kind",
            "position",
            "group",
            "email",
            "phone",
        ]
        widgets = {"birth_date": DateInput()}

    def clean_group(self):
        return self.cleaned_data["group"].replace(" ", "").upper()

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == Person.Kind.STUDENT and not data.get("group"):
            self.add_error("group", "Укажите класс или группу обучающегося, например «7Б».")
        if kind == Person.Kind.STAFF and not data.get("position"):
            self.add_error("position", "Укажите должность работника.")
        return data


class GuardianshipForm(CrispyMixin, forms.Form):
    submit_label = "Добавить"
    guardian = forms.ModelChoiceField(
        label="Родитель (законный представитель)", queryset=Person.objects.none()
    )
    relation = forms.ChoiceField(label="Кем приходится", choices=Guardianship.Relation.choices)

    def __init__(self, *args, child: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardian"].queryset = child.organization.persons.exclude(pk=child.pk).exclude(
            kind=Person.Kind.STUDENT
        )


class InvitationForm(CrispyMixin, forms.Form):
    submit_label = "Создать приглашение"
    role = forms.ChoiceField(label="Роль", choices=[(r.value, r.label) for r in Invitation.INVITABLE_ROLES])
    email = forms.EmailField(
        label="E-mail для отправки ссылки",
        required=False,
        help_text="Если оставить пустым, ссылку можно распечатать или передать лично.",
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        for role in Invitation.INVITABLE_ROLES:
            if can_grant_role(actor, role):
                choices.append((role.value, role.label))
            elif can_propose_role(actor, role):
                choices.append((role.value, f"{role.label} (после подтверждения директором)"))
        self.fields["role"].choices = choices


class InvitationAcceptForm(CrispyMixin, forms.Form):
    submit_label = "Создать учётную запись"
    username = forms.RegexField(
        label="Логин",
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        error_messages={"invalid": "Логин может содержать только буквы, цифры и символы @ . + - _"},
    )
    password1 = forms.CharField(
        label="Пароль", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label="Пароль ещё раз", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", "Пароли не совпадают.")
        elif data.get("password1"):
            try:
                validate_password(data["password1"])
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class OrganizationForm(CrispyMixin, forms.ModelForm):
    website = forms.URLField(label="Сайт", required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = [
            "full_name",
            "short_name",
            "kind",
            "city",
            "director_position",
            "director_name",
            "inn",
            "ogrn",
            "address",
            "phone",
            "website",
            "order_number_format",
        ]

    def clean_inn(self):
        inn = self.cleaned_data["inn"].strip()
        if inn and (not inn.isdigit() or len(inn) not in (10, 12)):
            raise forms.ValidationError("ИНН состоит из 10 цифр (организация) или 12 цифр.")
        return inn

    def clean_ogrn(self):
        ogrn = self.cleaned_data["ogrn"].strip()
        if ogrn and (not ogrn.isdigit() or len(ogrn) not in (13, 15)):
            raise forms.ValidationError("ОГРН состоит из 13 цифр (ОГРНИП — из 15).")
        return ogrn
