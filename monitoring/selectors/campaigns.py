"""Reads of campaigns: the response rate, the invitations a person may answer, the links for printed letters."""

from django.db.models import Count, Q
from django.utils import timezone

from monitoring.models import Campaign, QuestionType, Response, SurveyInvitation


def with_rates(campaigns):
    """Each campaign with `invited_count`, `answered_count` (one query for the whole list)."""
    return campaigns.select_related("questionnaire", "programme").annotate(
        invited_count=Count("invitations", distinct=True),
        answered_count=Count("invitations", filter=Q(invitations__used_at__isnull=False), distinct=True),
    )


def progress(campaign: Campaign) -> dict:
    """The live figures of the campaign page."""
    figures = campaign.invitations.aggregate(
        invited=Count("pk"),
        answered=Count("pk", filter=Q(used_at__isnull=False)),
        emailed=Count("pk", filter=Q(emailed_at__isnull=False)),
    )
    drafts = Response.objects.filter(campaign=campaign, submitted_at__isnull=True).count()
    figures["started"] = drafts
    figures["rate"] = round(100 * figures["answered"] / figures["invited"]) if figures["invited"] else 0
    return figures


def open_invitations_for(actor):
    """The questionnaires the actor (or their child) is asked to answer now, and the ones answered lately."""
    ids = actor.own_and_ward_ids
    if not ids:
        return SurveyInvitation.objects.none()
    today = timezone.localdate()
    return (
        SurveyInvitation.objects.filter(
            person_id__in=ids,
            campaign__organization=actor.organization,
            campaign__status=Campaign.Status.OPEN,
            campaign__closes_on__gte=today,
            revoked_at__isnull=True,
        )
        .select_related("campaign__questionnaire", "person")
        .order_by("used_at", "campaign__closes_on", "pk")
    )


def people_choices(campaign: Campaign, respondent) -> dict[str, list[tuple[int, str]]]:
    """For the ranked-choice questions of the preference questionnaire: the mentors of the organisation's
    mentor base, the mentees of its mentee base (the respondent themself left out)."""
    from mentoring.models import MenteeProfile, MentorProfile

    organization = campaign.organization
    mentors = MentorProfile.objects.filter(organization=organization, left_on__isnull=True).exclude(
        person=respondent
    )
    mentees = MenteeProfile.objects.filter(organization=organization, left_on__isnull=True).exclude(
        person=respondent
    )
    return {
        QuestionType.MENTORS: [
            (p.person_id, f"{p.person.full_name}, {p.person.description}".rstrip(", "))
            for p in mentors.select_related("person").order_by("person__last_name", "person__first_name")
        ],
        QuestionType.MENTEES: [
            (p.person_id, f"{p.person.full_name}, {p.person.description}".rstrip(", "))
            for p in mentees.select_related("person").order_by("person__last_name", "person__first_name")
        ],
    }
