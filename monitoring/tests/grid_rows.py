"""The monitoring in the permission grid (see accounts.testing.grid).

The world's school has the standard set; a custom questionnaire with two sections; a running named campaign
(the mentee actor and a teacher without an e-mail are invited, the teacher's intake answer is in); a draft
campaign; a pending intake proposal. The other school has a questionnaire, a campaign and a proposal: each is a
404 to the world's school and open to the other coordinator.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.testing.grid import expect, get, post
from conftest import make_person
from mentoring.models import Programme
from monitoring import services
from monitoring.models import Campaign, Question, Questionnaire, Section


def _questionnaire(organization, by, title="Проверочная анкета"):
    questionnaire = services.questionnaire_save(
        questionnaire=Questionnaire(organization=organization, title=title), by=by
    )
    sections = [
        services.section_save(section=Section(questionnaire=questionnaire, title=f"Раздел {n}"), by=by)
        for n in (1, 2)
    ]
    question = services.question_save(
        question=Question(questionnaire=questionnaire, section=sections[0], text="Как дела?", type="scale10"),
        by=by,
    )
    return questionnaire, sections[0], question


def _campaign(organization, programme, questionnaire, people, by, *, launch=True):
    today = timezone.localdate()
    campaign = services.campaign_save(
        campaign=Campaign(
            organization=organization,
            programme=programme,
            questionnaire=questionnaire,
            title=questionnaire.title,
            audience=Campaign.Audience.PEOPLE,
            opens_on=today,
            closes_on=today + timedelta(days=14),
        ),
        people=people,
        by=by,
    )
    if launch:
        services.campaign_launch(campaign=campaign, by=by)
        campaign.refresh_from_db()
    return campaign


def _plausible(question) -> services.Value:
    """Some answer of the question's type (the texts are «Физика»)."""
    if question.type in ("scale10", "scale5", "yes_no", "number"):
        return services.Value(number=1)
    if question.type == "single":
        return services.Value(text=question.options[0])
    if question.type == "multiple":
        return services.Value(choices=question.options[:1])
    return services.Value(text="Физика")


def _proposal(organization, programme, intake, person, by):
    """The person answers the potential mentor's questionnaire: their proposal waits for the coordinator."""
    campaign = _campaign(organization, programme, intake, [person], by)
    invitation = campaign.invitations.get()
    sections = list(intake.sections.prefetch_related("questions"))
    for index, section in enumerate(sections):
        values = {
            q.pk: _plausible(q) for q in section.questions.all() if q.type not in ("mentors", "mentees")
        }
        services.answer_section_save(
            invitation=invitation, section=section, values=values, submit=index == len(sections) - 1
        )
    return organization.intake_proposals.get(person=person)


def build(world) -> None:
    o, coordinator = world.o, world.users["coordinator"]
    services.standard_set_install(organization=world.school, by=coordinator)
    o.survey, o.survey_section, o.survey_question = _questionnaire(world.school, coordinator)
    candidate = make_person(world.school, "Кандидатова", "Нина", "Петровна")
    o.survey_campaign = _campaign(
        world.school, o.programme, o.survey, [world.persons["mentee"], candidate], coordinator
    )
    o.survey_draft = _campaign(
        world.school, o.programme, o.survey, [world.persons["mentor"]], coordinator, launch=False
    )
    o.survey_invitation = o.survey_campaign.invitations.get(person=world.persons["mentee"])
    o.survey_token = o.survey_invitation.link_token()
    intake = world.school.questionnaires.get(standard_code="mentor_intake")
    o.proposal = _proposal(world.school, o.programme, intake, candidate, coordinator)

    other, other_coordinator = world.other, world.users["other_coordinator"]
    services.standard_set_install(organization=other, by=other_coordinator)
    o.foreign_survey, _, _ = _questionnaire(other, other_coordinator, "Чужая анкета")
    foreign_programme = Programme.objects.get(organization=other)
    o.foreign_campaign = _campaign(
        other, foreign_programme, o.foreign_survey, [world.persons["other_teacher"]], other_coordinator
    )
    o.foreign_proposal = _proposal(
        other,
        foreign_programme,
        other.questionnaires.get(standard_code="mentor_intake"),
        make_person(other, "Чужая", "Кандидатка", ""),
        other_coordinator,
    )


VIEW = {"coordinator": 200, "curator": 200, "director": 200, "other_coordinator": 200}
OWN_VIEW = {"coordinator": 200, "curator": 200, "director": 200, "other_coordinator": 404}
FOREIGN_VIEW = {"coordinator": 404, "curator": 404, "director": 404, "other_coordinator": 200}
MANAGE = {"coordinator": 200, "other_coordinator": 200}
OWN_MANAGE = {"coordinator": 200, "other_coordinator": 404}
OWN_MANAGE_POST = {"coordinator": 302, "other_coordinator": 404}
INTAKE = {"coordinator": 200, "curator": 200, "other_coordinator": 200}
OWN_INTAKE = {"coordinator": 200, "curator": 200, "other_coordinator": 404}
OWN_INTAKE_POST = {"coordinator": 302, "curator": 302, "other_coordinator": 404}


