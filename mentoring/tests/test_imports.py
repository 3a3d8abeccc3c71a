"""Import of a school's list into a base: the preview (new / update / duplicate / error, every error with the
spreadsheet's row and column in Russian), all or nothing, re-import updates instead of doubling, the parent
and the guardian link, the audit entry, the templates, the command, and the queries per row."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import AuditEntry, Guardianship, Person
from mentoring.imports.preview import Status
from mentoring.imports.template import template_xlsx
from mentoring.models import MenteeProfile, MentorProfile
from mentoring.services.imports import people_import, preview_file

HEADER = [
    "№",
    "ФИО обучающегося",
    "Дата рождения",
    "Класс",
    "Категория",
    "Основной запрос",
    "ФИО родителя",
    "Телефон родителя",
    "E-mail родителя",
]
GOOD = [
    [
        1,
        "  КУЗНЕЦОВА анна  сергеевна ",
        "14.03.2013",
        "5 б",
        "одарённые",
        "олимпиада по математике",
        "Кузнецова Ольга Петровна",
        "89001112233",
        "kuznetsova@mail.ru",
    ],
    [
        2,
        "Кузнецов Илья Сергеевич",
        41639,
        "7-а",
        "ОВЗ",
        "адаптация в классе",
        "Кузнецова Ольга Петровна",
        "89001112233",
        "kuznetsova@mail.ru",
    ],
    [3, "Сидоров Павел Игоревич", date(2012, 5, 1), "8 б", "", "подготовка к олимпиаде", "", "", ""],
]


def mentees_file(xlsx, rows, header=HEADER):
    return xlsx([header, *rows], title="Список обучающихся МБОУ «СОШ № 1»")


def preview(world, data, base="mentees", name="список.xlsx", **kwargs):
    return preview_file(organization=world.school, base=base, data=data, filename=name, **kwargs)


def run_import(world, data, base="mentees", name="список.xlsx", **kwargs):
    return people_import(
        organization=world.school,
        base=base,
        data=data,
        filename=name,
        by=world.users["coordinator"],
        **kwargs,
    )


def test_a_messy_list_is_previewed_row_by_row_and_nothing_is_saved(world, xlsx):
    rows = [
        *GOOD,
        [4, "Орлова Вера Ивановна", "30.02.2013", "5Б", "", "чтение", "", "", ""],  # row 6 of the sheet
        [5, "Белов Олег", "01.02.2013", "5Б", "вундеркинд", "шахматы", "", "", ""],
        [
            6,
            "КУЗНЕЦОВА Анна Сергеевна",
            "14.03.2013",
            "5Б",
            "Одарённые",
            "олимпиада по математике",
            "кузнецова ольга петровна",
            "8 900 111-22-33",
            "Kuznetsova@mail.ru",
        ],  # the same as row 3
        [
            7,
            "Кузнецова Анна Сергеевна",
            "14.03.2013",
            "6А",
            "одарённые",
            "олимпиада по математике",
            "Кузнецова Ольга Петровна",
            "89001112233",
            "kuznetsova@mail.ru",
        ],  # the same person, another class
        [8, "Зайцев И.", "01.01.2013", "5Б", "", "футбол", "", "", ""],
    ]
    people_before = Person.objects.count()
    result = preview(world, mentees_file(xlsx, rows))
    statuses = {row.number: row.status for row in result.rows}
    assert statuses == {
        3: Status.NEW,
        4: Status.NEW,
        5: Status.UPDATE,  # the world's child: same ФИО and birth date
        6: Status.ERROR,
        7: Status.ERROR,
        8: Status.DUPLICATE,
        9: Status.ERROR,
        10: Status.ERROR,
    }
    messages = [str(error) for error in result.errors]
    assert "Строка 6, «Дата рождения»: такой даты нет — 30.02.2013" in messages
    assert any(m.startswith("Строка 7, «Категория»: нет такой категории — «вундеркинд»") for m in messages)
    assert any(m.startswith("Строка 9: тот же человек, что в строке 3") and "класс" in m for m in messages)
    assert any(
        m.startswith("Строка 10, «ФИО обучающегося»: вместо имени и отчества инициалы") for m in messages
    )
    assert result.rows[0].person_values["last_name"] == "Кузнецова"
    assert result.rows[0].person_values["group"] == "5Б"
    assert result.rows[1].person_values["birth_date"] == date(2013, 12, 31)  # an Excel serial
    assert "класс" in result.rows[2].changes
    assert not result.can_commit
    with pytest.raises(ValidationError) as refused:
        run_import(world, mentees_file(xlsx, rows))
    assert "Ничего не сохранено: исправьте ошибки в файле (4)." in refused.value.messages
    assert Person.objects.count() == people_before
    assert not MenteeProfile.objects.exists()
    assert not AuditEntry.objects.filter(action="people.import").exists()


def test_the_corrected_list_is_imported_with_parents_and_guardian_links(world, xlsx):
    outcome = run_import(world, mentees_file(xlsx, GOOD))
    anna = Person.objects.get(last_name="Кузнецова", first_name="Анна")
    assert (anna.middle_name, anna.sex, anna.kind, anna.group) == ("Сергеевна", "F", "student", "5Б")
    assert anna.mentee_profile.category.code == "gifted"
    assert anna.mentee_profile.main_request == "олимпиада по математике"
    ilya = Person.objects.get(first_name="Илья")
    assert ilya.mentee_profile.category.code == "disabilities" and ilya.sex == "M"
    mother = Person.objects.get(last_name="Кузнецова", first_name="Ольга")  # one parent for both children
    assert (mother.kind, mother.phone, mother.email) == (
        "external",
        "+7 (900) 111-22-33",
        "kuznetsova@mail.ru",
    )
    assert set(Guardianship.objects.filter(guardian=mother).values_list("child", "relation")) == {
        (anna.pk, "mother"),
        (ilya.pk, "mother"),
    }
    child = world.persons["child"]
    child.refresh_from_db()
    assert child.group == "8Б" and child.mentee_profile.main_request == "подготовка к олимпиаде"
    assert Person.objects.filter(last_name="Сидоров", first_name="Павел").count() == 1
    assert (len(outcome.created), len(outcome.updated), len(outcome.parents), outcome.links) == (2, 1, 1, 2)
    entry = AuditEntry.objects.get(action="people.import")
    assert entry.actor == world.users["coordinator"] and entry.organization == world.school
    assert entry.data["file"] == "список.xlsx" and sorted(entry.data["created"]) == sorted([anna.pk, ilya.pk])


def test_a_reimport_of_the_corrected_file_updates_instead_of_doubling(world, xlsx):
    run_import(world, mentees_file(xlsx, GOOD))
    people = Person.objects.count()
    changed = [list(row) for row in GOOD]
    changed[0][3] = "6Б"  # Анна moved to another class
    result = preview(world, mentees_file(xlsx, changed))
    assert [row.status for row in result.rows] == [Status.UPDATE] * 3
    assert result.rows[0].changes == ["класс"] and result.rows[1].changes == []
    outcome = run_import(world, mentees_file(xlsx, changed))
    assert Person.objects.count() == people
    assert Guardianship.objects.filter(guardian__first_name="Ольга").count() == 2
    assert Person.objects.get(last_name="Кузнецова", first_name="Анна").group == "6Б"
    assert (len(outcome.created), len(outcome.updated), len(outcome.unchanged)) == (0, 1, 2)


def test_a_match_by_email_updates_the_person_even_with_a_new_surname(world, xlsx):
    teacher = world.persons["mentee"]  # Петров Иван Сергеевич, staff
    teacher.email = "petrov@school1.ru"
    teacher.save()
    data = xlsx(
        [
            ["ФИО", "Должность", "E-mail", "Категория", "Запрос"],
            [
                "Петров-Водкин Иван Сергеевич",
                "учитель истории",
                "PETROV@school1.ru",
                "молодой специалист",
                "методика",
            ],
        ]
    )
    [row] = preview(world, data).rows
    assert row.status == Status.UPDATE and row.person == teacher and "по e-mail" in row.match
    run_import(world, data)
    teacher.refresh_from_db()
    assert (teacher.last_name, teacher.position) == ("Петров-Водкин", "учитель истории")
    assert teacher.mentee_profile.category.code == "young_specialist"


def test_an_email_of_another_person_is_an_error_not_a_match(world, xlsx):
    world.persons["child"].email = "sidorova@mail.ru"
    world.persons["child"].save()
    data = xlsx(
        [
            ["ФИО", "Класс", "E-mail", "Запрос"],
            ["Сидорова Мария Игоревна", "3А", "sidorova@mail.ru", "чтение"],
        ]
    )
    [row] = preview(world, data).rows
    assert row.status == Status.ERROR
    assert "этот e-mail уже записан у другого участника — Сидоров Павел Игоревич" in str(row.errors[0])


def test_a_class_list_without_requests_takes_one_request_for_all(world, xlsx):
    data = xlsx([["Фамилия", "Имя", "Отчество", "Класс"], ["Зайцева", "Ольга", "Андреевна", "8В"]])
    [row] = preview(world, data).rows
    assert row.status == Status.ERROR and "не указан основной запрос" in str(row.errors[0])
    outcome = run_import(world, data, default_request="адаптация в новом классе")
    person = Person.objects.get(pk=outcome.created[0])
    assert person.mentee_profile.main_request == "адаптация в новом классе"
    assert person.sex == "F" and person.group == "8В"


def test_the_kind_of_person_and_the_category_must_agree(world, xlsx):
    data = xlsx(
        [
            ["ФИО", "Класс", "Должность", "Категория", "Запрос"],
            ["Лосев Пётр Ильич", "9А", "", "молодой специалист", "учёба"],
            ["Зуева Анна Львовна", "", "учитель химии", "ОВЗ", "методика"],
            ["Морозов Саша", "9А", "", "", "учёба"],
            ["Павлова Инна Юрьевна", "", "", "", "методика"],
        ]
    )
    messages = [str(e) for e in preview(world, data).errors]
    assert (
        "Строка 2, «Категория»: категория «Молодой специалист (стаж от 0 до 3 лет)» — для педагогов, а в строке указан класс (обучающийся)"
        in messages
    )
    assert any(
        m.startswith(
            "Строка 3, «Категория»: категория «С ограниченными возможностями здоровья (ОВЗ)» — для обучающихся"
        )
        for m in messages
    )
    assert "Строка 4, «ФИО»: не удалось понять пол по имени «Саша» — добавьте столбец «Пол» (м/ж)" in messages
    assert "Строка 5, «Класс»: укажите класс (для обучающегося) или должность (для педагога)" in messages


def test_mentors_with_training_experience_and_contacts(world, xlsx):
    header = [
        "ФИО наставника",
        "Должность",
        "Класс",
        "Контактные данные",
        "Основные компетенции",
        "Стаж",
        "Школа наставников",
        "Дата обучения",
        "Интересы",
        "Категория",
    ]
    nina = [
        "Соколова Нина Павловна",
        "учитель физики",
        "",
        "8 900 555-44-33, sokolova@school1.ru",
        "подготовка к олимпиадам; робототехника",
        "22 года",
        "да",
        "20.10.2025",
        "исследовательские, шахматы",
        "педагог",
    ]
    pupil = ["Громов Артём Олегович", "", "11А", "", "помощь с математикой", "3", "нет", "", "", "ученик"]
    data = xlsx(
        [header, nina, pupil, ["Лисина Вера Ивановна", "учитель музыки", "", "", "хор", "", "да", "", "", ""]]
    )
    result = preview(world, data, base="mentors")
    messages = [str(e) for e in result.errors]
    assert messages == [
        "Строка 3, «Стаж»: педагогический стаж указывают только для педагогов",
        "Строка 4, «Школа наставников»: для отметки об обучении в «Школе наставников» нужна дата обучения (столбец «Дата обучения»)",
    ]
    pupil_without_experience = [*pupil[:5], "", *pupil[6:]]
    good = xlsx([header, nina, pupil_without_experience])
    run_import(world, good, base="mentors")
    nina = MentorProfile.objects.get(person__last_name="Соколова")
    assert (nina.person.email, nina.person.phone) == ("sokolova@school1.ru", "+7 (900) 555-44-33")
    assert (nina.experience_years, nina.training_status, nina.trained_on) == (
        22,
        "trained",
        date(2025, 10, 20),
    )
    assert nina.interests == ["research", "other"] and nina.interests_other == "шахматы"
    assert nina.category.code == "teacher" and nina.person.kind == "staff"
    artem = MentorProfile.objects.get(person__last_name="Громов")
    assert (artem.person.kind, artem.person.group, artem.category.code) == ("student", "11А", "student_peer")


def test_csv_and_xls_lists_import_the_same(world, csv_bytes, xls):
    rows = [["ФИО", "Дата рождения", "Класс", "Запрос"], ["Сомов Глеб Ильич", "02.03.2014", "4 а", "чтение"]]
    assert (
        preview(world, csv_bytes(rows, delimiter=",", encoding="cp1251"), name="4а.csv").rows[0].status
        == Status.NEW
    )
    rows[1][1] = date(2014, 3, 2)
    [row] = preview(world, xls(rows), name="4а.xls").rows
    assert row.status == Status.NEW and row.person_values["birth_date"] == date(2014, 3, 2)


@pytest.mark.parametrize("base", ["mentors", "mentees"])
def test_the_downloadable_template_imports_as_it_is(world, base):
    result = preview(world, template_xlsx(base), base=base, name="шаблон.xlsx")
    assert not result.problems and not result.errors and not result.unknown
    assert [row.status for row in result.rows] == [Status.NEW]


def test_queries_of_the_preview_and_of_the_commit_do_not_grow_with_the_rows(world, xlsx):
    def letters(number):  # names have no digits: 12 → «бв»
        return "".join("абвгдежзик"[int(d)] for d in str(number))

    def rows(count, start):
        return [
            [
                i,
                f"Ученикова{letters(i)} Анна Петровна",
                "01.02.2013",
                "5А",
                "ОВЗ",
                "чтение",
                f"Родителева{letters(i)} Ольга Ивановна",
                "89001112233",
                "",
            ]
            for i in range(start, start + count)
        ]

    def queries(action):
        with CaptureQueriesContext(connection) as captured:
            action()
        return len(captured)

    small, large = mentees_file(xlsx, rows(5, 0)), mentees_file(xlsx, rows(15, 100))
    assert queries(lambda: preview(world, small)) == queries(lambda: preview(world, large))
    five = queries(lambda: run_import(world, small))
    fifteen = queries(lambda: run_import(world, large))
    twenty_five = queries(lambda: run_import(world, mentees_file(xlsx, rows(25, 200))))
    assert five == fifteen == twenty_five  # written in bulk: the queries do not grow with the rows


def test_the_command_previews_fails_on_errors_and_commits(world, xlsx, tmp_path, capsys):
    bad = tmp_path / "список.xlsx"
    bad.write_bytes(
        mentees_file(xlsx, [*GOOD, [4, "Орлова Вера Ивановна", "30.02.2013", "5Б", "", "чтение"]])
    )
    with pytest.raises(SystemExit) as exit_code:
        call_command("import_people", str(bad), organization=world.school.pk, base="mentees")
    assert exit_code.value.code == 1
    out, err = capsys.readouterr()
    assert "«ФИО обучающегося» → ФИО" in out and "ошибка — 1" in out
    assert "Строка 6, «Дата рождения»: такой даты нет — 30.02.2013" in err
    assert not MenteeProfile.objects.exists()
    good = tmp_path / "исправленный.xlsx"
    good.write_bytes(mentees_file(xlsx, GOOD))
    call_command("import_people", str(good), organization=world.school.pk, base="mentees")
    assert "Ошибок нет" in capsys.readouterr().out and not MenteeProfile.objects.exists()
    call_command("import_people", str(good), "--commit", organization=world.school.pk, base="mentees")
    assert "Создано: 2, обновлено: 1." in capsys.readouterr().out
    assert MenteeProfile.objects.count() == 3
    assert AuditEntry.objects.get(action="people.import").actor is None
