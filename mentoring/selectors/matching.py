"""The people of one form of a programme as the matching sees them, in a constant number of queries."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from accounts.models import Guardianship, search_q
from mentoring import matching_sources
from mentoring.matching.board import Board, MenteeCard, MentorCard, age_range, card_kwargs, phrases
from mentoring.matching.roles import roles_for
from mentoring.models import MAX_MENTEES, Pair, PairMentee


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


# The mentee picker of the pair form ---------------------------------------------------------------------


@dataclass
class PickerRow:
    person: object
    category: str
    busy_with: str = ""  # the mentor of the mentee's open pair in the chosen form


@dataclass
class Picker:
    chosen: list[PickerRow]
    found: list[PickerRow]
    more: bool
    form: object = None
    mentor: object = None
    mentor_free: int | None = None


PICKER_LIMIT = 30


def mentee_candidates(organization, *, query: str = "", form=None, selected=(), mentor=None) -> Picker:
    """Mentees of the base for the pair form: those already chosen, then who matches the search by name and
    class, of the form's side only; who already has an open pair in the form is marked (and cannot be added)."""
    profiles = organization.mentee_profiles.filter(left_on__isnull=True).select_related("person", "category")
    chosen = list(profiles.filter(person__in=selected).order_by("person__last_name", "person__first_name"))
    found = profiles.exclude(person__in=selected)
    if form is not None:
        found = found.filter(person__kind__in=roles_for(form).mentee_kinds)
    if query.strip():
        found = found.filter(search_q(query, prefix="person__"))
    found = list(found.order_by("person__last_name", "person__first_name", "pk")[: PICKER_LIMIT + 1])
    busy = {}
    if form is not None:
        places = PairMentee.objects.filter(
            form=form, is_open=True, mentee__in=[p.person_id for p in chosen + found]
        ).select_related("pair__mentor")
        busy = {place.mentee_id: place.pair.mentor.short_name for place in places}

    def row(profile):
        return PickerRow(
            profile.person, profile.category.name if profile.category else "", busy.get(profile.person_id, "")
        )

    mentor_free = None
    if mentor is not None:
        load = mentor_loads(organization).get(mentor.pk, 0)
        mentor_free = max(0, MAX_MENTEES - load)
    return Picker(
        chosen=[row(p) for p in chosen],
        found=[row(p) for p in found[:PICKER_LIMIT]],
        more=len(found) > PICKER_LIMIT,
        form=form,
        mentor=mentor,
        mentor_free=mentor_free,
    )
