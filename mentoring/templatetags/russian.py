"""Template filters for documents: {{ day|ru_date }}, {{ person|fio:"accusative" }}, {{ person|initials }}."""

from datetime import date

from django import template

from mentoring.documents.russian import decline_full_name, format_date_ru, initials_surname, surname_initials

register = template.Library()


def _parts(person) -> tuple[str, str, str, str]:
    """A Person or its frozen dict ({last_name, first_name, middle_name, sex})."""
    if isinstance(person, dict):
        return person["last_name"], person["first_name"], person.get("middle_name", ""), person.get("sex", "")
    return person.last_name, person.first_name, person.middle_name, person.sex


@register.filter
def ru_date(value) -> str:
    if not value:
        return "«___» __________ 20___ г."
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return format_date_ru(value)


@register.filter
def fio(person, case: str = "nominative") -> str:
    last, first, middle, sex = _parts(person)
    return decline_full_name(last, first, middle, sex, case)


@register.filter
def initials(person) -> str:
    """«М.П. Иванова» — for signature lines."""
    last, first, middle, _ = _parts(person)
    return initials_surname(last, first, middle)


@register.filter
def short_fio(person) -> str:
    """«Иванова М.П.» — for lists."""
    last, first, middle, _ = _parts(person)
    return surname_initials(last, first, middle)
