"""What an import compares a file with: the school's people, their entries in the base, their guardians."""

from collections import defaultdict

from django.utils import timezone

from accounts.models import Guardianship, Organization
from mentoring.imports.categories import MENTEE_SYNONYMS, MENTOR_SYNONYMS, Catalogue
from mentoring.imports.preview import Known
from mentoring.models import ImportBase, MenteeCategory, MenteeProfile, MentorCategory, MentorProfile


def known_people(organization, base: str) -> Known:
    """Everything the preview needs, in five queries whatever the size of the school or of the file."""
    if base == ImportBase.MENTORS:
        profiles, catalogue = MentorProfile.objects, Catalogue(MentorCategory.objects.all(), MENTOR_SYNONYMS)
    else:
        profiles, catalogue = MenteeProfile.objects, Catalogue(MenteeCategory.objects.all(), MENTEE_SYNONYMS)
    guardians = defaultdict(set)
    links = Guardianship.objects.filter(child__organization=organization).values_list(
        "child_id", "guardian_id"
    )
    for child_id, guardian_id in links:
        guardians[child_id].add(guardian_id)
    return Known(
        school=organization.kind == Organization.Kind.SCHOOL,
        catalogue=catalogue,
        people=list(organization.persons.all()),
        profiles={p.person_id: p for p in profiles.filter(organization=organization)},
        guardians=dict(guardians),
        today=timezone.localdate(),
    )
