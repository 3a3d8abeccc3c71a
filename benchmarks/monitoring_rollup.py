"""How long the municipality's roll-up of 50 schools takes (issue 12). Not a test: run it by hand,

    .venv/bin/python benchmarks/monitoring_rollup.py

50 schools of a municipality, each with 300 people, its 2025/2026 programme and a year of work written in bulk
(monitoring/tests/bulk.py: pairs, plans, meetings, reviews, consents, satisfaction and entry/exit campaigns with
1,000 answers each), and the 2024/2025 programme of ten of them for last year. Then, in turns, 3 rounds of
the median of 3 runs each, median:
(a) monitoring.selectors.rollup.rollup_for — every school's KPIs, this year and last, totals, lagging;
(b) the roll-up page through the test client (the selector plus the template), signed in as the observer;
(c) the roll-up's .xlsx (the selector plus one sheet per indicator);
(d) the bare queries: the very SQL statements (a) sends, replayed on the cursor and fetched, without the Python
    around them — the ratio (a)/(d) is what the grouping and the arithmetic add.
The data live in a temporary SQLite database, migrated here."""

import statistics
import time
from datetime import date

from bench_setup import temporary_django  # noqa: E402

TMP = temporary_django("bench-rollup-")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import Membership, Organization, Role, User  # noqa: E402
from mentoring.models import MentoringForm, Programme  # noqa: E402
from monitoring.selectors.rollup import rollup_for  # noqa: E402
from monitoring.tests.bulk import build_school  # noqa: E402

SCHOOLS, PEOPLE, ANSWERS, REPEAT = 50, 300, 1000, 3
TODAY = date(2026, 3, 16)


def build_data():
    settings.ALLOWED_HOSTS = ["testserver"]
    municipality = Organization.objects.create(
        full_name="Управление образования администрации города Энска",
        short_name="Управление образования г. Энска",
        kind=Organization.Kind.MUNICIPALITY,
    )
    by = User.objects.create(username="bench_coordinator")
    forms = list(MentoringForm.objects.filter(code__in=["teacher_teacher", "teacher_pupil", "pupil_pupil"]))
    for n in range(SCHOOLS):
        school = Organization.objects.create(
            full_name=f"МБОУ «СОШ № {n + 1}» (полное)",
            short_name=f"МБОУ «СОШ № {n + 1}»",
            parent=municipality,
        )
        Membership.objects.create(user=by, organization=school, role=Role.COORDINATOR)
        for year in (2025, 2024) if n < 10 else (2025,):
            programme = Programme.objects.create(
                organization=school,
                year=year,
                start_date=date(year, 9, 1),
                end_date=date(year + 1, 5, 31),
                teachers_target_pct=10 + n % 3 * 10,
                students_target_pct=10,
            )
            programme.forms.set(forms)
        build_school(school, school.programmes.get(year=2025), by=by, people=PEOPLE, answers=ANSWERS, seed=n)
    observer = User.objects.create_user(username="observer", password="bench12345")
    Membership.objects.create(user=observer, organization=municipality, role=Role.OBSERVER)
    return municipality, observer


def median(fn) -> float:
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main():
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    municipality, observer = build_data()
    print(f"{SCHOOLS} schools × {PEOPLE} people built in {time.perf_counter() - started:.1f} s")

    with CaptureQueriesContext(connection) as captured:
        rollup = rollup_for(municipality, today=TODAY, year=2025)
    statements = [query["sql"] for query in captured.captured_queries]
    assert len(rollup.rows) == SCHOOLS and len(rollup.with_programme) == SCHOOLS

    def bare():
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()

    client = Client()
    client.force_login(observer)
    page_url = reverse("monitoring:rollup") + "?year=2025"
    export_url = reverse("monitoring:rollup.export") + "?year=2025"
    assert client.get(page_url).status_code == 200

    results = {"selector": [], "page": [], "xlsx": [], "bare": []}
    for _ in range(REPEAT):  # in turns, so that a busy machine slows them alike
        results["selector"].append(median(lambda: rollup_for(municipality, today=TODAY, year=2025)))
        results["page"].append(median(lambda: client.get(page_url)))
        results["xlsx"].append(median(lambda: client.get(export_url)))
        results["bare"].append(median(bare))
    figures = {key: statistics.median(values) for key, values in results.items()}
    print(f"queries of the roll-up: {len(statements)} (whatever the number of schools)")
    print(f"(a) rollup_for, {SCHOOLS} schools:          {figures['selector']:.3f} s")
    print(f"(b) the roll-up page:                  {figures['page']:.3f} s")
    print(f"(c) the roll-up .xlsx:                 {figures['xlsx']:.3f} s")
    print(f"(d) the bare queries:                  {figures['bare']:.3f} s")
    print(f"ratio (a)/(d): {figures['selector'] / figures['bare']:.2f}")


if __name__ == "__main__":
    main()
