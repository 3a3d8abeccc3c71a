"""Intake: a submitted potential-mentor or potential-mentee questionnaire proposes a base entry, built from the
answers to the questions that fill a base field (Question.base_field); the coordinator accepts it as it is or
edited, or rejects it. The base itself is written only by mentoring.services.intake."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.services import audit
from mentoring.models import MenteeCategory, MentorProfile
from mentoring.services.intake import mentee_profile_from_answers, mentor_profile_from_answers
from monitoring.models import BaseField, IntakeProposal, Kind, Response
from monitoring.models.questionnaires import OTHER_LABEL

TEXT_FIELDS = (
    BaseField.COMPETENCIES,
    BaseField.ACHIEVEMENTS,
    BaseField.DESIRED_MENTEE_AGE,
    BaseField.TIME_AVAILABLE,
    BaseField.MAIN_REQUEST,
)


def _interests(answer) -> dict:
    codes = {
        str(label): code
        for code, label in MentorProfile.Interest.choices
        if code != MentorProfile.Interest.OTHER
    }
    chosen = [codes[label] for label in answer.choices if label in codes]
    # Options the coordinator added or renamed, and the respondent's own words, go to «другое».
    other = [label for label in answer.choices if label not in codes and label != OTHER_LABEL]
    if answer.other:
        other.append(answer.other)
    fields = {"interests": chosen}
    if other:
        fields["interests"] = [*chosen, MentorProfile.Interest.OTHER]
        fields["interests_other"] = "; ".join(other)[:300]
    return fields


def fields_from_answers(response: Response) -> dict:
    """The base fields the response's answers fill (empty answers left out)."""
    fields = {}
    answers = response.answers.select_related("question").exclude(question__base_field="")
    for answer in answers:
        name = answer.question.base_field
        if name in TEXT_FIELDS:
            value = answer.other if answer.text == OTHER_LABEL else answer.text or answer.other
            if value:
                fields[name] = value
        elif name == BaseField.INTERESTS:
            fields.update(_interests(answer))
        elif name == BaseField.EXPERIENCE_YEARS and answer.number is not None:
            fields[name] = max(0, int(answer.number))
        elif name == BaseField.CATEGORY and answer.text:
            category = MenteeCategory.objects.filter(name=answer.text).first()
            if category is not None:
                fields[name] = category.pk
    return fields


def proposal_from_response(response: Response) -> IntakeProposal | None:
    """Called at submission, inside its transaction."""
    if response.person_id is None:
        return None
    campaign = response.campaign
    base = (
        IntakeProposal.Base.MENTOR
        if campaign.questionnaire.kind == Kind.MENTOR_INTAKE
        else IntakeProposal.Base.MENTEE
    )
    return IntakeProposal.objects.create(
        organization=campaign.organization,
        response=response,
        person_id=response.person_id,
        base=base,
        fields=fields_from_answers(response),
    )


@transaction.atomic
def intake_accept(*, proposal: IntakeProposal, by, fields: dict | None = None) -> IntakeProposal:
    """Fill the base entry from the proposal (or from the coordinator's edit of it)."""
    proposal = IntakeProposal.objects.select_for_update().select_related("person").get(pk=proposal.pk)
    if proposal.status != IntakeProposal.Status.PENDING:
        raise ValidationError("По этому предложению уже принято решение.")
    if fields is not None:
        proposal.fields = fields
    if proposal.base == IntakeProposal.Base.MENTOR:
        mentor_profile_from_answers(person=proposal.person, fields=proposal.fields, by=by)
    else:
        if not proposal.fields.get("main_request") and not hasattr(proposal.person, "mentee_profile"):
            raise ValidationError({"main_request": "Опишите основной запрос наставляемого."})
        mentee_profile_from_answers(person=proposal.person, fields=proposal.fields, by=by)
    proposal.status, proposal.decided_by, proposal.decided_at = (
        IntakeProposal.Status.ACCEPTED,
        by,
        timezone.now(),
    )
    proposal.save(update_fields=["fields", "status", "decided_by", "decided_at"])
    audit(
        organization=proposal.organization,
        actor=by,
        action="intake.accept",
        obj=proposal,
        edited=fields is not None,
    )
    return proposal


@transaction.atomic
def intake_reject(*, proposal: IntakeProposal, by) -> IntakeProposal:
    proposal = IntakeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != IntakeProposal.Status.PENDING:
        raise ValidationError("По этому предложению уже принято решение.")
    proposal.status, proposal.decided_by, proposal.decided_at = (
        IntakeProposal.Status.REJECTED,
        by,
        timezone.now(),
    )
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    audit(organization=proposal.organization, actor=by, action="intake.reject", obj=proposal)
    return proposal
