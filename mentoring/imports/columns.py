"""The columns an import understands, and the guess of which column of a school's file is which, from its
Russian header («Ф.И.О. обучающегося», «Дата рожд.», «E-mail родителя»…)."""

from dataclasses import dataclass

from mentoring.models import ImportBase

from .normalise import key

MENTORS, MENTEES = ImportBase.MENTORS, ImportBase.MENTEES
BOTH = frozenset({MENTORS, MENTEES})
PARENT_WORDS = ("родител", "представит", "законн", "мам", "мать", "матер", "пап", "отц", "отец", "опекун")


@dataclass(frozen=True)
class Field:
    code: str
    label: str  # the header of our template
    phrases: tuple[str, ...]  # ways of writing the header: every word a prefix of a header word; «=» exact
    bases: frozenset = BOTH
    example_mentor: object = ""
    example_mentee: object = ""
    hint: str = ""  # for the template's «Справка» sheet
    foreign: tuple[str, ...] = ()  # a header with one of these words is not this column
    identity: bool = False  # about the person themself: a header naming the other side or a parent is not it


def _combos(firsts, seconds):
    return tuple(f"{a} {b}" for a in firsts for b in seconds)


EMAIL = ("e mail", "email", "эл почт", "электрон почт", "почт", "емейл", "мейл", "адрес электрон")
PHONE = ("телефон", "тел", "моб", "сотов", "контакт телефон")
PARENT = ("родител", "представит", "матер", "мам", "отц", "отец", "пап")

FIELDS = [
    Field(
        "full_name",
        "ФИО",
        (
            "фио",
            "ф и о",
            "фамилия имя отчество",
            "фамилия имя",
            "=участник",
            "=ученик",
            "=обучающийся",
            "=учащийся",
            "=сотрудник",
            "=работник",
            "=педагог",
            "=наставник",
            "=наставляемый",
        ),
        example_mentor="Иванова Мария Петровна",
        example_mentee="Сидоров Павел Игоревич",
        hint="Фамилия, имя и отчество в одном столбце — или в трёх: «Фамилия», «Имя», «Отчество».",
        identity=True,
    ),
    Field("last_name", "Фамилия", ("фамил",), identity=True, foreign=("имя",)),
    Field("first_name", "Имя", ("=имя", "имя"), identity=True, foreign=("фамил", "отчеств")),
    Field("middle_name", "Отчество", ("отчеств",), identity=True, foreign=("имя", "фамил")),
    Field(
        "sex",
        "Пол",
        ("=пол", "=пол м ж", "=пол ж м", "=пол муж жен"),
        hint="«м» или «ж». Можно не указывать: пол определяется по отчеству.",
        identity=True,
    ),
    Field(
        "birth_date",
        "Дата рождения",
        ("дат рожд", "=д р", "=др", "рожд"),
        example_mentor="15.03.1985",
        example_mentee="01.05.2012",
        hint="ДД.ММ.ГГГГ, 1.9.11, 2011-09-01 или ячейка с датой.",
        identity=True,
        foreign=("год",),
    ),
    Field(
        "group",
        "Класс",
        ("класс", "=кл", "групп", "класс групп", "=курс"),
        example_mentee="6А",
        hint="Для обучающегося: «7Б», «7 Б», «7-б».",
        identity=True,
        foreign=("руковод",),
    ),
    Field(
        "position",
        "Должность",
        ("должност",),
        example_mentor="учитель математики",
        hint="Для работника школы.",
        identity=True,
    ),
    Field(
        "workplace",
        "Место работы (учёбы)",
        ("мест работ", "мест учеб", "организац"),
        bases=frozenset({MENTORS}),
        hint="Для внешнего наставника: организация и должность.",
        identity=True,
    ),
    Field("email", "E-mail", EMAIL, example_mentor="ivanova@school1.ru", identity=True),
    Field("phone", "Телефон", PHONE, example_mentor="8 900 123-45-67", identity=True),
    Field(
        "contacts",
        "Контактные данные",
        ("контакт", "контакт дан", "данн для связ", "связ"),
        hint="Телефон и e-mail в одной ячейке — разберём сами.",
        identity=True,
    ),
    Field(
        "category",
        "Категория",
        ("категор",),
        example_mentor="Педагог",
        example_mentee="Проявившие выдающиеся способности",
        hint="Из перечня ниже; регистр не важен, понимаем и сокращения («ОВЗ», «молодой специалист»).",
        foreign=("квалификац",),
    ),
    Field(
        "main_request",
        "Основной запрос",
        ("запрос", "основн запрос", "цел участ", "для чего", "потребност"),
        bases=frozenset({MENTEES}),
        example_mentee="подготовка к олимпиаде по математике",
        hint="Для чего наставляемый хочет участвовать в программе.",
    ),
    Field(
        "competencies",
        "Основные компетенции",
        ("компетенц",),
        bases=frozenset({MENTORS}),
        example_mentor="подготовка к олимпиадам; методика преподавания математики",
        hint="Через точку с запятой; по ним подбираются пары.",
    ),
    Field(
        "achievements",
        "Достижения",
        ("достижен",),
        bases=frozenset({MENTORS}),
        example_mentor="победитель конкурса «Учитель года» 2022",
    ),
    Field(
        "interests",
        "Интересы",
        ("интерес",),
        bases=frozenset({MENTORS}),
        example_mentor="исследовательские, социальные",
        hint="Исследовательские, инновационные, социальные или свои слова.",
    ),
    Field(
        "desired_mentee_age",
        "Желаемый возраст наставляемых",
        ("желаем возраст", "возраст наставляем", "=возраст"),
        bases=frozenset({MENTORS}),
        example_mentor="5–7 классы",
        hint="Например, «5–7 классы», «12–14 лет», «молодые специалисты».",
    ),
    Field(
        "time_available",
        "Ресурс времени",
        ("ресурс времен", "=время", "времен"),
        bases=frozenset({MENTORS}),
        example_mentor="2 часа в неделю",
    ),
    Field(
        "experience_years",
        "Педагогический стаж, лет",
        ("стаж", "пед стаж"),
        bases=frozenset({MENTORS}),
        example_mentor=15,
        hint="Целое число лет, только для педагогов.",
    ),
    Field(
        "training",
        "Школа наставников",
        ("школ наставник", "обучен", "=обучение"),
        bases=frozenset({MENTORS}),
        example_mentor="да",
        hint="«да», «нет» или «проходит»; для «да» нужна дата обучения.",
        foreign=("дат",),
    ),
    Field(
        "trained_on",
        "Дата обучения",
        ("дат обучен", "дат окончан обучен"),
        bases=frozenset({MENTORS}),
        example_mentor="20.10.2025",
    ),
    Field(
        "entered_on",
        "Дата вхождения в программу",
        ("дат вхожд", "дат включ", "дат вступл", "дат начал участ"),
        example_mentor="01.09.2025",
        example_mentee="01.09.2025",
        hint="Если не указана — дата импорта.",
    ),
    Field(
        "parent_name",
        "ФИО родителя",
        (
            "фио родител",
            "родител",
            "законн представит",
            "представит",
            "фио законн представит",
            "=мать",
            "=отец",
            "фио матер",
            "фио отц",
        ),
        bases=frozenset({MENTEES}),
        example_mentee="Сидорова Елена Андреевна",
        hint="Для несовершеннолетнего: законный представитель, которому придёт ссылка на согласие.",
    ),
    Field(
        "parent_relation",
        "Кем приходится",
        ("кем приход", "степен родств", "родств"),
        bases=frozenset({MENTEES}),
        example_mentee="мать",
        hint="Мать, отец, опекун, попечитель. Можно не указывать: определяется по отчеству родителя.",
    ),
    Field(
        "parent_email",
        "E-mail родителя",
        _combos(EMAIL, PARENT),
        bases=frozenset({MENTEES}),
        example_mentee="sidorova@mail.ru",
    ),
    Field(
        "parent_phone",
        "Телефон родителя",
        _combos(PHONE, PARENT),
        bases=frozenset({MENTEES}),
        example_mentee="+7 (900) 111-22-33",
    ),
    Field(
        "parent_contacts",
        "Контакты родителя",
        _combos(("контакт", "данн для связ"), PARENT),
        bases=frozenset({MENTEES}),
    ),
]
BY_CODE = {field.code: field for field in FIELDS}
IGNORED = "number"  # the «№» column: known, not loaded


