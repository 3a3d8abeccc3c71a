"""Permissions of the programmes and the bases beyond the grid (mentoring/tests/grid_rows.py): the .xlsx
export and a curator area of another programme."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.urls import reverse

from accounts.testing.grid import ALL, expect
from conftest import make_bases, make_person
from mentoring.models import MenteeProfile, MentoringForm, MentorProfile, Programme, ProgrammeCurator


@dataclass
class Objects:
    programme: Programme
    mentor: MentorProfile
    mentee: MenteeProfile
    area: ProgrammeCurator
    foreign_programme: Programme
    foreign_mentor: MentorProfile
    foreign_mentee: MenteeProfile


@pytest.fixture
def objects(world, programme):
    make_bases(world)
    other = world.other
    foreign = Programme.objects.create(
        organization=other, year=2025, start_date=date(2025, 9, 1), end_date=date(2026, 6, 30)
    )
    foreign.forms.add(MentoringForm.objects.get(code="teacher_teacher"))
    return Objects(
        programme=programme,
        mentor=world.persons["mentor"].mentor_profile,
        mentee=world.persons["stranger_child"].mentee_profile,
        area=programme.curators.get(curator=world.users["curator"]),
        foreign_programme=foreign,
        foreign_mentor=MentorProfile.objects.create(
            organization=other, person=world.persons["other_teacher"], entered_on=date(2025, 9, 1)
        ),
        foreign_mentee=MenteeProfile.objects.create(
            organization=other,
            person=make_person(other, "Новенькая", "Анна"),
            entered_on=date(2025, 9, 1),
            main_request="адаптация",
        ),
    )


XLSX_CASES = [
    (name, role, expect(403, coordinator=200, curator=200, director=200, other_coordinator=200)[role])
    for name in ["mentoring:mentor_base.list", "mentoring:mentee_base.list"]
    for role in ALL
]


@pytest.mark.parametrize(("name", "role", "status"), XLSX_CASES)
def test_the_xlsx_export_follows_the_list_rules(world, client, objects, name, role, status):
    response = world.client(client, role).get(reverse(name), {"format": "xlsx"})
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"].endswith("spreadsheetml.sheet")


def test_a_curator_area_of_another_programme_is_not_found(world, client, objects):
    foreign_area = ProgrammeCurator.objects.create(
        programme=objects.foreign_programme, curator=world.users["other_coordinator"]
    )
    url = reverse("mentoring:programme.curator.delete", args=[objects.programme.pk, foreign_area.pk])
    assert world.client(client, "coordinator").post(url).status_code == 404
    assert ProgrammeCurator.objects.filter(pk=foreign_area.pk).exists()
