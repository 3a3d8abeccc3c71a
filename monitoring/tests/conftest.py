"""Fixtures of the monitoring tests: the standard set copied into the world's school, small questionnaires built
through the builder's services, campaigns launched and answered through the answering service."""

from datetime import timedelta

import pytest
from django.utils import timezone

from monitoring import services
from monitoring.models import Campaign, Question, Questionnaire, Section, SurveyInvitation


@pytest.fixture
def standard(world):
    """The standard set in the world's school: standard code → questionnaire."""
    services.standard_set_install(organization=world.school, by=world.users["coordinator"])
    return {q.standard_code: q for q in world.school.questionnaires.all()}


def make_questionnaire(
    world, questions, *, kind="other", respondent="any", sections=1, title="Проверочная анкета"
):
    """`questions`: (text, type, extra fields), cut into `sections` sections of consecutive questions."""
    by = world.users["coordinator"]
    questionnaire = services.questionnaire_save(
        questionnaire=Questionnaire(organization=world.school, title=title, kind=kind, respondent=respondent),
        by=by,
    )
    parts = [
        services.section_save(section=Section(questionnaire=questionnaire, title=f"Раздел {n + 1}"), by=by)
        for n in range(sections)
    ]
    for index, (text, type_, extra) in enumerate(questions):
        services.question_save(
            question=Question(
                questionnaire=questionnaire,
                section=parts[index * sections // len(questions)],
                text=text,
                type=type_,
                **extra,
            ),
            by=by,
        )
    return questionnaire


def make_campaign(world, programme, questionnaire, *, launch=True, pairs=None, people=None, **fields):
    today = timezone.localdate()
    values = {
        "title": questionnaire.title,
        "audience": Campaign.Audience.PEOPLE,
        "opens_on": today,
        "closes_on": today + timedelta(days=14),
    }
    values.update(fields)
    campaign = services.campaign_save(
        campaign=Campaign(
            organization=world.school, programme=programme, questionnaire=questionnaire, **values
        ),
        pairs=pairs,
        people=people,
        by=world.users["coordinator"],
    )
    if launch:
        services.campaign_launch(campaign=campaign, by=world.users["coordinator"])
        campaign.refresh_from_db()
    return campaign


def invitation_of(campaign, person) -> SurveyInvitation:
    return campaign.invitations.select_related("campaign__questionnaire", "person").get(person=person)


def answer_all(invitation, by_text: dict, *, submit=True):
    """Answer every section through the service: question text → Value (missing questions stay empty)."""
    questionnaire = invitation.campaign.questionnaire
    sections = list(questionnaire.sections.prefetch_related("questions"))
    response = None
    for index, section in enumerate(sections):
        values = {q.pk: by_text.get(q.text, services.Value()) for q in section.questions.all()}
        last = index == len(sections) - 1
        response = services.answer_section_save(
            invitation=invitation, section=section, values=values, submit=submit and last
        )
    return response
