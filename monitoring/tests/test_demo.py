"""The monitoring's demo: what a first look needs, and a second run changes nothing."""

import pytest
from django.urls import reverse

from mentoring.demo import build_demo as build_mentoring_demo
from monitoring.demo import build_demo
from monitoring.models import Answer, Campaign, IntakeProposal, Response, SurveyInvitation, Swot
from monitoring.selectors import results_of
from monitoring.selectors.kpis import kpis_of
from monitoring.services import consent_missing
from monitoring.standard_set import STANDARD_SET

pytestmark = pytest.mark.django_db


def counts():
    return [model.objects.count() for model in (Campaign, SurveyInvitation, Response, Answer, IntakeProposal)]


def test_the_demo_has_a_year_of_questionnaires_and_a_second_run_changes_nothing(client):
    school, other = build_mentoring_demo()
    build_demo(school, other)
    before = counts()
    build_demo(school, other)
    assert counts() == before

    assert school.questionnaires.exclude(standard_code="").count() == len(STANDARD_SET)
    campaigns = {
        campaign.questionnaire.kind: campaign for campaign in school.campaigns.select_related("questionnaire")
    }
    intake = campaigns["mentor_intake"]
    base = school.mentor_profiles.count()
    assert intake.invitations.filter(used_at__isnull=False).count() > base / 2  # most of the base answered
    proposals = IntakeProposal.objects.filter(response__campaign=intake)
    assert {p.status for p in proposals} == {"accepted", "pending"}

    satisfaction = school.campaigns.get(anonymous=True, questionnaire__kind="satisfaction")
    results = results_of(satisfaction)
    assert satisfaction.anonymous and not results["hidden"] and results["respondents"] >= 5
    assert not Response.objects.filter(campaign=satisfaction, person__isnull=False).exists()

    comparison = results_of(campaigns["exit"])["comparison"]
    assert comparison["rows"] and all(row["count"] >= 5 for row in comparison["rows"])
    assert all(row["delta"] > 0 for row in comparison["rows"] if not row["code"].startswith("anxiety"))
    assert all(row["delta"] < 0 for row in comparison["rows"] if row["code"].startswith("anxiety"))

    # The completed year gives the dashboard and the report real figures: stage 1 per form, stage 2, the SWOT.
    year = school.programmes.get(year=2025)
    k = kpis_of(year, today=year.end_date)
    assert k.satisfaction_by_form and all(v and 5 <= v <= 10 for v in k.satisfaction_by_form.values())
    assert k.effect_compared >= 5 and k.effect_improved > k.effect_compared / 2
    swot = Swot.objects.get(programme=year)
    assert " из 10 (" in swot.strengths and swot.conclusions and swot.proposals

    running = campaigns["interim"]
    assert running.status == Campaign.Status.OPEN
    blocked = [
        inv for inv in running.invitations.select_related("campaign", "person") if consent_missing(inv)
    ]
    assert blocked and all(not inv.answered for inv in blocked)
    page = client.get(reverse("monitoring:answer", args=[blocked[0].link_token()])).content.decode()
    assert "Пока ответить нельзя" in page
