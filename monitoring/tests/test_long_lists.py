"""Issue 15, long lists: the campaigns and the intake proposals come a page at a time, in a constant number of
queries however many there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Person
from conftest import make_person
from monitoring.models import IntakeProposal, Response
from monitoring.tests.conftest import make_campaign, make_questionnaire

pytestmark = pytest.mark.django_db


def _grows_by_pages(client, url, grow, marker, per_page, params=None):
    grow(3)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url, params or {}).status_code == 200
    grow(per_page + 5 - 3)
    with CaptureQueriesContext(connection) as large:
        html = client.get(url, params or {}).content.decode()
    assert len(large) == len(small), (len(small), len(large))
    assert html.count(marker) == per_page and "1 из 2" in html
    rest = client.get(url, {**(params or {}), "page": 2}).content.decode()
    assert rest.count(marker) == 5


def test_campaign_list_is_paginated(world, client, programme):
    questionnaire = make_questionnaire(world, [("Как дела?", "text", {})])

    def grow(n):
        for _ in range(n):
            make_campaign(world, programme, questionnaire, launch=False, title="Опрос-метка")

    _grows_by_pages(
        world.client(client, "coordinator"), reverse("monitoring:campaign.list"), grow, "Опрос-метка</a>", 30
    )


def test_intake_proposals_are_paginated_and_keep_the_status_tab(world, client, programme):
    questionnaire = make_questionnaire(world, [("Как дела?", "text", {})], kind="mentor_intake")
    campaign = make_campaign(world, programme, questionnaire, launch=False)

    def grow(n):
        for _ in range(n):
            person = make_person(world.school, "Анкетов", "Пётр", kind=Person.Kind.STAFF)
            response = Response.objects.create(campaign=campaign, person=person, role="mentor")
            IntakeProposal.objects.create(
                organization=world.school,
                response=response,
                person=person,
                base=IntakeProposal.Base.MENTOR,
                status=IntakeProposal.Status.REJECTED,
            )

    _grows_by_pages(
        world.client(client, "coordinator"),
        reverse("monitoring:intake.list"),
        grow,
        "Анкетов Пётр",
        30,
        params={"status": IntakeProposal.Status.REJECTED},
    )


def test_a_campaigns_invited_people_come_a_hundred_at_a_time(world, client, programme):
    questionnaire = make_questionnaire(world, [("Как дела?", "text", {})])
    people = [
        make_person(world.school, f"Приглашённый{n:03d}", "Иван", kind=Person.Kind.STAFF) for n in range(103)
    ]
    campaign = make_campaign(world, programme, questionnaire, people=people)
    coordinator = world.client(client, "coordinator")
    url = campaign.get_absolute_url()
    first = coordinator.get(url).content.decode()
    assert first.count("Приглашённый") == 100 and "Приглашённый000" in first and "1 из 2" in first
    second = coordinator.get(url, {"page": 2}).content.decode()
    assert second.count("Приглашённый") == 3 and "Приглашённый102" in second
