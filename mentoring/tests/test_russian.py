"""Tests for document wording; every expected form checked as Russian usage."""

from datetime import date, datetime

import pytest

from mentoring.documents.russian import (
    NameCase,
    decline_full_name,
    format_date_ru,
    format_date_short,
    initials_surname,
    plural_ru,
    surname_initials,
)


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2021, 12, 28), "«28» декабря 2021 г."),
        (date(2025, 6, 5), "«05» июня 2025 г."),
        (date(2025, 5, 1), "«01» мая 2025 г."),
        (date(2026, 3, 8), "«08» марта 2026 г."),
        (datetime(2025, 8, 31, 23, 59), "«31» августа 2025 г."),
    ],
)
def test_format_date_ru(d, text):
    assert format_date_ru(d) == text


def test_format_date_short():
    assert format_date_short(date(2025, 6, 5)) == "05.06.2025"
    assert format_date_short(date(2021, 12, 28)) == "28.12.2021"


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (0, "пар"),
        (1, "пара"),
        (2, "пары"),
        (4, "пары"),
        (5, "пар"),
        (11, "пар"),
        (12, "пар"),
        (14, "пар"),
        (21, "пара"),
        (22, "пары"),
        (25, "пар"),
        (101, "пара"),
        (111, "пар"),
        (-1, "пара"),
    ],
)
def test_plural_ru(n, word):
    assert plural_ru(n, "пара", "пары", "пар") == word


def test_order_sentence():
    mentor = decline_full_name("Иванова", "Мария", "Петровна", "F", NameCase.ACCUSATIVE)
    mentee = decline_full_name("Петров", "Иван", "Сергеевич", "M", "genitive")
    assert f"назначить {mentor} наставником {mentee}" == (
        "назначить Иванову Марию Петровну наставником Петрова Ивана Сергеевича"
    )