def fields_for(base: str) -> list[Field]:
    return [field for field in FIELDS if base in field.bases]


def _other_side(base: str) -> tuple[str, ...]:
    """Words naming the other side of the pair: «ФИО наставника» in a list of mentees is not their name."""
    return ("наставник",) if base == MENTEES else ("наставляем",)


def _score(header_words: list[str], phrase: str, header: str) -> int:
    if phrase.startswith("="):
        return 100 + len(phrase) if header == phrase[1:] else 0
    words = phrase.split()
    if all(any(w.startswith(p) for w in header_words) for p in words):
        return sum(len(p) for p in words)
    return 0


def field_score(field: Field, header: str, base: str) -> int:
    words = header.split()
    excluded = list(field.foreign)
    if field.identity:
        excluded += [*PARENT_WORDS, *_other_side(base)]
    if any(w.startswith(x) for w in words for x in excluded):
        return 0
    return max((_score(words, phrase, header) for phrase in field.phrases), default=0)


def is_number_column(raw: str) -> bool:
    header = key(raw)
    return raw.strip().startswith("№") or header in {"n", "no", "nn", "п п", "номер", "номер п п", "пп"}


def guess_field(raw_header: str, base: str) -> str | None:
    """The field a header names, or None; «№» is IGNORED."""
    if is_number_column(raw_header):
        return IGNORED
    header = key(raw_header)
    if not header:
        return None
    best, best_score = None, 0
    for field in fields_for(base):
        score = field_score(field, header, base)
        if score > best_score:
            best, best_score = field.code, score
    return best


def guess_mapping(headers: list[str], base: str) -> list[str]:
    """Per column, the field it holds ('' for none); a field taken by an earlier column is not taken twice."""
    mapping, taken = [], set()
    for header in headers:
        code = guess_field(header, base) or ""
        if code and code != IGNORED and code in taken:
            code = ""
        taken.add(code)
        mapping.append(code)
    return mapping


def header_score(cells: list, base: str) -> int:
    """How many cells of a row look like our headers: the header row is the first with two or more."""
    return sum(
        1 for cell in cells if isinstance(cell, str) and guess_field(cell, base) not in (None, IGNORED)
    )


def mapping_problems(mapping: list[str], base: str) -> list[str]:
    """What the confirmed mapping lacks or repeats, in Russian."""
    problems = []
    chosen = [code for code in mapping if code and code != IGNORED]
    for code in sorted({c for c in chosen if chosen.count(c) > 1}):
        problems.append(
            f"Столбец «{BY_CODE[code].label}» выбран для нескольких столбцов файла: оставьте один."
        )
    has = set(chosen)
    if "full_name" not in has and not {"last_name", "first_name"} <= has:
        problems.append(
            "Не нашли ФИО: нужен столбец «ФИО» или столбцы «Фамилия» и «Имя». Укажите, какой столбец файла их содержит."
        )
    if "full_name" in has and has & {"last_name", "first_name", "middle_name"}:
        problems.append("ФИО указано и одним столбцом, и по частям: выберите что-то одно.")
    return problems