def pk(name):
    return lambda w: [getattr(w.o, name).pk]


def in_survey(name):
    return lambda w: [w.o.survey.pk, getattr(w.o, name).pk]


ROWS = [
    # The builder
    get("monitoring:questionnaire.list", table=expect(403, **VIEW)),
    get("monitoring:questionnaire.create", table=expect(403, **MANAGE)),
    post("monitoring:questionnaire.standard", table=expect(403, coordinator=302, other_coordinator=302)),
    get("monitoring:questionnaire.detail", pk("survey"), expect(403, **OWN_VIEW)),
    get(
        "monitoring:questionnaire.detail",
        pk("foreign_survey"),
        expect(403, **FOREIGN_VIEW),
        note="another school's",
    ),
    get("monitoring:questionnaire.update", pk("survey"), expect(403, **OWN_MANAGE)),
    get("monitoring:questionnaire.preview", pk("survey"), expect(403, **OWN_VIEW)),
    get(
        "monitoring:questionnaire.preview",
        pk("foreign_survey"),
        expect(403, **FOREIGN_VIEW),
        note="another school's",
    ),
    post("monitoring:questionnaire.copy", pk("survey"), expect(403, **OWN_MANAGE_POST)),
    # Refused for the coordinator too (its campaigns hold answers): the page comes back with the reason.
    post("monitoring:questionnaire.delete", pk("survey"), expect(403, **OWN_MANAGE_POST)),
    get("monitoring:section.create", pk("survey"), expect(403, **OWN_MANAGE)),
    get("monitoring:section.update", in_survey("survey_section"), expect(403, **OWN_MANAGE)),
    post("monitoring:section.delete", in_survey("survey_section"), expect(403, **OWN_MANAGE_POST)),
    get("monitoring:question.create", pk("survey"), expect(403, **OWN_MANAGE)),
    get("monitoring:question.update", in_survey("survey_question"), expect(403, **OWN_MANAGE)),
    post("monitoring:question.delete", in_survey("survey_question"), expect(403, **OWN_MANAGE_POST)),
    post("monitoring:question.move", in_survey("survey_question"), expect(403, **OWN_MANAGE_POST)),
    # Campaigns
    get("monitoring:campaign.list", table=expect(403, **VIEW)),
    get("monitoring:campaign.create", table=expect(403, **MANAGE)),
    get("monitoring:campaign.detail", pk("survey_campaign"), expect(403, **OWN_VIEW)),
    get(
        "monitoring:campaign.detail",
        pk("survey_draft"),
        expect(403, **OWN_VIEW),
        note="a draft: its audience",
    ),
    get(
        "monitoring:campaign.detail",
        pk("foreign_campaign"),
        expect(403, **FOREIGN_VIEW),
        note="another school's",
    ),
    get("monitoring:campaign.update", pk("survey_campaign"), expect(403, **OWN_MANAGE)),
    post("monitoring:campaign.launch", pk("survey_draft"), expect(403, **OWN_MANAGE_POST)),
    post("monitoring:campaign.remind", pk("survey_campaign"), expect(403, **OWN_MANAGE_POST)),
    # The letters hold answer links: the coordinator's only (the invited mentee has no e-mail: a PDF).
    get("monitoring:campaign.letters", pk("survey_campaign"), expect(403, **OWN_MANAGE)),
    post("monitoring:campaign.close", pk("survey_campaign"), expect(403, **OWN_MANAGE_POST)),
    # A launched campaign is refused for the coordinator too (it may only be closed).
    post("monitoring:campaign.delete", pk("survey_campaign"), expect(403, **OWN_MANAGE_POST)),
    get("monitoring:campaign.results", pk("survey_campaign"), expect(403, **OWN_VIEW)),
    get(
        "monitoring:campaign.results",
        pk("foreign_campaign"),
        expect(403, **FOREIGN_VIEW),
        note="another school's",
    ),
    get("monitoring:campaign.export", pk("survey_campaign"), expect(403, **OWN_VIEW)),
    # Answering: the link is public; the account's list is everyone's own; the invited mentee opens theirs.
    get("monitoring:answer", lambda w: [w.o.survey_token], expect(200, anonymous=200)),
    get("monitoring:mine", table=expect(200)),
    get("monitoring:answer.mine", pk("survey_invitation"), expect(404, mentee=302)),
    # Intake into the bases: whoever keeps the bases.
    get("monitoring:intake.list", table=expect(403, **INTAKE)),
    get("monitoring:intake.edit", pk("proposal"), expect(403, **OWN_INTAKE)),
    get(
        "monitoring:intake.edit",
        pk("foreign_proposal"),
        expect(403, coordinator=404, curator=404, other_coordinator=200),
        note="another school's",
    ),
    post("monitoring:intake.accept", pk("proposal"), expect(403, **OWN_INTAKE_POST)),
    post("monitoring:intake.reject", pk("proposal"), expect(403, **OWN_INTAKE_POST)),
]
