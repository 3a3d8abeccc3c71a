"""How long the monitoring's dashboard and analytical report take for a school of realistic size, and how much
the application adds to the bare queries (issue 12). Not a test: run it by hand,

    .venv/bin/python benchmarks/monitoring_dashboard.py

The data (monitoring.tests.bulk: 1,500 people, ~20,000 answers, last year's programme beside it) live in a
temporary SQLite database, migrated here. Measured, each REPEAT times in turns, medians printed:
(a) the bare queries: kpis_for and effects_for on the two programmes — what the database must do anyway;
(b) the dashboard page as the coordinator gets it (the same queries + tables + template);
(c) the report: the .xlsx, and the PDF (figures, pygal SVG charts, WeasyPrint)."""

import statistics
import time
from datetime import date

from bench_setup import temporary_django  # noqa: E402

TMP = temporary_django("bench-monitoring-")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Membership, Organization, Person, Role, User  # noqa: E402
from mentoring.models import MentoringForm, Programme  # noqa: E402
from monitoring.documents.report import render_report, report_xlsx  # noqa: E402
from monitoring.selectors.effect import effects_for  # noqa: E402
from monitoring.selectors.kpis import kpis_for  # noqa: E402
from monitoring.tests.bulk import FORMS, build_school  # noqa: E402

REPEAT = 3


def build():
    settings.ALLOWED_HOSTS = ["testserver"]
    school = Organization.objects.create(
        full_name="МБОУ «Средняя общеобразовательная школа № 1»",
        short_name="СОШ № 1",
        director_name="Терешкова Валентина Петровна",
    )
    person = Person.objects.create(
        organization=school, last_name="Зерщикова", first_name="Анна", sex="F", kind="staff"
    )
    user = User.objects.create_user("coordinator", password="x")
    person.user = user
    person.save()
    Membership.objects.create(user=user, organization=school, role=Role.COORDINATOR)
    programmes = [
        Programme.objects.create(
            organization=school, year=year, start_date=date(year, 9, 1), end_date=date(year + 1, 6, 30)
        )
        for year in (2024, 2025)
    ]
    for programme in programmes:
        programme.forms.set(MentoringForm.objects.filter(code__in=FORMS))
    sizes = build_school(school, programmes[1], by=user)
    return user, programmes, sizes


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main():
    call_command("migrate", verbosity=0)
    user, programmes, sizes = build()
    programme = programmes[1]
    print(
        f"Data: {sizes['people']} people, {sizes['pairs']} pairs, {sizes['places']} mentees, {sizes['answers']} answers"
    )
    client = Client()
    client.force_login(user)
    url = reverse("monitoring:dashboard") + f"?programme={programme.pk}"
    today = timezone.localdate()

    def bare():
        kpis_for(programmes, today=today)
        effects_for([p.pk for p in programmes])

    runs = {"bare": [], "dashboard": [], "xlsx": [], "pdf": []}
    for _ in range(REPEAT):
        runs["bare"].append(timed(bare))
        runs["dashboard"].append(timed(lambda: client.get(url)))
        runs["xlsx"].append(timed(lambda: report_xlsx(programme, today=today)))
        runs["pdf"].append(timed(lambda: render_report(programme, today=today)))
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    medians = {key: statistics.median(values) for key, values in runs.items()}
    print(f"bare queries (KPIs + stage 2 of 2 programmes): {medians['bare'] * 1000:8.0f} ms")
    for key, label in (("dashboard", "dashboard page"), ("xlsx", "report .xlsx"), ("pdf", "report PDF")):
        print(
            f"{label:48s} {medians[key] * 1000:8.0f} ms  ×{medians[key] / medians['bare']:.1f} of the bare queries"
        )
    print(f"dashboard page: {len(queries)} SQL queries")


if __name__ == "__main__":
    main()
