"""Reading a school's list: formats, encodings, headers in Russian, and the values as schools write them."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError

from mentoring.imports import normalise as n
from mentoring.imports.categories import MENTEE_SYNONYMS, MENTOR_SYNONYMS, Catalogue
from mentoring.imports.columns import guess_mapping, mapping_problems
from mentoring.imports.readers import MAX_BYTES, read_sheet
from mentoring.models import MenteeCategory, MentorCategory

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("01.09.2011", date(2011, 9, 1)),
        ("1.9.11", date(2011, 9, 1)),
        ("2011-09-01", date(2011, 9, 1)),
        ("01/09/2011", date(2011, 9, 1)),
        ("1 сентября 2011 г.", date(2011, 9, 1)),
        ("1 сент. 2011", date(2011, 9, 1)),
        ("2011-09-01 00:00:00", date(2011, 9, 1)),
        (40787, date(2011, 9, 1)),  # an Excel serial in a «general» cell
        ("40787", date(2011, 9, 1)),  # the same serial after a CSV export
        (40787.0, date(2011, 9, 1)),
        (datetime(2011, 9, 1, 0, 0), date(2011, 9, 1)),  # a date cell
        (date(2011, 9, 1), date(2011, 9, 1)),
        ("3.4.99", date(1999, 4, 3)),  # a two-digit year in the future belongs to the last century
    ],
)
def test_dates_in_every_way_schools_write_them(written, expected):
    assert n.parse_date(written, today=TODAY) == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("30.02.2013", "такой даты нет — 30.02.2013"),
        ("31.04.2012", "такой даты нет — 31.04.2012"),
        ("13.13.2011", "такой даты нет — 13.13.2011"),
        ("2011", "указан только год — 2011"),
        ("вчера", "не удалось прочитать дату «вчера»"),
        (12.5, "не похоже на дату"),
    ],
)
def test_impossible_dates_are_named_as_such(written, message):
    with pytest.raises(n.Problem, match=message):
        n.parse_date(written, today=TODAY)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("7Б", "7Б"),
        ("7 Б", "7Б"),
        ("7-б", "7Б"),
        ("7 «б» класс", "7Б"),
        ("10а", "10А"),
        (7, "7"),
        ("7B", "7В"),
    ],
)
def test_classes(written, expected):
    assert n.parse_class(written) == expected


def test_a_class_beyond_the_eleventh_is_refused_in_a_school_and_kept_in_a_college():
    with pytest.raises(n.Problem, match="нет такого класса — 12Б"):
        n.parse_class("12Б")
    assert n.parse_class("ис-21", school=False) == "ИС-21"


def test_names_are_trimmed_and_recased():
    assert n.split_full_name("  ИВАНОВ иван  ") == ("Иванов", "Иван", "")
    assert n.split_full_name("иванова-петрова АННА-мария сергеевна") == (
        "Иванова-Петрова",
        "Анна-Мария",
        "Сергеевна",
    )
    assert n.split_full_name("Алиев Рашид Ахмед оглы") == ("Алиев", "Рашид", "Ахмед оглы")
    assert n.name_part(" пЕтРоВ ", what="фамилию") == "Петров"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("Иванов И.И.", "инициалы"),
        ("Петров", "нужны хотя бы фамилия и имя"),
        ("Иванов Иван 2", "цифр"),
        ("Иванов Иван Иванович Пятый", "запишите фамилию, имя и отчество в отдельные столбцы"),
    ],
)
def test_names_that_cannot_be_taken(written, message):
    with pytest.raises(n.Problem, match=message):
        n.split_full_name(written)


def test_sex_from_the_patronymic_or_the_name():
    assert n.sex_from_name("Павел", "Игоревич") == "M"
    assert n.sex_from_name("Айгуль", "Рашидовна") == "F"
    assert n.sex_from_name("Рашид", "Ахмед оглы") == "M"
    assert n.sex_from_name("Никита", "") == "M"
    assert n.sex_from_name("Любовь", "") == "F"
    assert n.sex_from_name("Саша", "") is None  # either: the import asks for the «Пол» column


def test_contacts_phones_and_emails():
    assert n.parse_phone("89001234567") == "+7 (900) 123-45-67"
    assert n.parse_phone(79001234567.0) == "+7 (900) 123-45-67"
    assert n.parse_phone("8 (900) 123-45-67; 8-912-345-67-89") == "+7 (900) 123-45-67, +7 (912) 345-67-89"
    assert n.parse_phone("22-33-44") == "22-33-44"  # a town's landline stays as written
    assert n.split_contacts("тел. 8-900-123-45-67, IvanovA@Mail.ru") == (
        "ivanova@mail.ru",
        "+7 (900) 123-45-67",
    )
    assert n.parse_email(" Ivanov@School1.RU ") == "ivanov@school1.ru"
    with pytest.raises(n.Problem, match="не похоже на адрес e-mail — «ivanov@mail»"):
        n.parse_email("ivanov@mail")
    with pytest.raises(n.Problem, match="не похоже на номер телефона"):
        n.parse_phone("12")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("written", "fits", "code"),
    [
        ("ОВЗ", {"students"}, "disabilities"),
        ("дети с ОВЗ (слабослышащие)", {"students"}, "disabilities"),
        ("С ОГРАНИЧЕННЫМИ ВОЗМОЖНОСТЯМИ ЗДОРОВЬЯ (ОВЗ)", {"students"}, "disabilities"),
        ("Одарённые", {"students"}, "gifted"),
        ("одареные", {"students"}, "gifted"),  # a typo
        ("малодой специалист", {"teachers"}, "young_specialist"),  # a typo
        ("Молодые специалисты", {"teachers"}, "young_specialist"),
        ("ТЖС", {"students"}, "difficult_life_situation"),
        ("адаптация", {"students", "any"}, "adaptation_problems"),  # the same word: for a pupil…
        ("адаптация", {"teachers", "any"}, "new_workplace"),  # …and for a teacher
    ],
)
def test_mentee_categories_without_case_with_synonyms_and_typos(written, fits, code):
    catalogue = Catalogue(MenteeCategory.objects.all(), MENTEE_SYNONYMS)
    assert catalogue.match(written, fits=fits).code == code


@pytest.mark.django_db
def test_mentor_categories_and_an_unknown_one():
    catalogue = Catalogue(MentorCategory.objects.all(), MENTOR_SYNONYMS)
    assert catalogue.match("учитель").code == "teacher"
    assert catalogue.match("Преподаватель вуза").code == "college_teacher"
    assert catalogue.match("выпускница").code == "graduate"
    with pytest.raises(n.Problem, match="нет такой категории — «вундеркинд»"):
        catalogue.match("вундеркинд")


def test_columns_are_guessed_from_russian_headers():
    headers = [
        "№ п/п",
        "Ф.И.О. обучающегося",
        "Дата рожд.",
        "Класс",
        "Категория",
        "Основной запрос наставляемого",
        "ФИО родителя (законного представителя)",
        "Телефон родителя",
        "E-mail родителя",
        "Эл. почта",
        "ФИО наставника",
        "Классный руководитель",
        "Примечание",
    ]
    assert guess_mapping(headers, "mentees") == [
        "number",
        "full_name",
        "birth_date",
        "group",
        "category",
        "main_request",
        "parent_name",
        "parent_phone",
        "parent_email",
        "email",
        "",  # the mentor's name in a list of mentees is not the mentee's name
        "",  # nor is the form teacher a class
        "",
    ]


def test_mentor_headers_and_three_name_columns():
    headers = [
        "Фамилия",
        "Имя",
        "Отчество",
        "Должность",
        "Основные компетенции наставника",
        "Педагогический стаж",
        "Квалификационная категория",
        "Обучение в «Школе наставников»",
        "Дата обучения",
        "Контактные данные для связи",
        "Желаемый возраст наставляемых",
    ]
    assert guess_mapping(headers, "mentors") == [
        "last_name",
        "first_name",
        "middle_name",
        "position",
        "competencies",
        "experience_years",
        "",  # a teacher's qualification category is not the mentor's category of the target model
        "training",
        "trained_on",
        "contacts",
        "desired_mentee_age",
    ]


def test_a_mapping_without_a_name_or_with_a_field_twice_is_refused():
    assert "Не нашли ФИО" in mapping_problems(["birth_date", "group"], "mentees")[0]
    assert "выбран для нескольких столбцов" in mapping_problems(["full_name", "group", "group"], "mentees")[0]
    assert mapping_problems(["last_name", "first_name", "group"], "mentees") == []


# Files -----------------------------------------------------------------------------------------------------

ROWS = [["ФИО", "Дата рождения", "Класс"], ["Сидоров Павел Игоревич", "01.05.2012", "6А"]]


def test_csv_in_utf8_with_semicolons(csv_bytes):
    sheet = read_sheet(csv_bytes(ROWS), "список.csv")
    assert sheet.rows == [(1, ROWS[0]), (2, ROWS[1])]


def test_csv_in_cp1251_with_commas_and_a_bom_free_excel_export(csv_bytes):
    sheet = read_sheet(csv_bytes(ROWS, delimiter=",", encoding="cp1251"), "список.csv")
    assert sheet.rows[1] == (2, ["Сидоров Павел Игоревич", "01.05.2012", "6А"])


def test_csv_with_a_bom_and_a_multiline_cell_keeps_row_numbers(csv_bytes):
    data = '\ufeffФИО;Запрос\r\nСидоров Павел;"олимпиада\r\nпо математике"\r\nИванов Иван;проект\r\n'.encode()
    sheet = read_sheet(data, "список.csv")
    assert [number for number, _ in sheet.rows] == [1, 2, 4]
    assert sheet.rows[0][1][0] == "ФИО"


def test_xlsx_keeps_date_cells_and_the_spreadsheet_row_numbers(xlsx):
    data = xlsx([["ФИО", "Дата рождения"], ["Сидоров Павел", date(2012, 5, 1)]], title="Список 6А класса")
    sheet = read_sheet(data, "6а.xlsx")
    assert sheet.rows[0] == (1, ["Список 6А класса"])
    assert sheet.rows[2] == (3, ["Сидоров Павел", datetime(2012, 5, 1)])


def test_xls_with_date_cells(xls):
    data = xls([["ФИО", "Дата рождения"], ["Сидоров Павел", date(2012, 5, 1)]])
    sheet = read_sheet(data, "6а.xls")
    assert sheet.rows[1] == (2, ["Сидоров Павел", datetime(2012, 5, 1)])


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.csv", "Файл пустой"),
        (b"x", "a.pdf", "в формате .xlsx, .xls или .csv"),
        (b"PK\x03\x04broken", "a.xlsx", "Не удалось открыть файл как таблицу Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1broken", "a.xls", "Не удалось открыть файл Excel 97–2003"),
        (b"<html><table></table></html>", "a.xls", "внутри веб-страница"),
        (b"x" * (MAX_BYTES + 1), "a.csv", "Файл больше 5 МБ"),
    ],
)
def test_files_that_cannot_be_read_are_refused_in_russian(data, name, message):
    with pytest.raises(ValidationError, match=message):
        read_sheet(data, name)
