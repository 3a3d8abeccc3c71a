"""How fast a school's list is checked and imported (issue #14). Not a test: run it by hand,

    .venv/bin/python benchmarks/import_people.py

Builds a 5,000-row mentee list as schools write them (dates in five ways, classes «7 б» / «7-Б», categories as
synonyms, parents with phones and e-mails; a tenth of the rows are people the school already has), then times
(a) reading + validating + the preview against the school (mentoring.services.imports.preview_file) and
(b) the all-or-nothing import (people_import), counting the queries: the preview's do not depend on the
number of rows, the import's are the same for every row (compared with a 500-row list of the same make-up).
The data live in a temporary SQLite database, migrated here."""

import time
from datetime import date, timedelta
from io import BytesIO

from bench_setup import temporary_django  # noqa: E402

TMP = temporary_django("bench-import-")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from accounts.models import Organization, Person  # noqa: E402
from mentoring.demo.names import demo_name  # noqa: E402
from mentoring.services.imports import people_import, preview_file  # noqa: E402

ROWS, SMALL, KNOWN_SHARE = 5_000, 500, 10  # every 10th row is a pupil the school already has
PREVIEW_AIM, COMMIT_AIM = 20.0, 40.0
HEADER = ["№", "ФИО обучающегося", "Дата рождения", "Класс", "Категория", "Основной запрос", "ФИО родителя",
          "Телефон родителя", "E-mail родителя"]  # fmt: skip
CATEGORIES = [
    "ОВЗ",
    "одарённые",
    "Неуспевающие",
    "трудная жизненная ситуация",
    "",
    "группа риска",
    "адаптация",
]
REQUESTS = [
    "подготовка к олимпиаде по математике",
    "адаптация в новом классе",
    "помощь с чтением",
    "профориентация",
]


def pupil(index: int):
    sex = "M" if index % 2 else "F"
    last, first, middle = demo_name(index, sex)
    birth = date(2004, 1, 1) + timedelta(days=index)  # namesakes differ by their birth dates
    return sex, last, first, middle, birth


def written_date(birth: date, index: int):
    """Five ways schools write a date: 01.09.2011, 1.9.11, 2011-09-01, a date cell, an Excel serial."""
    return [
        f"{birth:%d.%m.%Y}",
        f"{birth.day}.{birth.month}.{birth:%y}",
        birth.isoformat(),
        birth,
        (birth - date(1899, 12, 30)).days,
    ][index % 5]


def list_file(count: int, offset: int) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Список обучающихся для программы наставничества"])
    sheet.append(HEADER)
    for i in range(offset, offset + count):
        sex, last, first, middle, birth = pupil(i)
        grade, letter = 1 + i % 11, "АБВГ"[i % 4]
        parent_last, parent_first, parent_middle = demo_name(i + 7, "F")
        parent_last = last if sex == "F" else last + "а"
        sheet.append([
            i + 1,
            f"  {last.upper()} {first.lower()}  {middle} ",
            written_date(birth, i),
            [f"{grade} {letter.lower()}", f"{grade}-{letter}", f"{grade}{letter}"][i % 3],
            CATEGORIES[i % len(CATEGORIES)],
            REQUESTS[i % len(REQUESTS)],
            f"{parent_last} {parent_first} {parent_middle}",
            f"8 9{i % 100:02d} {i % 1000:03d}-{i % 100:02d}-{(i * 7) % 100:02d}",
            f"parent{i}@example.ru",
        ])  # fmt: skip
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def school(name: str, count: int, offset: int) -> Organization:
    """A school that already has every KNOWN_SHARE-th pupil of the list."""
    organization = Organization.objects.create(full_name=name, short_name=name)
    Person.objects.bulk_create(
        Person(
            organization=organization,
            last_name=last,
            first_name=first,
            middle_name=middle,
            sex=sex,
            birth_date=birth,
            kind=Person.Kind.STUDENT,
            group="1А",
            search_text=f"{last} {first} {middle}".lower(),
        )
        for i in range(offset, offset + count, KNOWN_SHARE)
        for sex, last, first, middle, birth in [pupil(i)]
    )
    return organization


def timed(function):
    """Seconds and the number of queries (counted, not logged: a log would slow the import down)."""
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        started, cpu = time.perf_counter(), time.process_time()
        result = function()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return result, (elapsed, cpu), count


def run(count: int, offset: int):
    organization = school(f"Школа на {count} строк", count, offset)
    data = list_file(count, offset)
    kwargs = {"organization": organization, "base": "mentees", "data": data, "filename": "список.xlsx"}
    preview, preview_s, preview_q = timed(lambda: preview_file(**kwargs))
    assert not preview.errors, [str(e) for e in preview.errors[:5]]
    outcome, commit_s, commit_q = timed(lambda: people_import(by=None, **kwargs))
    return preview, preview_s, preview_q, outcome, commit_s, commit_q, len(data)


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"SQLite во временной папке {TMP}\n")
    small = run(SMALL, ROWS)
    big = run(ROWS, 0)
    for label, (preview, preview_s, preview_q, outcome, commit_s, commit_q, size) in (
        (f"{SMALL} строк", small),
        (f"{ROWS} строк", big),
    ):
        counts = preview.counts
        print(f"{label} ({size / 1024:.0f} КБ .xlsx): новых {counts['new']}, обновлений {counts['update']}")
        print(
            f"  проверка и предпросмотр: {preview_s[0]:6.2f} с (процессор {preview_s[1]:5.2f} с), запросов к БД: {preview_q}"
        )
        print(
            f"  импорт (всё или ничего):  {commit_s[0]:6.2f} с (процессор {commit_s[1]:5.2f} с), запросов к БД: {commit_q} "
            f"({commit_q / len(preview.rows):.2f} на строку); создано {len(outcome.created)}, "
            f"обновлено {len(outcome.updated)}, родителей {len(outcome.parents)}"
        )
    per_row_small = small[5] / len(small[0].rows)
    per_row_big = big[5] / len(big[0].rows)
    print()
    print(f"Цель: {ROWS} строк — проверка < {PREVIEW_AIM:.0f} с: {'да' if big[1][0] < PREVIEW_AIM else 'НЕТ'}; "
          f"импорт < {COMMIT_AIM:.0f} с: {'да' if big[4][0] < COMMIT_AIM else 'НЕТ'}")  # fmt: skip
    print(f"Запросов предпросмотра не зависит от числа строк: {'да' if small[2] == big[2] else 'НЕТ'} "
          f"({small[2]} и {big[2]})")  # fmt: skip
    print(f"Запросов импорта на строку постоянно: {'да' if abs(per_row_small - per_row_big) < 0.05 else 'НЕТ'} "
          f"({per_row_small:.2f} и {per_row_big:.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