# Expected forms: genitive, dative, accusative, instrumental, prepositional.
NAMES = [
    (
        ("Иванова", "Мария", "Петровна", "F"),
        [
            "Ивановой Марии Петровны",
            "Ивановой Марии Петровне",
            "Иванову Марию Петровну",
            "Ивановой Марией Петровной",
            "Ивановой Марии Петровне",
        ],
    ),
    (
        ("Петров", "Иван", "Сергеевич", "M"),
        [
            "Петрова Ивана Сергеевича",
            "Петрову Ивану Сергеевичу",
            "Петрова Ивана Сергеевича",
            "Петровым Иваном Сергеевичем",
            "Петрове Иване Сергеевиче",
        ],
    ),
    (
        ("Соколовская", "Наталья", "Юрьевна", "F"),
        [
            "Соколовской Натальи Юрьевны",
            "Соколовской Наталье Юрьевне",
            "Соколовскую Наталью Юрьевну",
            "Соколовской Натальей Юрьевной",
            "Соколовской Наталье Юрьевне",
        ],
    ),
    (
        ("Толстой", "Лев", "Николаевич", "M"),
        [
            "Толстого Льва Николаевича",
            "Толстому Льву Николаевичу",
            "Толстого Льва Николаевича",
            "Толстым Львом Николаевичем",
            "Толстом Льве Николаевиче",
        ],
    ),
    (
        ("Гордеева", "Любовь", "Сергеевна", "F"),
        [
            "Гордеевой Любови Сергеевны",
            "Гордеевой Любови Сергеевне",
            "Гордееву Любовь Сергеевну",
            "Гордеевой Любовью Сергеевной",
            "Гордеевой Любови Сергеевне",
        ],
    ),
    (
        ("Айвазовский", "Пётр", "Ильич", "M"),
        [
            "Айвазовского Петра Ильича",
            "Айвазовскому Петру Ильичу",
            "Айвазовского Петра Ильича",
            "Айвазовским Петром Ильичем",
            "Айвазовском Петре Ильиче",
        ],
    ),
    (
        ("Кузнецова", "Анастасия", "Дмитриевна", "F"),
        [
            "Кузнецовой Анастасии Дмитриевны",
            "Кузнецовой Анастасии Дмитриевне",
            "Кузнецову Анастасию Дмитриевну",
            "Кузнецовой Анастасией Дмитриевной",
            "Кузнецовой Анастасии Дмитриевне",
        ],
    ),
    (
        ("Гайдай", "Леонид", "Иович", "M"),
        [
            "Гайдая Леонида Иовича",
            "Гайдаю Леониду Иовичу",
            "Гайдая Леонида Иовича",
            "Гайдаем Леонидом Иовичем",
            "Гайдае Леониде Иовиче",
        ],
    ),
    # Surnames that never decline, of either sex.
    (
        ("Шевченко", "Софья", "Олеговна", "F"),
        [
            "Шевченко Софьи Олеговны",
            "Шевченко Софье Олеговне",
            "Шевченко Софью Олеговну",
            "Шевченко Софьей Олеговной",
            "Шевченко Софье Олеговне",
        ],
    ),
    (
        ("Ковальчук", "Ирина", "Павловна", "F"),
        [
            "Ковальчук Ирины Павловны",
            "Ковальчук Ирине Павловне",
            "Ковальчук Ирину Павловну",
            "Ковальчук Ириной Павловной",
            "Ковальчук Ирине Павловне",
        ],
    ),
    (
        ("Ковальчук", "Олег", "Павлович", "M"),
        [
            "Ковальчука Олега Павловича",
            "Ковальчуку Олегу Павловичу",
            "Ковальчука Олега Павловича",
            "Ковальчуком Олегом Павловичем",
            "Ковальчуке Олеге Павловиче",
        ],
    ),
    # The next four are wrong with plain Petrovich 2.0.1 and fixed by _inflector:
    # «Никита» undeclined and «Черныха» (androgynous rules skipped), «Ольгы»,
    # «о Дмитрие» (stale rule order in rules.json).
    (
        ("Черных", "Никита", "Андреевич", "M"),
        [
            "Черных Никиты Андреевича",
            "Черных Никите Андреевичу",
            "Черных Никиту Андреевича",
            "Черных Никитой Андреевичем",
            "Черных Никите Андреевиче",
        ],
    ),
    (
        ("Белых", "Ольга", "Игоревна", "F"),
        [
            "Белых Ольги Игоревны",
            "Белых Ольге Игоревне",
            "Белых Ольгу Игоревну",
            "Белых Ольгой Игоревной",
            "Белых Ольге Игоревне",
        ],
    ),
    (
        ("Волков", "Дмитрий", "Алексеевич", "M"),
        [
            "Волкова Дмитрия Алексеевича",
            "Волкову Дмитрию Алексеевичу",
            "Волкова Дмитрия Алексеевича",
            "Волковым Дмитрием Алексеевичем",
            "Волкове Дмитрии Алексеевиче",
        ],
    ),
    (
        ("Окуджава", "Булат", "Шалвович", "M"),
        [
            "Окуджавы Булата Шалвовича",
            "Окуджаве Булату Шалвовичу",
            "Окуджаву Булата Шалвовича",
            "Окуджавой Булатом Шалвовичем",
            "Окуджаве Булате Шалвовиче",
        ],
    ),
]
CASES = ["genitive", "dative", "accusative", "instrumental", "prepositional"]


@pytest.mark.parametrize(("name", "forms"), NAMES, ids=[" ".join(n[:3]) for n, _ in NAMES])
def test_decline_full_name(name, forms):
    last, first, middle, sex = name
    assert decline_full_name(last, first, middle, sex, "nominative") == f"{last} {first} {middle}"
    assert [decline_full_name(last, first, middle, sex, case) for case in CASES] == forms


def test_female_surname_on_consonant_stays():
    # rules.json marks the «Цой» exception androgynous; a woman's surname must not decline.
    assert decline_full_name("Цой", "Анна", "Викторовна", "F", "dative") == "Цой Анне Викторовне"
    assert decline_full_name("Цой", "Виктор", "Робертович", "M", "dative") == "Цою Виктору Робертовичу"


@pytest.mark.parametrize(
    ("name", "case", "text"),
    [
        (
            ("Римская-Корсакова", "Любовь", "Николаевна", "F"),
            "instrumental",
            "Римской-Корсаковой Любовью Николаевной",
        ),
        (
            ("Салтыков-Щедрин", "Михаил", "Евграфович", "M"),
            "genitive",
            "Салтыкова-Щедрина Михаила Евграфовича",
        ),
        (("Петров-Водкин", "Кузьма", "Сергеевич", "M"), "dative", "Петрову-Водкину Кузьме Сергеевичу"),
        # «Бонч» stays only as the first part of a double surname; Petrovich alone gives «Бонча-».
        (("Бонч-Бруевич", "Владимир", "Дмитриевич", "M"), "genitive", "Бонч-Бруевича Владимира Дмитриевича"),
    ],
)
def test_double_surname(name, case, text):
    assert decline_full_name(*name, case) == text


