"""Form plumbing shared by every app: the submit button, the date picker, filter bars, and service errors
shown on the form that caused them."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError

from .validation import date_problem


class CrispyMixin:
    """Every form of the site: the submit button, and no date typed with an implausible year (a slip of the
    keyboard, «0202» for «2022», would otherwise become a programme, a pair or a meeting of year 202)."""

    submit_label = "Сохранить"
    # Dates allowed before YEAR_MIN (they are checked by their model: birth dates back to 1900).
    historic_dates = ("birth_date",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))

    def _update_errors(self, errors):
        """A model form: a database constraint's Russian message (accounts.infra.integrity) at its field."""
        from .integrity import move_constraint_errors_to_fields

        if hasattr(errors, "error_dict"):
            errors = ValidationError(move_constraint_errors_to_fields(self, dict(errors.error_dict)))
        super()._update_errors(errors)

    def clean(self):
        data = super().clean()
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField) and name not in self.historic_dates:
                problem = date_problem(data.get(name))
                if problem:
                    self.add_error(name, problem)
        return data


class DateInput(forms.DateInput):
    """The browser's date picker; the value in ISO format, as the picker expects."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FilterFormMixin:
    """Filter bars are laid out by hand in templates: give their widgets Bootstrap's classes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            widget.attrs.setdefault("class", css)
            widget.attrs.setdefault("aria-label", field.label or "")


def apply_errors(form, error: ValidationError) -> None:
    """A service's ValidationError on the form: at the field it names, otherwise above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_errors(form) -> ValidationError:
    """An invalid small action form as one ValidationError (its messages in field order)."""
    return ValidationError([message for messages in form.errors.values() for message in messages])
