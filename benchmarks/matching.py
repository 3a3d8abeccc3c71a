"""How fast the pair suggestions of a whole form are made (issue #14). Not a test: run it by hand,

    .venv/bin/python benchmarks/matching.py

300 teacher-mentors (competencies, desired ages, experience, some trained, some parents of pupils) and 1,000
pupils waiting in «Учитель – ученик» (requests, categories, classes 1–11), with preferences from a registered
source for a fifth of them. Times the load of the form's people from the database, the scores of all
300 × 1,000 pairs, the optimal assignment (scipy) and the reasons of the suggested pairs. The data live in a
temporary SQLite database, migrated here."""

import time
from datetime import date, timedelta

from bench_setup import temporary_django  # noqa: E402

TMP = temporary_django("bench-matching-")

from django.core.management import call_command  # noqa: E402

from accounts.models import Guardianship, Organization, Person  # noqa: E402
from mentoring import matching_sources  # noqa: E402
from mentoring.demo.names import SUBJECTS, demo_name  # noqa: E402
from mentoring.matching import suggest  # noqa: E402
from mentoring.matching.assignment import assign, points_matrix  # noqa: E402
from mentoring.models import MenteeCategory, MenteeProfile, MentoringForm, MentorProfile, Programme  # noqa: E402
from mentoring.selectors.matching import matching_board  # noqa: E402

MENTORS, MENTEES, AIM = 300, 1_000, 5.0
COMPETENCIES = [
    "подготовка к олимпиадам",
    "проектная деятельность",
    "профориентация",
    "помощь с чтением",
    "инклюзивное образование",
    "робототехника",
    "подготовка к ОГЭ по математике",
    "профилактика конфликтов",
    "шахматы",
    "волонтёрство",
]
REQUESTS = [
    "подготовка к олимпиаде по физике",
    "выбор профессии",
    "трудности с чтением",
    "подготовка к ОГЭ",
    "проект по биологии",
    "адаптация в классе",
    "конфликты с одноклассниками",
    "робототехника",
]
AGES = ["1–4 классы", "5–7 классы", "8–11 классы", "12-16 лет", "", "любой"]


def person(school, index, sex, **fields) -> Person:
    last, first, middle = demo_name(index, sex)
    return Person(
        organization=school,
        last_name=last,
        first_name=first,
        middle_name=middle,
        sex=sex,
        search_text=f"{last} {first} {middle}".lower(),
        **fields,
    )


def build():
    school = Organization.objects.create(full_name="Школа для замера", short_name="Школа")
    programme = Programme.objects.create(
        organization=school, year=2025, start_date=date(2025, 9, 1), end_date=date(2026, 6, 30)
    )
    form = MentoringForm.objects.get(code="teacher_pupil")
    programme.forms.add(form)
    teachers = Person.objects.bulk_create(
        person(school, i, "F" if i % 3 else "M", kind=Person.Kind.STAFF, position=SUBJECTS[i % len(SUBJECTS)])
        for i in range(MENTORS)
    )
    MentorProfile.objects.bulk_create(
        MentorProfile(
            organization=school,
            person=teacher,
            entered_on=date(2025, 9, 1),
            competencies="; ".join(COMPETENCIES[(i + k) % len(COMPETENCIES)] for k in range(3)),
            desired_mentee_age=AGES[i % len(AGES)],
            experience_years=3 + i % 25,
            training_status="trained" if i % 2 else "none",
            trained_on=date(2025, 8, 20) if i % 2 else None,
        )
        for i, teacher in enumerate(teachers)
    )
    pupils = Person.objects.bulk_create(
        person(
            school,
            1_000 + i,
            "M" if i % 2 else "F",
            kind=Person.Kind.STUDENT,
            group=f"{1 + i % 11}{'АБВ'[i % 3]}",
            birth_date=date(2009, 1, 1) + timedelta(days=(i * 37) % 3_650),
        )
        for i in range(MENTEES)
    )
    categories = list(MenteeCategory.objects.filter(audience="students"))
    MenteeProfile.objects.bulk_create(
        MenteeProfile(
            organization=school,
            person=pupil,
            entered_on=date(2025, 9, 1),
            main_request=REQUESTS[i % len(REQUESTS)],
            category=categories[i % len(categories)] if i % 4 else None,
        )
        for i, pupil in enumerate(pupils)
    )
    Guardianship.objects.bulk_create(
        Guardianship(guardian=teachers[i], child=pupils[i * 3], relation="mother")
        for i in range(0, MENTORS, 10)
    )
    chosen = {
        pupils[i].pk: [teachers[(i * 7) % MENTORS].pk, teachers[(i * 11) % MENTORS].pk]
        for i in range(0, MENTEES, 5)
    }
    matching_sources.register("benchmark", label="Анкета предпочтений", preferences=lambda _: chosen)
    return programme, form


def seconds(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def main() -> None:
    call_command("migrate", verbosity=0)
    programme, form = build()
    print(f"{MENTORS} наставников × {MENTEES} наставляемых, форма «{form.name}» (SQLite: {TMP})\n")
    cpu = time.process_time()
    board, load_s = seconds(lambda: matching_board(programme, form))
    points, points_s = seconds(lambda: points_matrix(board))
    _, assign_s = seconds(lambda: assign(points, board.mentors))
    result, total_s = seconds(lambda: suggest(board))
    cpu = time.process_time() - cpu
    allowed = int((~__import__("numpy").isnan(points)).sum())
    print(f"загрузка из базы:             {load_s:5.2f} с")
    print(
        f"баллы всех пар:               {points_s:5.2f} с ({allowed} допустимых пар из {MENTORS * MENTEES})"
    )
    print(f"оптимальное распределение:    {assign_s:5.2f} с")
    print(f"подбор целиком (баллы, распределение, причины словами): {total_s:5.2f} с")
    print(f"предложено пар: {len(result.pairs)}, без предложения: {len(result.unmatched)}, "
          f"свободных мест было: {result.free_places}")  # fmt: skip
    print(f"\nЗагрузка + подбор: {load_s + total_s:.2f} с (процессор за всё: {cpu:.2f} с); "
          f"цель < {AIM:.0f} с: {'да' if load_s + total_s < AIM else 'НЕТ'}")  # fmt: skip
    example = result.pairs[0]
    print(f"\nПример: {example.mentee.name} ← {example.mentor.name}, балл {example.fit.score}: "
          f"{'; '.join(example.fit.reasons)}")  # fmt: skip


if __name__ == "__main__":
    main()
