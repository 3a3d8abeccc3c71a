"""Answering: a section at a time (nothing typed is lost when the network drops later), then the submission,
which counts the response once and for all.

The number of queries of a section does not depend on its number of questions: the answers are written in one
upsert. A minor answers only with a valid parent consent: without it nothing is recorded. An anonymous
response keeps no person; its draft is found by the link's draft key, erased at submission."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.infra.tokens import LinkError
from accounts.services import audit
from accounts.services.consents import has_valid_consent
from monitoring.models import Answer, Campaign, Question, Response, Section, SurveyInvitation
from monitoring.models.questionnaires import INTAKE_KINDS

from .intake import proposal_from_response


@dataclass
class Value:
    """One question's answer as the form cleaned it; `empty` answers remove a saved one."""

    number: float | None = None
    text: str = ""
    other: str = ""
    choices: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.number is None and not self.text and not self.other and not self.choices


CLOSED = ("Опрос завершён", "Приём ответов закончился. Спасибо за внимание!")


def invitation_check(token: str, *, lock: bool = False) -> SurveyInvitation:
    """The invitation behind a link, or LinkError saying in Russian why it cannot be used now."""
    queryset = SurveyInvitation.objects.select_related(
        "campaign__questionnaire", "campaign__organization", "person", "form", "pair"
    )
    invitation = SurveyInvitation.check_token(token, queryset=queryset, lock=lock)
    campaign, today = invitation.campaign, timezone.localdate()
    if campaign.status == Campaign.Status.CLOSED or today > campaign.closes_on:
        raise LinkError(*CLOSED)
    if today < campaign.opens_on:
        raise LinkError("Опрос ещё не начался", f"Ответить можно будет с {campaign.opens_on:%d.%m.%Y}.")
    return invitation


def consent_missing(invitation: SurveyInvitation) -> bool:
    """A minor takes part (and answers) only with a valid consent signed by a legal representative."""
    person = invitation.person
    return person.is_minor() and not has_valid_consent(person)


def draft_of(invitation: SurveyInvitation) -> Response | None:
    campaign = invitation.campaign
    if campaign.anonymous:
        return Response.objects.filter(campaign=campaign, draft_key=invitation.draft_key()).first()
    return Response.objects.filter(campaign=campaign, person=invitation.person).first()


def _response(invitation: SurveyInvitation) -> Response:
    response = draft_of(invitation)
    if response is not None:
        return response
    campaign = invitation.campaign
    response = Response(campaign=campaign, role=invitation.role, form=invitation.form)
    if campaign.anonymous:
        response.draft_key = invitation.draft_key()
    else:
        response.person, response.pair = invitation.person, invitation.pair
    response.save()
    return response


@transaction.atomic
def answer_section_save(
    *, invitation: SurveyInvitation, section: Section, values: dict[int, Value], submit: bool = False, by=None
) -> Response:
    """Save the answers of one section (`values`: question id → Value) and, with `submit`, hand the response in.

    A draft section is not an act of its own and leaves no audit entry; the submission does."""
    campaign = invitation.campaign
    if invitation.used_at is not None:
        raise LinkError(*SurveyInvitation.MESSAGES["used"])
    if not campaign.accepts_answers_on(timezone.localdate()):
        raise LinkError(*CLOSED)
    if consent_missing(invitation):
        raise ValidationError(
            "Ответить на анкету можно только с согласия родителя (законного представителя) на участие в программе."
        )
    if section.questionnaire_id != campaign.questionnaire_id:
        raise ValidationError("Раздел из другой анкеты.")
    response = _response(invitation)
    keep = [
        Answer(response=response, question_id=question_id, **value.__dict__)
        for question_id, value in values.items()
        if not value.empty
    ]
    cleared = [question_id for question_id, value in values.items() if value.empty]
    if keep:
        Answer.objects.bulk_create(
            keep,
            update_conflicts=True,
            unique_fields=["response", "question"],
            update_fields=["number", "text", "other", "choices"],
        )
    if cleared:
        Answer.objects.filter(response=response, question_id__in=cleared).delete()
    response.saved_at = campaign.moment()
    positions = list(campaign.questionnaire.sections.values_list("pk", flat=True))
    response.next_section = min(positions.index(section.pk) + 1, len(positions) - 1)
    if submit:
        _submit(invitation, response, by)
    else:
        response.save(update_fields=["saved_at", "next_section"])
    return response


def missing_required(response: Response) -> Section | None:
    """The first section with a required question left unanswered."""
    answered = Answer.objects.filter(response=response).values("question_id")
    question = (
        Question.objects.filter(questionnaire_id=response.campaign.questionnaire_id, required=True)
        .exclude(pk__in=answered)
        .select_related("section")
        .order_by("section__position", "section_id", "position")
        .first()
    )
    return question.section if question is not None else None


def _submit(invitation: SurveyInvitation, response: Response, by) -> None:
    campaign = invitation.campaign
    section = missing_required(response)
    if section is not None:
        response.save(update_fields=["saved_at", "next_section"])
        raise ValidationError(
            f"В разделе «{section.title}» остались обязательные вопросы без ответа.",
            code=f"section:{section.pk}",
        )
    moment = campaign.moment()
    response.submitted_at, response.draft_key = moment, None
    response.save(update_fields=["saved_at", "next_section", "submitted_at", "draft_key"])
    invitation.used_at = moment
    invitation.save(update_fields=["used_at"])
    if campaign.questionnaire.kind in INTAKE_KINDS:
        proposal_from_response(response)
    # The audit names the campaign, not the response: an anonymous answer must not be traceable to its person.
    audit(
        organization=campaign.organization,
        actor=by,
        action="campaign.answer",
        obj=campaign,
        **({} if campaign.anonymous else {"person": invitation.person_id}),
    )
