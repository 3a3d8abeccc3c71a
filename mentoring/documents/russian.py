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
import re
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
    "decline_position",
    "name_with_description",
    "nest_quotes",
    "person_description",
    "pupil_description",
    "typographed",
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


# --- Positions and pupils in a case -------------------------------------------------------------------
# A position keeps its grammatical gender whoever holds it («Иванову Марию Петровну, учителя
# математики»), so only its head phrase declines: the adjectives before the first noun and that noun
# (both parts of a hyphenated one: «педагога-психолога»); the words after it are already in the
# genitive («директора по УВР») or fixed («7Б класса») and stay as they are.

_ADJECTIVE_ENDINGS = {
    # nominative ending: {case: ending}
    "ый": {
        "genitive": "ого",
        "dative": "ому",
        "accusative": "ого",
        "instrumental": "ым",
        "prepositional": "ом",
    },
    "ой": {
        "genitive": "ого",
        "dative": "ому",
        "accusative": "ого",
        "instrumental": "ым",
        "prepositional": "ом",
    },
    "ий": {
        "genitive": "его",
        "dative": "ему",
        "accusative": "его",
        "instrumental": "им",
        "prepositional": "ем",
    },
    "ая": {"genitive": "ой", "dative": "ой", "accusative": "ую", "instrumental": "ой", "prepositional": "ой"},
    "яя": {"genitive": "ей", "dative": "ей", "accusative": "юю", "instrumental": "ей", "prepositional": "ей"},
}
_HARD_AFTER = "кгх"  # «русский» → «русского», but «старший» → «старшего», «средний» → «среднего»
_HUSHING = "жшчщ"  # «обучающаяся» → «обучающейся», «старшая» → «старшей»


def _decline_adjective(word: str, case: str) -> str | None:
    reflexive = word.endswith("ся")
    stem_word = word[:-2] if reflexive else word
    ending = stem_word[-2:]
    if ending not in _ADJECTIVE_ENDINGS or len(stem_word) < 4:
        return None
    stem = stem_word[:-2]
    new = _ADJECTIVE_ENDINGS[ending][case]
    if ending == "ий" and stem[-1] in _HARD_AFTER:
        new = _ADJECTIVE_ENDINGS["ый"][case].replace("ым", "им")
    if ending == "ая" and stem[-1] in _HUSHING:
        new = {"accusative": "ую"}.get(case, "ей")
    return stem + new + ("ся" if reflexive else "")


_NOUN_ENDINGS = {
    # the last letter(s) of a masculine or feminine noun: {case: (letters to cut, ending)}
    "ь": {
        "genitive": (1, "я"),
        "dative": (1, "ю"),
        "accusative": (1, "я"),
        "instrumental": (1, "ем"),
        "prepositional": (1, "е"),
    },
    "й": {
        "genitive": (1, "я"),
        "dative": (1, "ю"),
        "accusative": (1, "я"),
        "instrumental": (1, "ем"),
        "prepositional": (1, "е"),
    },
    "а": {
        "genitive": (1, "ы"),
        "dative": (1, "е"),
        "accusative": (1, "у"),
        "instrumental": (1, "ой"),
        "prepositional": (1, "е"),
    },
    "я": {
        "genitive": (1, "и"),
        "dative": (1, "е"),
        "accusative": (1, "ю"),
        "instrumental": (1, "ей"),
        "prepositional": (1, "е"),
    },
}
_CONSONANT = {"genitive": "а", "dative": "у", "accusative": "а", "instrumental": "ом", "prepositional": "е"}
_VOWELS = "аеёиоуыэюя"


def _decline_noun(word: str, case: str) -> str:
    lower = word.lower()
    last = lower[-1]
    if last in _NOUN_ENDINGS:
        cut, ending = _NOUN_ENDINGS[last][case]
        if last == "а" and case == "genitive" and lower[-2] in _HARD_AFTER + _HUSHING:
            ending = "и"  # «вожатка» → «вожатки»
        return word[:-cut] + ending
    if last in _VOWELS or not last.isalpha():
        return word  # «атташе», «ИО»: indeclinable
    ending = _CONSONANT[case]
    if case == "instrumental" and last in _HUSHING + "ц":
        ending = "ем"
    return word + ending


def _match_case(source: str, declined: str) -> str:
    return declined[0].upper() + declined[1:] if source[:1].isupper() else declined


