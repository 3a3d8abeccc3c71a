"""The permission grid of the plan, meeting, review and safeguarding URLs: every URL × every role.

The objects belong to the world's school: the active pair «Учитель – ученик» (the mentor with the parent's
child, in the curator's area) with a plan, a row, a submitted review and a safeguarding report, and a
working pair «Учитель – учитель» (the mentor with the world's mentee, outside the curator's area) without a
plan. The coordinator of the other school is the «another organisation» column: every object is a 404 to them.
"""

from datetime import date

import pytest
from django.urls import reverse

from accounts.tests.test_permissions import ALL, expect
from mentoring import services
from mentoring.models import SafeguardingReport
from mentoring.tests.test_plans import add_item, make_plan
from mentoring.tests.test_reviews import COMPLETE, make_active_pair


@pytest.fixture
def objects(world, programme, active_pair):
    mentor = world.users["mentor"]
    plan = make_plan(active_pair, mentor)
    child = world.persons["child"]
    return {
        "pair": active_pair,
        "plan": plan,
        "item": add_item(plan, mentor),
        "review": services.review_save(
            pair=active_pair, mentee=child, answers=COMPLETE, submit=True, by=mentor
        ),
        "report": services.safeguarding_report(
            pair=active_pair,
            mentee=child,
            kind=SafeguardingReport.Kind.THREAT,
            description="Говорил о бессмысленности жизни",
            by=mentor,
        ),
        "teachers": make_active_pair(
            world, programme, form="teacher_teacher", mentee="mentee", end=date(2026, 6, 30)
        ),
    }


EDITORS = {"coordinator": 200, "curator": 200, "director": 403, "mentor": 200, "parent": 403}
EDITORS_POST = {"coordinator": 302, "curator": 302, "director": 403, "mentor": 302, "parent": 403}

GRID = [
    (
        "mentoring:plan.create",
        lambda w, o: [o["teachers"].pk],
        expect(404, coordinator=200, director=403, mentor=200, mentee=403),
    ),
    (
        "mentoring:plan.detail",
        lambda w, o: [o["plan"].pk],
        expect(404, coordinator=200, curator=200, director=200, mentor=200, parent=200),
    ),
    ("mentoring:plan.update", lambda w, o: [o["plan"].pk], expect(404, **EDITORS)),
    ("mentoring:plan.item.create", lambda w, o: [o["plan"].pk], expect(404, **EDITORS)),
    ("mentoring:plan.item.update", lambda w, o: [o["plan"].pk, o["item"].pk], expect(404, **EDITORS)),
    ("mentoring:meeting.create", lambda w, o: [o["pair"].pk], expect(404, **EDITORS)),
    (
        "mentoring:meeting.create",
        lambda w, o: [o["teachers"].pk],
        expect(404, coordinator=200, director=403, mentor=200, mentee=403),
    ),
    # the review is submitted: the director reads it too
    (
        "mentoring:review.edit",
        lambda w, o: [o["pair"].pk, w.persons["child"].pk],
        expect(404, **{**EDITORS, "director": 200}),
    ),
    (
        "mentoring:review.list",
        lambda w, o: [],
        expect(403, coordinator=200, curator=200, other_coordinator=200),
    ),
    (
        "mentoring:safeguarding.create",
        lambda w, o: [o["pair"].pk],
        expect(404, coordinator=403, curator=403, director=403, mentor=200, parent=403),
    ),
    (
        "mentoring:safeguarding.list",
        lambda w, o: [],
        expect(403, coordinator=200, curator=200, other_coordinator=200),
    ),
    (
        "mentoring:safeguarding.detail",
        lambda w, o: [o["report"].pk],
        expect(404, coordinator=200, curator=200),
    ),
]

POST_GRID = [
    ("mentoring:plan.item.delete", lambda w, o: [o["plan"].pk, o["item"].pk], expect(404, **EDITORS_POST)),
    (
        "mentoring:plan.submit",
        lambda w, o: [o["plan"].pk],
        expect(404, coordinator=403, curator=403, director=403, mentor=302, parent=403),
    ),
    (
        "mentoring:plan.approve",
        lambda w, o: [o["plan"].pk],
        expect(404, coordinator=302, curator=302, director=403, mentor=403, parent=403),
    ),
    (
        "mentoring:plan.mark",
        lambda w, o: [o["plan"].pk],
        expect(404, coordinator=302, curator=302, director=403, mentor=302, parent=403),
    ),
    (
        "mentoring:review.acknowledge",
        lambda w, o: [o["review"].pk],
        expect(403, coordinator=302, curator=302, other_coordinator=404),
    ),
]

CASES = [("get", *row[:2], role, row[2][role]) for row in GRID for role in ALL]
CASES += [("post", *row[:2], role, row[2][role]) for row in POST_GRID for role in ALL]


@pytest.mark.parametrize(
    ("method", "name", "args", "role", "status"),
    CASES,
    ids=[f"{n}-{method}-{name}-{role or 'anonymous'}" for n, (method, name, _, role, _) in enumerate(CASES)],
)
def test_permission_grid(world, client, objects, method, name, args, role, status):
    url = reverse(name, args=args(world, objects))
    response = getattr(world.client(client, role), method)(url)
    assert response.status_code == status, response.content[:300]
    if status == 302 and role is None:
        assert "/login/" in response["Location"]


def test_grid_covers_every_role():
    for _, _, table in GRID + POST_GRID:
        assert set(table) == set(ALL)


@pytest.mark.parametrize("row", POST_GRID, ids=[row[0] for row in POST_GRID])
def test_state_changing_urls_refuse_get(world, client, objects, row):
    name, args, _ = row
    assert (
        world.client(client, "coordinator").get(reverse(name, args=args(world, objects))).status_code == 405
    )


def test_a_mentee_sees_their_own_plan(world, client, objects):
    plan = make_plan(objects["teachers"], world.users["mentor"])
    client = world.client(client, "mentee")
    assert client.get(reverse("mentoring:plan.detail", args=[plan.pk])).status_code == 200
    assert client.get(reverse("mentoring:plan.update", args=[plan.pk])).status_code == 403


def test_the_director_does_not_read_a_draft_review(world, client, active_pair):
    services.review_save(
        pair=active_pair, mentee=world.persons["child"], answers={}, by=world.users["mentor"]
    )
    url = reverse("mentoring:review.edit", args=[active_pair.pk, world.persons["child"].pk])
    assert world.client(client, "director").get(url).status_code == 403
