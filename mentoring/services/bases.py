"""The two bases: a mentor's and a mentee's entry, the mentor's acknowledgement of the code."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Person
from accounts.services import audit
from mentoring.models import MenteeProfile, MentorProfile


def _same_organization(profile) -> None:
    if profile.person.organization_id != profile.organization_id:
        raise ValidationError("Участник из другой организации.")


def check_mentor_profile(profile: MentorProfile) -> None:
    """The rules of a mentor's entry in the base — for the form and for the import of a list alike."""
    _same_organization(profile)
    if profile.person.kind == Person.Kind.STUDENT and profile.experience_years:
        raise ValidationError({"experience_years": "Педагогический стаж указывают только для педагогов."})
    if profile.training_status == MentorProfile.Training.TRAINED and not profile.trained_on:
        raise ValidationError({"trained_on": "Укажите дату обучения в «Школе наставников»."})


def check_mentee_profile(profile: MenteeProfile) -> None:
    """The rules of a mentee's entry in the base — for the form and for the import of a list alike."""
    _same_organization(profile)
    if not profile.main_request.strip():
        raise ValidationError({"main_request": "Опишите основной запрос наставляемого."})


@transaction.atomic
def mentor_profile_save(*, profile: MentorProfile, by) -> MentorProfile:
    check_mentor_profile(profile)
    created = profile.pk is None
    profile.save()
    audit(
        organization=profile.organization,
        actor=by,
        action="mentor_base.create" if created else "mentor_base.update",
        obj=profile,
    )
    return profile


@transaction.atomic
def mentee_profile_save(*, profile: MenteeProfile, by) -> MenteeProfile:
    check_mentee_profile(profile)
    created = profile.pk is None
    profile.save()
    audit(
        organization=profile.organization,
        actor=by,
        action="mentee_base.create" if created else "mentee_base.update",
        obj=profile,
    )
    return profile


@transaction.atomic
def mentor_code_acknowledge(*, profile: MentorProfile, by) -> MentorProfile:
    """The mentor has read the manifesto, the code and the guiding principles (seed 001, appendix 3)."""
    if profile.code_acknowledged_on is None:
        profile.code_acknowledged_on = timezone.localdate()
        profile.save(update_fields=["code_acknowledged_on"])
        audit(
            organization=profile.organization, actor=by, action="mentor_base.code_acknowledged", obj=profile
        )
    return profile
