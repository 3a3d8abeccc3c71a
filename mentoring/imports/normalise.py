"""Cell values as schools write them → the values the models keep.

Each function takes a raw cell (str, int, float, date, datetime or None) and returns the normalised value, or
raises Problem with a Russian message that names what is wrong; the preview adds the row and the column."""

import re
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from accounts.models import Guardianship, Person

# Excel counts days from 30.12.1899 (its 1900 leap-year bug is folded into that start).
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIALS = range(7_000, 80_000)  # 1919 … 2119: a five-digit number in a date column is a serial


class Problem(Exception):
    """A value that cannot be taken as it is written; the message is shown to the coordinator."""


def text(value) -> str:
    """A cell as trimmed text with single spaces; numbers without a trailing «.0»."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return " ".join(str(value).replace("\u00a0", " ").split())


def long_text(value) -> str:
    """Free text (competencies, a request): trimmed lines, no empty ones."""
    if value is None:
        return ""
    lines = (" ".join(line.split()) for line in str(value).replace("\u00a0", " ").splitlines())
    return "\n".join(line for line in lines if line)


def key(value: str) -> str:
    """For comparing words as people mean them: lower case, «ё» as «е», punctuation as spaces."""
    value = value.lower().replace("ё", "е")
    return " ".join(re.sub(r"[^\w]+", " ", value).split())


# Names -----------------------------------------------------------------------------------------------------

PATRONYMIC_PARTICLES = {"оглы", "кызы", "улы", "уулу", "гызы"}
NAME_RE = re.compile(r"^[A-Za-zА-Яа-яЁё'’\-]+$")


def _recase_word(word: str) -> str:
    if word.lower() in PATRONYMIC_PARTICLES:
        return word.lower()
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def name_part(value, *, what: str = "имя") -> str:
    """«  ИВАНОВ » → «Иванов»; «анна-мария» → «Анна-Мария». Initials and digits are refused."""
    words = text(value).replace("’", "'").split()
    for word in words:
        if word.endswith(".") or len(word.strip("-")) == 1:
            raise Problem(f"вместо полного имени инициалы — «{text(value)}»: нужны полные {what}")
        if not NAME_RE.match(word):
            raise Problem(f"в {what} есть недопустимые знаки — «{text(value)}»")
    return " ".join(_recase_word(word) for word in words)


def split_full_name(value) -> tuple[str, str, str]:
    """«ИВАНОВ иван  петрович» → («Иванов», «Иван», «Петрович»); «Алиев Рашид Ахмед оглы» keeps «Ахмед оглы»."""
    raw = text(value).replace(",", " ")
    words = raw.split()
    if not words:
        return "", "", ""
    if any(ch.isdigit() for ch in raw):
        raise Problem(f"в ФИО не должно быть цифр — «{raw}»")
    if any(word.endswith(".") or len(word.strip("-")) == 1 for word in words):
        raise Problem(f"вместо имени и отчества инициалы — «{raw}»: нужны полные фамилия, имя и отчество")
    if len(words) == 1:
        raise Problem(f"нужны хотя бы фамилия и имя — «{raw}»")
    if len(words) > 3 and words[-1].lower() not in PATRONYMIC_PARTICLES:
        raise Problem(
            f"не удалось разделить ФИО из {len(words)} слов — «{raw}»: "
            "запишите фамилию, имя и отчество в отдельные столбцы"
        )
    last, first, *middle = (name_part(word, what="ФИО") for word in words)
    return last, first, " ".join(middle)


# Sex ------------------------------------------------------------------------------------------------------

SEX_WORDS = {
    "м": "M",
    "муж": "M",
    "мужской": "M",
    "мужчина": "M",
    "мальчик": "M",
    "m": "M",
    "male": "M",
    "ж": "F",
    "жен": "F",
    "женский": "F",
    "женщина": "F",
    "девочка": "F",
    "f": "F",
    "female": "F",
}
MALE_NAMES_IN_A = {
    "никита",
    "илья",
    "кузьма",
    "фома",
    "лука",
    "савва",
    "данила",
    "гаврила",
    "иона",
    "емельян",
    "миша",
    "петя",
    "ваня",
    "дима",
    "сережа",
    "алеша",
    "гоша",
    "паша",
    "коля",
    "вова",
    "федя",
    "слава",
    "рома",
    "тимоша",
    "муса",
    "исса",
}
FEMALE_NAMES_IN_CONSONANT = {"любовь", "нинель", "адель", "эсфирь", "юдифь", "рахиль", "айгуль", "гульназ"}
UNISEX_NAMES = {"саша", "женя", "валя", "шура", "сева"}


def parse_sex(value) -> str:
    word = key(text(value))
    if word not in SEX_WORDS:
        raise Problem(f"пол пишут «м» или «ж» — «{text(value)}»")
    return SEX_WORDS[word]


def sex_from_name(first: str, middle: str) -> str | None:
    """By the patronymic (reliable), else by the first name's ending; None when it cannot be told."""
    middle = middle.lower().replace("ё", "е")
    if middle.endswith(("вич", "ич", "оглы", "улы", "уулу")):
        return Person.Sex.MALE
    if middle.endswith(("вна", "чна", "шна", "кызы", "гызы")):
        return Person.Sex.FEMALE
    first = first.lower().replace("ё", "е")
    if not first or first in UNISEX_NAMES:
        return None
    if first in MALE_NAMES_IN_A:
        return Person.Sex.MALE
    if first in FEMALE_NAMES_IN_CONSONANT:
        return Person.Sex.FEMALE
    if first.endswith(("а", "я")):
        return Person.Sex.FEMALE
    if first[-1] in "бвгджзйклмнпрстфхцчшщь":
        return Person.Sex.MALE
    return None


