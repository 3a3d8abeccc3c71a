"""Base entries filled from questionnaires: the coordinator accepts what a potential mentor or mentee answered
(monitoring proposes it, the base is written only here). A new entry is created, or the answered fields of an
existing one are replaced; fields not answered keep what is there."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Person
from mentoring.models import MenteeCategory, MenteeProfile, MentorProfile

from .bases import mentee_profile_save, mentor_profile_save

MENTOR_FIELDS = frozenset(
    {
        "competencies",
        "achievements",
        "interests",
        "interests_other",
        "desired_mentee_age",
        "time_available",
        "experience_years",
    }
)
MENTEE_FIELDS = frozenset({"category", "main_request"})


def _unknown(fields: dict, allowed: frozenset) -> None:
    extra = set(fields) - allowed
    if extra:
        raise ValueError(f"Unknown base fields: {sorted(extra)}")


@transaction.atomic
def mentor_profile_from_answers(*, person: Person, fields: dict, by) -> MentorProfile:
    """`fields`: texts of the mentor base, `interests` as MentorProfile.Interest codes, `experience_years` as an
    integer; empty values are left out by the caller."""
    _unknown(fields, MENTOR_FIELDS)
    interests = fields.get("interests", [])
    if any(code not in MentorProfile.Interest.values for code in interests):
        raise ValidationError({"interests": "Неизвестный интерес наставника."})
    profile = MentorProfile.objects.filter(person=person).first() or MentorProfile(
        organization=person.organization, person=person, entered_on=timezone.localdate()
    )
    for name, value in fields.items():
        setattr(profile, name, value)
    return mentor_profile_save(profile=profile, by=by)


@transaction.atomic
def mentee_profile_from_answers(*, person: Person, fields: dict, by) -> MenteeProfile:
    """`fields`: `main_request` (text) and `category` (a MenteeCategory id or None)."""
    _unknown(fields, MENTEE_FIELDS)
    if person.kind not in (Person.Kind.STAFF, Person.Kind.STUDENT):
        raise ValidationError("В базу наставляемых вносят только педагогов и обучающихся.")
    profile = MenteeProfile.objects.filter(person=person).first() or MenteeProfile(
        organization=person.organization, person=person, entered_on=timezone.localdate()
    )
    if "category" in fields:
        category_id = fields["category"]
        profile.category = MenteeCategory.objects.get(pk=category_id) if category_id else None
    if fields.get("main_request"):
        profile.main_request = fields["main_request"]
    return mentee_profile_save(profile=profile, by=by)
