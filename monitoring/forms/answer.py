"""The respondent's form for one section: a field per question, built from the questionnaire. It validates and
normalises (Russian messages); monitoring.services.answers writes."""

from datetime import date

from django import forms

from accounts.infra.forms import DateInput
from monitoring.models import QuestionType
from monitoring.models.questionnaires import OTHER_LABEL, PEOPLE_TYPES, RANKED_CHOICES, SCALE_TYPES
from monitoring.services import Value

REQUIRED = "Это обязательный вопрос: выберите или впишите ответ."
YES_NO = [("1", "Да"), ("0", "Нет")]


def field_name(question) -> str:
    return f"q{question.pk}"


class SectionAnswerForm(forms.Form):
    """`strict`: required questions must be answered (going on, submitting); saving to continue later is not
    strict, but what is typed must still make sense (a number is a number)."""

    def __init__(self, *args, questions, answers=None, people=None, strict=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.strict = strict
        self.people = people or {}
        answers = answers or {}
        for question in self.questions:
            self._add_fields(question, answers.get(question.pk))

    def _required(self, question) -> bool:
        return self.strict and question.required

    def _add_fields(self, question, answer) -> None:
        name, kind = field_name(question), question.type
        required = self._required(question)
        errors = {"required": REQUIRED}
        if kind in SCALE_TYPES:
            choices = [(str(v), str(v)) for v in range(1, SCALE_TYPES[kind] + 1)]
            field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, required=required)
            initial = f"{answer.number:g}" if answer and answer.number is not None else None
        elif kind == QuestionType.YES_NO:
            field = forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, required=required)
            initial = ("1" if answer.number else "0") if answer and answer.number is not None else None
        elif kind == QuestionType.SINGLE:
            choices = [(option, option) for option in question.options]
            if question.has_other:
                choices.append((OTHER_LABEL, OTHER_LABEL))
            field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, required=required)
            initial = answer.text if answer else None
        elif kind == QuestionType.MULTIPLE:
            choices = [(option, option) for option in question.options]
            if question.has_other:
                choices.append((OTHER_LABEL, OTHER_LABEL))
            field = forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, required=required
            )
            initial = answer.choices if answer else None
        elif kind == QuestionType.SHORT_TEXT:
            field = forms.CharField(max_length=500, required=required)
            initial = answer.text if answer else None
        elif kind == QuestionType.LONG_TEXT:
            field = forms.CharField(
                max_length=5000, widget=forms.Textarea(attrs={"rows": 4}), required=required
            )
            initial = answer.text if answer else None
        elif kind == QuestionType.NUMBER:
            field = forms.CharField(
                max_length=30, required=required, widget=forms.TextInput(attrs={"inputmode": "decimal"})
            )
            initial = f"{answer.number:g}".replace(".", ",") if answer and answer.number is not None else None
        elif kind == QuestionType.DATE:
            field = forms.DateField(widget=DateInput(), required=required)
            initial = date.fromisoformat(answer.text) if answer and answer.text else None
        elif kind in PEOPLE_TYPES:
            choices = [("", "— не выбрано —"), *[(str(pk), name) for pk, name in self.people.get(kind, [])]]
            chosen = list(answer.choices) if answer else []
            for rank in range(1, RANKED_CHOICES + 1):
                self.fields[f"{name}_{rank}"] = forms.ChoiceField(
                    choices=choices,
                    required=required and rank == 1,
                    label=f"{rank}-й выбор",
                    error_messages={"required": "Выберите хотя бы одного человека."},
                    initial=str(chosen[rank - 1]) if len(chosen) >= rank else "",
                )
            return
        else:
            raise ValueError(kind)
        field.error_messages.update(errors)
        field.label = question.text
        field.initial = initial
        self.fields[name] = field
        if question.has_other and kind in (QuestionType.SINGLE, QuestionType.MULTIPLE):
            self.fields[f"{name}_other"] = forms.CharField(
                max_length=500, required=False, label="Ваш вариант", initial=answer.other if answer else ""
            )

    def clean(self):
        data = super().clean()
        for question in self.questions:
            name = field_name(question)
            if question.type == QuestionType.NUMBER and data.get(name):
                try:
                    data[name] = float(data[name].replace(",", ".").replace(" ", ""))
                except ValueError:
                    self.add_error(name, "Введите число, например 12 или 3,5.")
            if question.type in PEOPLE_TYPES:
                picked = [data.get(f"{name}_{rank}") for rank in range(1, RANKED_CHOICES + 1)]
                picked = [pk for pk in picked if pk]
                if len(set(picked)) != len(picked):
                    self.add_error(f"{name}_1", "Один и тот же человек выбран дважды.")
            if question.has_other:
                chosen = data.get(name) or []
                chosen = chosen if isinstance(chosen, list) else [chosen]
                if OTHER_LABEL in chosen and not data.get(f"{name}_other", "").strip():
                    self.add_error(f"{name}_other", "Напишите свой вариант ответа.")
        return data

    def values(self) -> dict[int, Value]:
        """Question id → the cleaned answer (an empty Value clears a saved answer)."""
        data, values = self.cleaned_data, {}
        for question in self.questions:
            name, kind = field_name(question), question.type
            value = Value()
            raw = data.get(name)
            if kind in SCALE_TYPES or kind == QuestionType.YES_NO:
                value.number = float(raw) if raw not in (None, "") else None
            elif kind == QuestionType.NUMBER:
                value.number = raw if raw not in (None, "") else None
            elif kind == QuestionType.SINGLE:
                value.text = raw or ""
            elif kind == QuestionType.MULTIPLE:
                value.choices = list(raw or [])
            elif kind == QuestionType.DATE:
                value.text = raw.isoformat() if raw else ""
            elif kind in PEOPLE_TYPES:
                picked = [data.get(f"{name}_{rank}") for rank in range(1, RANKED_CHOICES + 1)]
                value.choices = [int(pk) for pk in picked if pk]
            else:
                value.text = (raw or "").strip()
            if question.has_other:
                chosen = raw if isinstance(raw, list) else [raw]
                value.other = data.get(f"{name}_other", "").strip() if OTHER_LABEL in chosen else ""
            values[question.pk] = value
        return values

    def rows(self):
        """(question, its bound field, the «Другое» field or None, the ranked fields) for the template."""
        for question in self.questions:
            name = field_name(question)
            if question.type in PEOPLE_TYPES:
                ranked = [self[f"{name}_{rank}"] for rank in range(1, RANKED_CHOICES + 1)]
                yield question, None, None, ranked
            else:
                other = self[f"{name}_other"] if f"{name}_other" in self.fields else None
                yield question, self[name], other, []
