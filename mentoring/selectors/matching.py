"""The people of one form of a programme as the matching sees them, in a constant number of queries."""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from accounts.models import Guardianship
from mentoring import matching_sources
from mentoring.matching.board import Board, MenteeCard, MentorCard, age_range, card_kwargs, phrases
from mentoring.matching.roles import roles_for
from mentoring.models import Pair, PairMentee


def mentor_loads(organization) -> dict[int, int]:
    """Mentor person id → mentees in their open pairs (any form): what is left of their 5 places."""
    places = PairMentee.objects.filter(
        is_open=True, pair__organization=organization, pair__status__in=Pair.OPEN_STATUSES
    )
    return dict(
        places.values("pair__mentor").annotate(count=Count("id")).values_list("pair__mentor", "count")
    )


def matching_board(programme, form, *, today=None) -> Board:
    """Mentors of the base who may mentor in the form, and the mentees of the base still waiting for a pair
    in it, with what the intake questionnaires and the preferences after the group meeting add."""
    organization = programme.organization
    today = today or timezone.localdate()
    roles = roles_for(form)
    intake = matching_sources.intake(programme)
    preferences = matching_sources.preferences(programme)
    loads = mentor_loads(organization)

    mentor_profiles = list(
        organization.mentor_profiles.filter(left_on__isnull=True, person__kind__in=roles.mentor_kinds)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    wards = defaultdict(set)
    links = Guardianship.objects.filter(guardian__in=[p.person_id for p in mentor_profiles])
    for guardian_id, child_id in links.values_list("guardian_id", "child_id"):
        wards[guardian_id].add(child_id)
    mentors = []
    for profile in mentor_profiles:
        person = profile.person
        texts = [
            *phrases("компетенция", profile.competencies),
            *phrases("достижение", profile.achievements),
            *phrases("интересы", profile.interests_other),
            *phrases("анкета", intake.get(person.pk, "")),
        ]
        mentors.append(
            MentorCard(
                **card_kwargs(person, today),
                phrases=texts,
                load=loads.get(person.pk, 0),
                trained=profile.training_status == profile.Training.TRAINED,
                experience=profile.experience_years,
                ages=age_range(profile.desired_mentee_age),
                ward_ids=frozenset(wards.get(person.pk, ())),
            )
        )

    in_form = PairMentee.objects.filter(mentee=OuterRef("person"), form=form, is_open=True)
    mentee_profiles = list(
        organization.mentee_profiles.filter(left_on__isnull=True, person__kind__in=roles.mentee_kinds)
        .filter(~Exists(in_form))
        .select_related("person", "category")
        .order_by("entered_on", "person__last_name", "pk")
    )
    other_forms = defaultdict(list)
    elsewhere = PairMentee.objects.filter(is_open=True, mentee__in=[p.person_id for p in mentee_profiles])
    for mentee_id, form_name in elsewhere.values_list("mentee_id", "form__name"):
        other_forms[mentee_id].append(form_name)
    mentees = []
    for profile in mentee_profiles:
        person = profile.person
        category = profile.category
        mentees.append(
            MenteeCard(
                **card_kwargs(person, today),
                phrases=[
                    *phrases("запрос", profile.main_request),
                    *phrases("анкета", intake.get(person.pk, "")),
                ],
                category_code=category.code if category else "",
                category_name=category.name if category else "",
                preferred=tuple(preferences.get(person.pk, ())),
                other_forms=tuple(other_forms.get(person.pk, ())),
            )
        )
    return Board(form_name=form.name, roles=roles, mentors=mentors, mentees=mentees)
