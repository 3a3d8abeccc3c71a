"""Form plumbing shared by every app: the submit button, the date picker, filter bars, and service errors
shown on the form that caused them."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError


class CrispyMixin:
    submit_label = "Сохранить"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))


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
