"""Filters for the PDF templates: {{ text|typo }} (Russian typography, names and addresses never hyphenated),
{{ day|num_date }} (05.06.2025, the one date style of an order)."""

import re
from datetime import date

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from mentoring.documents.russian import format_date_short, typographed

register = template.Library()

# Names (capitalised words, «Бонч-Бруевич»), initials with the surname, e-mails and URLs: never hyphenated.
_UNBREAKABLE = re.compile(
    r"https?://[^\s<]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[А-ЯЁ]\.[А-ЯЁ]?\.?\u00a0[А-ЯЁ][а-яё-]+|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*"
)


@register.filter
def typo(value) -> str:
    text = escape(typographed(str(value or "")))
    return mark_safe(_UNBREAKABLE.sub(lambda m: f'<span class="nh">{m.group(0)}</span>', text))


@register.filter
def plain_typo(value) -> str:
    """typo's non-breaking spaces and quotes without the markup, line breaks kept: for long tables, where the
    cells are not hyphenated at all and the markup would only slow the layout down."""
    return mark_safe("<br>".join(escape(typographed(line)) for line in str(value or "").splitlines()))


@register.filter
def quoted(value) -> str:
    """«…» around a title, so that typo nests the quotes inside it: «Об организации „Школы наставников“»."""
    return f"«{value}»"


@register.filter
def typo_lines(value) -> str:
    """typo, with line breaks kept (<br>)."""
    return mark_safe("<br>".join(typo(line) for line in str(value or "").splitlines()))


@register.filter
def num_date(value) -> str:
    if not value:
        return "__.__.20__"
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return format_date_short(value)


RELATIONS = {
    "мать": "матерью и законным представителем",
    "отец": "отцом и законным представителем",
    "опекун": "опекуном",
    "попечитель": "попечителем",
}


@register.filter
def relation_as(relation) -> str:
    """«являясь матерью и законным представителем несовершеннолетнего …», «являясь опекуном …»."""
    return RELATIONS.get(str(relation or "").lower(), "законным представителем")


@register.filter
def described(person, case: str = "nominative") -> str:
    """The position or «обучающаяся 7Б класса» of a Person, in a case: «обучающейся 7Б класса»."""
    from mentoring.documents.russian import person_description

    return person_description(person, case)
