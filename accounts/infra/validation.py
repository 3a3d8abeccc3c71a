"""Doubtful values are refused with a Russian message wherever they come in (a page, the admin, an import):
names with control or invisible characters, birth dates in the future or before 1900, years outside the
application's range, dates in the future where something is reported as done."""

import re
import unicodedata
from datetime import date

YEAR_MIN, YEAR_MAX = 2000, 2100  # programmes, pairs, plans, meetings, orders
BIRTH_MIN = date(1900, 1, 1)
# Zero-width and direction marks are «format» characters (Cf): invisible, they make two equal-looking names
# differ or reverse what is shown.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def text_problem(value: str) -> str:
    """'' when a short text (a name, a class) holds only visible characters and ordinary spaces."""
    if _INVISIBLE.search(value) or any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value):
        return "Уберите невидимые или управляющие символы (их можно случайно скопировать вместе с текстом)."
    return ""


def birth_date_problem(day: date | None, today: date) -> str:
    if day is None:
        return ""
    if day > today:
        return "Дата рождения не может быть в будущем."
    if day < BIRTH_MIN:
        return "Проверьте дату рождения: раньше 1900 года её быть не может."
    return ""


def year_problem(year: int | None) -> str:
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        return f"Проверьте год: допустимы годы с {YEAR_MIN} по {YEAR_MAX}."
    return ""


def date_problem(day: date | None) -> str:
    return year_problem(day.year) if day is not None else ""


def done_date_problem(day: date | None, today: date) -> str:
    """A mark that something was done cannot be dated after today."""
    if day is not None and day > today:
        return "Дата выполнения не может быть в будущем."
    return date_problem(day)
