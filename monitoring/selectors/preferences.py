"""Preferences stated after the group meeting, for the pairing (mentoring's matching reads them from here)."""

from monitoring.models import Answer, Kind, QuestionType


def _ranked(programme, question_type: str) -> dict[int, list[int]]:
    rows = (
        Answer.objects.filter(
            response__campaign__programme=programme,
            response__campaign__questionnaire__kind=Kind.PREFERENCE,
            response__submitted_at__isnull=False,
            response__person__isnull=False,
            question__type=question_type,
        )
        .order_by("response__submitted_at", "pk")
        .values_list("response__person_id", "choices")
    )
    # A later answer (a second preference campaign) replaces an earlier one.
    return {person_id: list(choices) for person_id, choices in rows if choices}


def preferences_for(programme) -> dict[int, list[int]]:
    """Mentee Person id → the Person ids of the mentors they would like, most wanted first (at most three)."""
    return _ranked(programme, QuestionType.MENTORS)


def mentor_preferences_for(programme) -> dict[int, list[int]]:
    """Mentor Person id → the Person ids of the mentees they would like to work with, most wanted first."""
    return _ranked(programme, QuestionType.MENTEES)
