"""Permissions of a pair's work beyond the grid (mentoring/tests/grid_rows.py): a mentee's own plan, a draft
review the director does not read.
"""

from datetime import date

import pytest
from django.urls import reverse

from mentoring import services
from mentoring.models import SafeguardingReport
from mentoring.tests.factories import add_item, make_plan
from mentoring.tests.test_reviews import COMPLETE, make_active_pair


@pytest.fixture
def objects(world, programme, active_pair):
    mentor = world.users["mentor"]
    plan = make_plan(active_pair, by=mentor)
    child = world.persons["child"]
    return {
        "pair": active_pair,
        "plan": plan,
        "item": add_item(plan, by=mentor),
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


def test_a_mentee_sees_their_own_plan(world, client, objects):
    plan = make_plan(objects["teachers"], by=world.users["mentor"])
    client = world.client(client, "mentee")
    assert client.get(reverse("mentoring:plan.detail", args=[plan.pk])).status_code == 200
    assert client.get(reverse("mentoring:plan.update", args=[plan.pk])).status_code == 403


def test_the_director_does_not_read_a_draft_review(world, client, active_pair):
    services.review_save(
        pair=active_pair, mentee=world.persons["child"], answers={}, by=world.users["mentor"]
    )
    url = reverse("mentoring:review.edit", args=[active_pair.pk, world.persons["child"].pk])
    assert world.client(client, "director").get(url).status_code == 403