# Dates ----------------------------------------------------------------------------------------------------

MONTHS = {
    "янв": 1,
    "фев": 2,
    "мар": 3,
    "апр": 4,
    "мая": 5,
    "май": 5,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "окт": 10,
    "ноя": 11,
    "дек": 12,
}
DMY = re.compile(r"^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4}|\d{2})(?:\s*г\.?)?$")
YMD = re.compile(r"^(\d{4})[./\-](\d{1,2})[./\-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
DMY_TIME = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}) \d{1,2}:\d{2}(?::\d{2})?$")
WORDS = re.compile(r"^(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})(?:\s*(?:г|года|год)\.?)?$")


def _year(two_or_four: str, today: date) -> int:
    year = int(two_or_four)
    if len(two_or_four) == 2:  # «1.9.11»: the nearest year that is not far in the future
        year += 2000 if 2000 + year <= today.year + 1 else 1900
    return year


def _make(year: int, month: int, day: int, written: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise Problem(f"такой даты нет — {written}") from None


def parse_date(value, *, today: date | None = None) -> date:
    """01.09.2011, 1.9.11, 2011-09-01, «1 сентября 2011 г.», an Excel serial (40787) or a date cell."""
    today = today or date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and int(value) in EXCEL_SERIALS:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise Problem(f"не похоже на дату — {text(value)}")
    written = text(value)
    low = written.lower().replace("ё", "е")
    if re.fullmatch(r"\d{5}(\.0+)?", low) and int(float(low)) in EXCEL_SERIALS:
        return EXCEL_EPOCH + timedelta(days=int(float(low)))
    if re.fullmatch(r"\d{4}", low):
        raise Problem(f"указан только год — {written}: нужна полная дата, например 01.09.{written}")
    if match := DMY.match(low) or DMY_TIME.match(low):
        day, month, year = match.groups()
        return _make(_year(year, today), int(month), int(day), written)
    if match := YMD.match(low):
        year, month, day = match.groups()
        return _make(int(year), int(month), int(day), written)
    if match := WORDS.match(low):
        day, month_word, year = match.groups()
        month = next((number for stem, number in MONTHS.items() if month_word.startswith(stem)), None)
        if month is None:
            raise Problem(f"не удалось прочитать месяц — {written}")
        return _make(int(year), month, int(day), written)
    raise Problem(f"не удалось прочитать дату «{written}»: напишите её как ДД.ММ.ГГГГ")


# Classes, positions, numbers ------------------------------------------------------------------------------

LATIN_TWINS = str.maketrans("ABEKMHOPCTXaeopcxkm", "АВЕКМНОРСТХаеорсхкм")
CLASS_RE = re.compile(r"^(\d{1,2})\s*[-–—]?\s*[«\"'“]?\s*([А-ЯЁа-яё])?\s*[»\"'”]?\s*(?:класс[а-я]*|кл\.?)?$")


def parse_class(value, *, school: bool = True) -> str:
    """«7Б», «7 б», «7-б», «7 «Б» класс» → «7Б»; a college group («ИС-21») is kept as written."""
    written = text(value)
    if not written:
        return ""
    match = CLASS_RE.match(written.translate(LATIN_TWINS))
    if match:
        grade, letter = int(match.group(1)), (match.group(2) or "").upper()
        if school and not 1 <= grade <= 11:
            raise Problem(f"нет такого класса — {written}: в школе классы с 1-го по 11-й")
        return f"{grade}{letter}"
    if len(written) > 20:
        raise Problem(f"слишком длинное обозначение класса или группы — «{written}»")
    return written.upper().replace(" ", "")


def grade_of(group: str) -> int | None:
    """7 for «7Б»: how the matching tells an older pupil from a younger one."""
    match = re.match(r"^(\d{1,2})", group or "")
    return int(match.group(1)) if match else None


def parse_years(value) -> int:
    """Years of experience: «12», «12 лет», «12,5» (whole years)."""
    written = text(value)
    match = re.match(r"^(\d{1,2})(?:[.,]\d+)?\s*(?:г|год|года|лет)?\.?$", written.lower())
    if not match:
        raise Problem(f"стаж пишут числом лет — «{written}»")
    return int(match.group(1))


# Contacts -------------------------------------------------------------------------------------------------

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"\+?\d[\d\s()\-–]{5,}\d")


