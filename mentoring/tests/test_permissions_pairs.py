"""Pairs in the permission grid: every URL × every role, the pair of the own school and of another."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Organization
from accounts.tests.test_permissions import ALL, expect
from conftest import make_person
from mentoring import services
from mentoring.models import MenteeProfile, MentoringForm, MentorProfile, Programme


@pytest.fixture
def foreign_pair(world):
    """A pair of the other school, to be a 404 for everyone of ours — and for the other coordinator, visible."""
    other: Organization = world.other
    programme = Programme.objects.create(
        organization=other, year=2025, start_date=date(2025, 9, 1), end_date=date(2026, 6, 30)
    )
    form = MentoringForm.objects.get(code="teacher_teacher")
    programme.forms.add(form)
    mentor, mentee = world.persons["other_teacher"], make_person(other, "Новенькая", "Анна", "Ивановна")
    MentorProfile.objects.create(organization=other, person=mentor, entered_on=date(2025, 9, 1))
    MenteeProfile.objects.create(
        organization=other, person=mentee, entered_on=date(2025, 9, 1), main_request="адаптация"
    )
    return services.pair_create(
        programme=programme,
        form=form,
        mentor=mentor,
        mentees=[mentee],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 1),
        by=None,
    )


SEE = {"coordinator": 200, "director": 200, "curator": 200, "mentor": 200, "parent": 200}
# The active pair is «Учитель – ученик»: the curator's area; the mentee actor is not in it.
GET_GRID = [
    ("mentoring:pair.list", lambda w, p, f: [], expect(200)),
    (
        "mentoring:pair.create",
        lambda w, p, f: [],
        expect(403, coordinator=200, curator=200, other_coordinator=200),
    ),
    ("mentoring:pair.detail", lambda w, p, f: [p.pk], expect(404, **SEE)),
    ("mentoring:pair.detail", lambda w, p, f: [f.pk], expect(404, other_coordinator=200)),
]
POST_GRID = [
    # Lifecycle actions: managers only (the coordinator and the pair's curator); 404 if not visible at all.
    (
        "mentoring:pair.activate",
        lambda w, p, f: [p.pk],
        expect(404, coordinator=302, curator=302, director=403, mentor=403, parent=403),
    ),
    (
        "mentoring:pair.terminate",
        lambda w, p, f: [p.pk],
        expect(404, coordinator=302, curator=302, director=403, mentor=403, parent=403),
    ),
    ("mentoring:pair.terminate", lambda w, p, f: [f.pk], expect(404, other_coordinator=302)),
    # Replacement is drafted as an order: the coordinator's; the curator manages the pair but drafts no orders.
    (
        "mentoring:pair.replace_mentor",
        lambda w, p, f: [p.pk],
        expect(404, coordinator=302, curator=403, director=403, mentor=403, parent=403),
    ),
    (
        "mentoring:pair.mentee.add",
        lambda w, p, f: [p.pk],
        expect(404, coordinator=302, curator=302, director=403, mentor=403, parent=403),
    ),
]


def _cases(grid):
    return [(name, args, role, table[role]) for name, args, table in grid for role in ALL]


@pytest.mark.parametrize(("name", "args", "role", "status"), _cases(GET_GRID))
def test_get_grid(world, client, active_pair, foreign_pair, name, args, role, status):
    response = world.client(client, role).get(reverse(name, args=args(world, active_pair, foreign_pair)))
    assert response.status_code == status


@pytest.mark.parametrize(("name", "args", "role", "status"), _cases(POST_GRID))
def test_post_grid(world, client, active_pair, foreign_pair, name, args, role, status):
    response = world.client(client, role).post(reverse(name, args=args(world, active_pair, foreign_pair)), {})
    assert response.status_code == status
    if role is None:
        assert "/login/" in response["Location"]


def test_actions_refuse_get(world, client, active_pair):
    assert (
        world.client(client, "coordinator")
        .get(reverse("mentoring:pair.complete", args=[active_pair.pk]))
        .status_code
        == 405
    )
