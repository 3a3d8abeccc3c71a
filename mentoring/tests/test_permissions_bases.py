"""Programmes, the catalogue and the two bases in the permission grid: every URL × every role, with the
objects of the own school and of another one."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.urls import reverse

from accounts.tests.test_permissions import ALL, expect
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


VIEW = {"coordinator": 200, "curator": 200, "director": 200, "other_coordinator": 200}
MANAGE = {"coordinator": 200, "curator": 200, "other_coordinator": 200}
OWN_VIEW = {"coordinator": 200, "curator": 200, "director": 200, "other_coordinator": 404}
OWN_MANAGE = {"coordinator": 200, "curator": 200, "other_coordinator": 404}
FOREIGN_VIEW = {"coordinator": 404, "curator": 404, "director": 404, "other_coordinator": 200}
FOREIGN_MANAGE = {"coordinator": 404, "curator": 404, "other_coordinator": 200}

GET_GRID = [
    ("mentoring:programme.list", lambda o: [], expect(403, **VIEW)),
    ("mentoring:programme.create", lambda o: [], expect(403, coordinator=200, other_coordinator=200)),
    ("mentoring:programme.detail", lambda o: [o.programme.pk], expect(403, **OWN_VIEW)),
    ("mentoring:programme.detail", lambda o: [o.foreign_programme.pk], expect(403, **FOREIGN_VIEW)),
    (
        "mentoring:programme.update",
        lambda o: [o.programme.pk],
        expect(403, coordinator=200, other_coordinator=404),
    ),
    (
        "mentoring:programme.update",
        lambda o: [o.foreign_programme.pk],
        expect(403, coordinator=404, other_coordinator=200),
    ),
    ("mentoring:catalogue", lambda o: [], expect(200)),
    ("mentoring:mentor_base.list", lambda o: [], expect(403, **VIEW)),
    ("mentoring:mentor_base.create", lambda o: [], expect(403, **MANAGE)),
    ("mentoring:mentor_base.update", lambda o: [o.mentor.pk], expect(403, **OWN_MANAGE)),
    ("mentoring:mentor_base.update", lambda o: [o.foreign_mentor.pk], expect(403, **FOREIGN_MANAGE)),
    ("mentoring:mentee_base.list", lambda o: [], expect(403, **VIEW)),
    ("mentoring:mentee_base.create", lambda o: [], expect(403, **MANAGE)),
    ("mentoring:mentee_base.update", lambda o: [o.mentee.pk], expect(403, **OWN_MANAGE)),
    ("mentoring:mentee_base.update", lambda o: [o.foreign_mentee.pk], expect(403, **FOREIGN_MANAGE)),
    ("mentoring:mentee_base.unpaired", lambda o: [], expect(403, **VIEW)),
]

OWN_POST = {"coordinator": 302, "other_coordinator": 404}
POST_GRID = [
    (
        "mentoring:programme.curator.add",
        lambda o: [o.programme.pk],
        lambda w, o: {"curator": w.users["curator"].pk},
        expect(403, **OWN_POST),
    ),
    (
        "mentoring:programme.curator.add",
        lambda o: [o.foreign_programme.pk],
        lambda w, o: {"curator": w.users["other_coordinator"].pk},
        expect(403, coordinator=404, other_coordinator=302),
    ),
    (
        "mentoring:programme.curator.delete",
        lambda o: [o.programme.pk, o.area.pk],
        lambda w, o: {},
        expect(403, **OWN_POST),
    ),
    (
        "mentoring:mentee_base.unpaired",
        lambda o: [],
        lambda w, o: {"profile": o.mentee.pk, "support_given": "беседа с психологом"},
        expect(403, coordinator=302, curator=302, other_coordinator=404),
    ),
    (
        "mentoring:mentee_base.unpaired",
        lambda o: [],
        lambda w, o: {"profile": o.foreign_mentee.pk, "support_given": "консультация"},
        expect(403, coordinator=404, curator=404, other_coordinator=302),
    ),
]


def _cases(grid):
    return [(row[:-1], role, row[-1][role]) for row in grid for role in ALL]


def _id(case):
    (name, *_), role, status = case
    return f"{name}-{role or 'anonymous'}-{status}"


@pytest.mark.parametrize(("row", "role", "status"), _cases(GET_GRID), ids=[_id(c) for c in _cases(GET_GRID)])
def test_get_grid(world, client, objects, row, role, status):
    name, args = row
    response = world.client(client, role).get(reverse(name, args=args(objects)))
    assert response.status_code == status
    if role is None:
        assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    ("row", "role", "status"), _cases(POST_GRID), ids=[_id(c) for c in _cases(POST_GRID)]
)
def test_post_grid(world, client, objects, row, role, status):
    name, args, data = row
    response = world.client(client, role).post(reverse(name, args=args(objects)), data(world, objects))
    assert response.status_code == status
    if role is None:
        assert "/login/" in response["Location"]


XLSX_CASES = [
    (name, role, expect(403, **VIEW)[role])
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


@pytest.mark.parametrize("name", ["mentoring:programme.curator.add", "mentoring:programme.curator.delete"])
def test_curator_actions_refuse_get(world, client, objects, name):
    args = [objects.programme.pk] + ([objects.area.pk] if name.endswith("delete") else [])
    assert world.client(client, "coordinator").get(reverse(name, args=args)).status_code == 405