def _decline_head(phrase: str, case: str) -> str:
    words = phrase.split(" ")
    out = []
    for index, word in enumerate(words):
        if not word or word.isupper() or not word[0].isalpha():
            return " ".join(out + words[index:])  # «УВР», «7Б»: the head has ended
        adjective = _decline_adjective(word.lower(), case)
        if adjective is not None:
            out.append(_match_case(word, adjective))
            continue
        parts = word.split("-")
        declined = "-".join(_match_case(part, _decline_noun(part, case)) if part else part for part in parts)
        return " ".join([*out, declined, *words[index + 1 :]])
    return " ".join(out)


def decline_position(position: str, case: NameCase | str) -> str:
    """«заместитель директора по УВР» → accusative «заместителя директора по УВР»; each of several
    comma-separated positions declines («учителя математики, классного руководителя 7А класса»)."""
    case = NameCase(case)
    if case is NameCase.NOMINATIVE or not position.strip():
        return position.strip()
    return ", ".join(_decline_head(part.strip(), case.value) for part in position.split(","))


_CLASS = re.compile(r"^\d{1,2}\s*[А-ЯЁA-Z]?$")


def pupil_description(sex: str, group: str, case: NameCase | str = NameCase.NOMINATIVE) -> str:
    """«обучающаяся 7Б класса» for a girl, «обучающийся 7Б класса» for a boy, in any case; a group that is
    not a school class reads «обучающийся группы ИС-21»."""
    word = "обучающаяся" if (sex or "").upper() == "F" else "обучающийся"
    word = decline_position(word, case)
    group = (group or "").strip()
    if not group:
        return word
    return f"{word} {group} класса" if _CLASS.match(group) else f"{word} группы {group}"


def person_description(person, case: NameCase | str = NameCase.NOMINATIVE) -> str:
    """The position of an employee or the class of a pupil (a Person or a frozen dict), in `case`."""
    get = person.get if isinstance(person, dict) else lambda key, default="": getattr(person, key, default)
    if get("kind", "") == "student":
        return pupil_description(get("sex", ""), get("group", ""), case)
    return decline_position(get("position", "") or "", case)


def name_with_description(person, case: NameCase | str = NameCase.NOMINATIVE) -> str:
    """«Зерщикову Анну Николаевну, заместителя директора по УВР» — name and position agree in `case`."""
    get = person.get if isinstance(person, dict) else lambda key, default="": getattr(person, key, default)
    name = decline_full_name(
        get("last_name"), get("first_name"), get("middle_name", ""), get("sex", ""), case
    )
    description = person_description(person, case)
    return f"{name}, {description}" if description else name


# --- Typography ---------------------------------------------------------------------------------------

NBSP = "\u00a0"
_TYPO_RULES = [
    (re.compile(r"№\s*(?=\S)"), "№" + NBSP),
    (re.compile(r"(?<=[А-ЯЁA-Zа-яё»“)])\s+№"), NBSP + "№"),  # «СОШ № 7», «приложение № 1» stay on one line
    # a one-letter preposition or conjunction does not end a line: «с 01.09.2025», «в МБОУ»
    (re.compile(r"(?<![\w.-])([вскоуиаВСКОУИА])\s+(?=\S)"), r"\1" + NBSP),
    # «М.П. Иванова», «Иванова М.П.», «М. П. Иванова»
    (re.compile(r"\b([А-ЯЁ]\.)\s?([А-ЯЁ]\.)\s+(?=[А-ЯЁ][а-яё])"), r"\1\2" + NBSP),
    (re.compile(r"\b([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+(?=[А-ЯЁ]\.\s?[А-ЯЁ]?\.?)"), r"\1" + NBSP),
    (re.compile(r"(\d)\s+(г\.|гг\.|%)"), r"\1" + NBSP + r"\2"),
    (re.compile(r"(?<!\d\u00a0)\b(г\.|ст\.|п\.|ч\.|пп\.|ул\.|д\.)\s+(?=[\dА-ЯЁ])"), r"\1" + NBSP),
    (re.compile(r"\s+([–—])\s"), NBSP + r"\1 "),
]


def nest_quotes(text: str) -> str:
    """«Школа „Наставник“»: quotes inside «…» become „…“ (Russian typographic rule)."""
    out, depth = [], 0
    for char in text:
        if char == "«":
            out.append("«" if depth == 0 else "„")
            depth += 1
        elif char == "»":
            depth = max(depth - 1, 0)
            out.append("»" if depth == 0 else "“")
        else:
            out.append(char)
    return "".join(out)


def typographed(text: str) -> str:
    """Non-breaking spaces after «№», in initials, before «г.», «%» and dashes; nested quotes „…“."""
    text = nest_quotes(text or "")
    for pattern, replacement in _TYPO_RULES:
        text = pattern.sub(replacement, text)
    return text
