"""Figures as a Russian reader writes them: a decimal comma, no trailing zeros."""

from django import template

register = template.Library()


@register.filter
def ru_num(value) -> str:
    if isinstance(value, bool) or value is None:
        return "—" if value is None else str(value)
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",").replace("-", "−")
    return str(value)
