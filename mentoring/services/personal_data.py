"""What anonymising a person erases in the mentoring core (registered with accounts.personal_data): the free
text of their base entries. Pairs, plans and reviews stay as the school's records, now naming an anonymised
card; signed orders keep their frozen text and PDF untouched (a legal document is not rewritten)."""

from django.core.exceptions import ValidationError

from mentoring.models import MenteeProfile, MentorProfile, Pair, PairMentee


def erase_mentoring_data(person, by) -> None:
    open_pairs = Pair.objects.filter(mentor=person, status__in=Pair.OPEN_STATUSES).exists() or (
        PairMentee.objects.filter(mentee=person, is_open=True, pair__status__in=Pair.OPEN_STATUSES).exists()
    )
    if open_pairs:
        raise ValidationError("Участник состоит в действующей паре: сначала завершите или прекратите её.")
    MentorProfile.objects.filter(person=person).update(
        competencies="",
        achievements="",
        interests=[],
        interests_other="",
        desired_mentee_age="",
        time_available="",
        external_workplace="",
        case_link="",
    )
    MenteeProfile.objects.filter(person=person).update(main_request="")