def parse_email(value) -> str:
    written = text(value)
    address = written.lower().strip(" ;,.")
    if not address:
        return ""
    if len(EMAIL_RE.findall(address)) > 1:
        raise Problem(f"в одной ячейке несколько адресов — «{written}»: оставьте один")
    try:
        validate_email(address)
    except ValidationError:
        raise Problem(f"не похоже на адрес e-mail — «{written}»") from None
    return address


def _format_phone(digits: str, written: str) -> str:
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) == 10:
        return f"+7 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    if 5 <= len(digits) <= 15:
        return written  # a local or foreign number: as the school wrote it
    raise Problem(f"не похоже на номер телефона — «{written}»")


def parse_phone(value) -> str:
    """«89001234567», «8 (900) 123-45-67», 79001234567.0 → «+7 (900) 123-45-67»; several numbers stay a list."""
    written = text(value)
    if not written:
        return ""
    if re.search(r"[A-Za-zА-Яа-яЁё]{3,}", written) and not PHONE_RE.search(written):
        raise Problem(f"не похоже на номер телефона — «{written}»")
    numbers = [part.strip() for part in re.split(r"[,;/]|\s{2,}", written) if part.strip()]
    phones = [_format_phone(re.sub(r"\D", "", number), number) for number in numbers]
    result = ", ".join(phones)
    if len(result) > 50:
        raise Problem(f"слишком много номеров в одной ячейке — «{written}»")
    return result


def split_contacts(value) -> tuple[str, str]:
    """«8-900-123-45-67, ivanova@mail.ru» → (e-mail, phone): the base's one «Контактные данные» column."""
    written = text(value)
    emails = EMAIL_RE.findall(written)
    rest = EMAIL_RE.sub(" ", written)
    phones = PHONE_RE.findall(rest)
    if not emails and not phones and written:
        raise Problem(f"не найдено ни телефона, ни e-mail — «{written}»")
    email = parse_email(emails[0]) if emails else ""
    phone = parse_phone(", ".join(phones)) if phones else ""
    return email, phone


# Choices --------------------------------------------------------------------------------------------------

RELATIONS = {
    "мать": Guardianship.Relation.MOTHER,
    "мама": Guardianship.Relation.MOTHER,
    "отец": Guardianship.Relation.FATHER,
    "папа": Guardianship.Relation.FATHER,
    "опекун": Guardianship.Relation.GUARDIAN,
    "попечитель": Guardianship.Relation.TRUSTEE,
    "бабушка": Guardianship.Relation.OTHER,
    "дедушка": Guardianship.Relation.OTHER,
    "законный представитель": Guardianship.Relation.OTHER,
    "иной законный представитель": Guardianship.Relation.OTHER,
}


def parse_relation(value) -> str:
    word = key(text(value))
    for name, relation in RELATIONS.items():
        if word == name or word.startswith(name):
            return relation
    raise Problem(f"кем приходится ребёнку: мать, отец, опекун, попечитель — «{text(value)}»")


YES = {
    "да",
    "+",
    "1",
    "есть",
    "обучен",
    "обучена",
    "прошел",
    "прошла",
    "пройдено",
    "пройдена",
    "yes",
    "v",
    "✓",
}
NO = {"нет", "-", "0", "не обучен", "не обучена", "no", "не проходил", "не проходила"}
IN_PROGRESS = ("проходит", "обучается", "в процессе", "идет обучение")


def parse_training(value) -> str:
    """«Школа наставников»: да / нет / проходит."""
    from mentoring.models import MentorProfile

    word = key(text(value))
    if word in YES or word.startswith(("обучен", "прош")):
        return MentorProfile.Training.TRAINED
    if word in NO or word.startswith("не "):
        return MentorProfile.Training.NONE
    if word.startswith(IN_PROGRESS):
        return MentorProfile.Training.IN_PROGRESS
    raise Problem(f"обучение в «Школе наставников» пишут «да», «нет» или «проходит» — «{text(value)}»")


INTEREST_STEMS = {"исследоват": "research", "инновац": "innovative", "социальн": "social"}


def parse_interests(value) -> tuple[list[str], str]:
    """«Исследовательские, социальные, шахматы» → (["research", "social"], «шахматы»)."""
    codes, other = [], []
    for part in re.split(r"[,;\n]+", long_text(value)):
        part = part.strip()
        if not part:
            continue
        code = next((code for stem, code in INTEREST_STEMS.items() if key(part).startswith(stem)), None)
        if code is None:
            other.append(part)
        elif code not in codes:
            codes.append(code)
    if other:
        codes.append("other")
    return codes, ", ".join(other)
