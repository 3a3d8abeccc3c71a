"""The roll-up on the demo: the `observer` of «Управление образования г. Энска» sees both demo schools side by
side with last year beside the demo school's running year, and neither the pages nor the .xlsx name any of the
demo's people. The demo is built once for the module."""

from datetime import date
from io import BytesIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Organization, Person
from accounts.testing.data import built_once
from mentoring.demo import DEMO_LOGINS, DEMO_PASSWORD, OTHER_SCHOOL, SCHOOL
from monitoring.selectors.rollup import rollup_for


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        call_command("demo_data", stdout=open("/dev/null", "w"))
        yield


@pytest.fixture
def observer(demo, db):
    client = Client()
    assert client.login(username="observer", password=DEMO_PASSWORD)
    return client


def test_the_observer_sees_the_two_demo_schools_and_last_year(observer):
    assert "observer" in dict(DEMO_LOGINS)
    school = Organization.objects.get(short_name=SCHOOL)
    page = observer.get(reverse("monitoring:rollup"), {"year": 2026}).content.decode()
    assert SCHOOL in page and OTHER_SCHOOL in page
    assert "Итого в 2025/2026" in page
    # Гимназия № 2 starts its first year: nobody in pairs yet, behind its 10 % targets.
    assert f"{OTHER_SCHOOL}</a>: педагоги: 0 % при цели 10 %" in page
    detail = observer.get(reverse("monitoring:rollup.school", args=[school.pk]), {"year": 2026})
    text = detail.content.decode()
    assert "2025/2026" in text and "Пары и группы по формам" in text
    row = rollup_for(school.parent, today=date(2026, 11, 30), year=2026).row(school.pk)
    assert row.kpis.pairs_total > 0 and row.previous.pairs_total > 0  # the year-over-year comparison


def test_no_demo_person_is_named_in_the_pages_or_the_export(observer):
    texts = []
    for year in (2025, 2026):
        texts.append(observer.get(reverse("monitoring:rollup"), {"year": year}).content.decode())
        for school in Organization.objects.filter(short_name__in=[SCHOOL, OTHER_SCHOOL]):
            url = reverse("monitoring:rollup.school", args=[school.pk])
            texts.append(observer.get(url, {"year": year}).content.decode())
        workbook = load_workbook(
            BytesIO(observer.get(reverse("monitoring:rollup.export"), {"year": year}).content)
        )
        texts.append(
            " ".join(
                str(c) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for c in row
            )
        )
    everything = "\n".join(texts)
    assert "Учитель – ученик" in everything  # the figures are there
    own = Person.objects.filter(user__username="observer")
    people = Person.objects.exclude(pk__in=own)
    assert people.count() > 50
    names = {p.last_name for p in people} | {f"{p.first_name} {p.middle_name}".strip() for p in people}
    names |= set(Organization.objects.exclude(director_name="").values_list("director_name", flat=True))
    names = {name for name in names if len(name) > 3}
    assert not [name for name in names if name in everything]
