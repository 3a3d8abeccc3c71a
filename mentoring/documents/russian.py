"""Russian wording for generated documents: dates, declined names, plurals.

Names are declined with Petrovich 2.0.1 (the version pinned by the project),
but its bundled ``rules.json`` and matcher have defects that spoil common
names, so ``_inflector`` patches the rule data before use:

* with a gender given, it skips "androgynous" rules: «Никита» and «Савва» stay
  undeclined, «Ольга» becomes «Ольгы», a male «Черных» becomes «Черныха»;
* a "." modifier ("leave unchanged") is appended literally in exceptions
  («Дюма.») and in suffix rules makes it search on instead of stopping;
* ``rules.json`` is older than the ``rules.yml`` shipped beside it and lists
  «й» before «ий», giving «о Дмитрие» instead of «о Дмитрии»;
* exceptions are not checked for parts of a hyphenated name («Бонча-Бруевича»).
"""

import json
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from petrovich.enums import Case as _PCase
from petrovich.enums import Gender
from petrovich.main import DEFAULT_RULES_PATH, Petrovich

__all__ = [
    "NameCase",
    "decline_full_name",
    "format_date_ru",
    "format_date_short",
    "initials_surname",
    "plural_ru",
    "surname_initials",
]

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def format_date_ru(d: date) -> str:
    """Date as in official orders: «05» июня 2025 г."""
    return f"«{d.day:02d}» {MONTHS_GENITIVE[d.month - 1]} {d.year} г."


def format_date_short(d: date) -> str:
    """Numeric date, 05.06.2025; no locale involved."""
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The word form for ``n``: 1 пара, 2 пары, 5 пар, 11 пар, 21 пара.

    Returns the word only, so the caller decides how to show the number.
    """
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


class NameCase(StrEnum):
    """Grammatical case; plain strings with these values are accepted too."""

    NOMINATIVE = "nominative"
    GENITIVE = "genitive"
    DATIVE = "dative"
    ACCUSATIVE = "accusative"
    INSTRUMENTAL = "instrumental"
    PREPOSITIONAL = "prepositional"


_PETROVICH_CASE = {
    NameCase.GENITIVE: _PCase.GENITIVE,
    NameCase.DATIVE: _PCase.DATIVE,
    NameCase.ACCUSATIVE: _PCase.ACCUSATIVE,
    NameCase.INSTRUMENTAL: _PCase.INSTRUMENTAL,
    NameCase.PREPOSITIONAL: _PCase.PREPOSITIONAL,
}
_SEX_TO_GENDER = {"M": Gender.MALE, "F": Gender.FEMALE}


@lru_cache(maxsize=2)
def _inflector(gender: str) -> tuple[Petrovich, frozenset[str]]:
    """Petrovich with its rules fixed for one gender (see the module docstring).

    Also returns the words that stay unchanged only as the first part of a
    hyphenated name («Бонч-Бруевич»).
    """
    p = Petrovich()
    first_words: set[str] = set()
    for kind, groups in p.data.items():
        for group, rules in groups.items():
            for rule in rules:
                if "first_word" in rule.get("tags", ()):
                    first_words.update(rule["test"])
                    rule["test"] = []
                if rule["gender"] == Gender.ANDRGN:
                    declines = any(m != "." for m in rule["mods"])
                    # Female surnames ending in a consonant never decline: «Анне Цой».
                    female_exception = kind == "lastname" and group == "exceptions"
                    if not (gender == Gender.FEMALE and female_exception and declines):
                        rule["gender"] = gender
                rule["mods"] = ["" if m == "." else m for m in rule["mods"]]
        suffixes = groups["suffixes"]
        for i, rule in enumerate(suffixes):
            if rule["test"] == ["ий"] and i and "й" in suffixes[i - 1]["test"]:
                suffixes[i - 1], suffixes[i] = rule, suffixes[i - 1]
    return p, frozenset(first_words)


def _detect_gender(middle: str) -> str | None:
    """Gender by the patronymic ending (-ич/-оглы, -на/-кызы), per Petrovich's gender.json."""
    rules = _gender_rules()
    word = middle.strip().lower()
    for gender in (Gender.MALE, Gender.FEMALE):
        if any(word.endswith(suffix) for suffix in rules[gender]):
            return gender
    return None


@lru_cache(maxsize=1)
def _gender_rules() -> dict[str, list[str]]:
    path = Path(DEFAULT_RULES_PATH).with_name("gender.json")
    return json.loads(path.read_text(encoding="utf-8"))["gender"]["middlename"]


def _inflect(kind: str, value: str, case: int, gender: str) -> str:
    """Decline each hyphen-separated part of one name field."""
    p, first_words = _inflector(gender)
    parts = value.split("-")
    out = []
    for i, part in enumerate(parts):
        if not part or (i < len(parts) - 1 and part.lower() in first_words):
            out.append(part)
        elif part.isupper() and len(part) > 1:  # rules match lowercase endings only
            out.append(getattr(p, kind)(part.lower(), case, gender).upper())
        else:
            out.append(getattr(p, kind)(part, case, gender))
    return "-".join(out)


def decline_full_name(
    last: str,
    first: str,
    middle: str | None = None,
    sex: str | None = None,
    case: NameCase | str = NameCase.NOMINATIVE,
) -> str:
    """«Фамилия Имя Отчество» in the given case, e.g. accusative «Иванову Марию Петровну».

    ``sex`` is "M" or "F"; if missing, it is guessed from the patronymic, and
    if that fails the name is returned undeclined rather than declined wrongly.
    """
    case = NameCase(case)
    fields = [("lastname", last), ("firstname", first), ("middlename", middle or "")]
    fields = [(kind, value.strip()) for kind, value in fields if value and value.strip()]
    gender = _SEX_TO_GENDER.get((sex or "").upper()) or _detect_gender(middle or "")
    if case is NameCase.NOMINATIVE or gender is None:
        return " ".join(value for _, value in fields)
    pcase = _PETROVICH_CASE[case]
    return " ".join(_inflect(kind, value, pcase, gender) for kind, value in fields)


def _initials(first: str, middle: str | None) -> str:
    return "".join(f"{name.strip()[0].upper()}." for name in (first, middle) if name and name.strip())


def initials_surname(last: str, first: str, middle: str | None = None) -> str:
    """Signature-block form: «М.П. Иванова»."""
    return f"{_initials(first, middle)} {last.strip()}"


def surname_initials(last: str, first: str, middle: str | None = None) -> str:
    """List form: «Иванова М.П.»."""
    return f"{last.strip()} {_initials(first, middle)}"