def test_missing_middle_name():
    assert decline_full_name("Смирнова", "Екатерина", None, "F", "dative") == "Смирновой Екатерине"
    assert decline_full_name("Смирнов", "Артём", "", "M", "instrumental") == "Смирновым Артёмом"


def test_sex_guessed_from_patronymic():
    assert decline_full_name("Иванова", "Мария", "Петровна", None, "dative") == "Ивановой Марии Петровне"
    assert (
        decline_full_name("Мамедов", "Эльдар", "Гасан оглы", None, "dative") == "Мамедову Эльдару Гасан оглы"
    )
    assert decline_full_name("Алиева", "Лейла", "Тофик кызы", "", "genitive") == "Алиевой Лейлы Тофик кызы"


def test_unknown_sex_without_patronymic_stays_nominative():
    assert decline_full_name("Иванова", "Мария", None, None, "dative") == "Иванова Мария"


def test_upper_case_input():
    assert decline_full_name("ИВАНОВА", "МАРИЯ", "ПЕТРОВНА", "F", "dative") == "ИВАНОВОЙ МАРИИ ПЕТРОВНЕ"


def test_unknown_case_rejected():
    with pytest.raises(ValueError):
        decline_full_name("Иванова", "Мария", "Петровна", "F", "vocative")


def test_initials():
    assert initials_surname("Иванова", "Мария", "Петровна") == "М.П. Иванова"
    assert surname_initials("Иванова", "Мария", "Петровна") == "Иванова М.П."
    assert initials_surname("Ёлкин", "Юрий", None) == "Ю. Ёлкин"
    assert surname_initials(" Римская-Корсакова ", "любовь", "николаевна") == "Римская-Корсакова Л.Н."


# --- Positions, pupils, typography (issue 13) --------------------------------------------------------

from mentoring.documents.russian import (  # noqa: E402
    decline_position,
    name_with_description,
    nest_quotes,
    pupil_description,
    typographed,
)


@pytest.mark.parametrize(
    ("position", "case", "expected"),
    [
        ("заместитель директора по УВР", "accusative", "заместителя директора по УВР"),
        ("заместитель директора по УВР", "dative", "заместителю директора по УВР"),
        ("учитель математики", "genitive", "учителя математики"),
        ("педагог-психолог", "dative", "педагогу-психологу"),
        ("социальный педагог", "accusative", "социального педагога"),
        ("старший вожатый", "dative", "старшему вожатому"),
        ("медицинская сестра", "accusative", "медицинскую сестру"),
        (
            "учитель начальных классов, классный руководитель 3А класса",
            "dative",
            "учителю начальных классов, классному руководителю 3А класса",
        ),
        ("Директор", "instrumental", "Директором"),
    ],
)
def test_a_position_declines_its_head_phrase_only(position, case, expected):
    assert decline_position(position, case) == expected


def test_a_pupil_is_obuchayushchayasya_or_obuchayushchiysya_in_every_case():
    assert pupil_description("F", "7Б") == "обучающаяся 7Б класса"
    assert pupil_description("M", "7Б") == "обучающийся 7Б класса"
    assert pupil_description("F", "7Б", "accusative") == "обучающуюся 7Б класса"
    assert pupil_description("F", "7Б", "genitive") == "обучающейся 7Б класса"
    assert pupil_description("M", "7Б", "dative") == "обучающемуся 7Б класса"
    assert pupil_description("M", "ИС-21") == "обучающийся группы ИС-21"


def test_name_and_position_agree():
    person = {
        "last_name": "Зерщикова",
        "first_name": "Анна",
        "middle_name": "Николаевна",
        "sex": "F",
        "kind": "staff",
        "position": "заместитель директора по УВР",
    }
    assert (
        name_with_description(person, "accusative")
        == "Зерщикову Анну Николаевну, заместителя директора по УВР"
    )


def test_typography_non_breaking_spaces_and_nested_quotes():
    assert nest_quotes("МБОУ «СОШ «Лицей» № 7»") == "МБОУ «СОШ „Лицей“ № 7»"
    text = typographed("Приказ № 5 от 12.10.2026 г. подписала В.П. Терешкова; Иванова М.П. в г. Энск")
    assert "№\u00a05" in text and "2026\u00a0г." in text and "В.П.\u00a0Терешкова" in text
    assert "Иванова\u00a0М.П." in text and "г.\u00a0Энск" in text and "подписала В.П." in text
