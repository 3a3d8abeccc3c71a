"""Who a campaign asks: its audience resolved into people, each with the role, form and pair they answer in,
and the addresses their link is sent to."""

from dataclasses import dataclass

from django.db.models import Prefetch

from accounts.models import Guardianship, Person
from mentoring.models import MentoringForm, Pair, PairMentee
from monitoring.models import Campaign, Respondent
from monitoring.models.campaigns import RespondentRole


@dataclass
class Invitee:
    person: Person
    role: str
    form: MentoringForm | None = None
    pair: Pair | None = None

    @property
    def role_label(self) -> str:
        return RespondentRole(self.role).label.lower()


def _people():
    return Person.objects.prefetch_related(
        Prefetch(
            "guardianships",
            queryset=Guardianship.objects.select_related("guardian"),
            to_attr="guardian_links",
        )
    )


# Pairs whose participants a campaign may ask: agreed or working, or finished at their end (a satisfaction
# survey runs when the pairs are completing); a draft has not started and a terminated pair is not asked.
ASKED_STATUSES = (
    Pair.Status.AGREED,
    Pair.Status.APPROVED,
    Pair.Status.ACTIVE,
    Pair.Status.SUSPENDED,
    Pair.Status.COMPLETED,
)


def _pairs(campaign: Campaign):
    return (
        Pair.objects.filter(programme=campaign.programme)
        .select_related("form")
        .prefetch_related(
            Prefetch("memberships", queryset=PairMentee.objects.order_by("slot"), to_attr="all_places")
        )
        .order_by("pk")
    )


def _mentee_ids(pair: Pair) -> list[int]:
    """The mentees in the pair now, or at its end for a finished one."""
    return [
        place.mentee_id
        for place in pair.all_places
        if place.is_open or (pair.closed_on is not None and place.left_on == pair.closed_on)
    ]


def _places(pairs) -> dict[int, Invitee]:
    """person id → the role, form and pair they have in these pairs (their first pair, as a mentor first)."""
    places: dict[int, Invitee] = {}
    for pair in pairs:
        places.setdefault(pair.mentor_id, Invitee(None, RespondentRole.MENTOR, pair.form, pair))
    for pair in pairs:
        for mentee_id in _mentee_ids(pair):
            places.setdefault(mentee_id, Invitee(None, RespondentRole.MENTEE, pair.form, pair))
    return places


def _default_role(campaign: Campaign) -> str:
    respondent = campaign.questionnaire.respondent
    return respondent if respondent != Respondent.ANY else RespondentRole.PARTICIPANT


def normalise_group(group: str) -> str:
    return "".join(group.split()).lower()


def audience(campaign: Campaign) -> list[Invitee]:
    """Everyone the campaign would invite, in the order of their names."""
    organization = campaign.organization
    people = _people().filter(organization=organization)
    asked_pairs = list(_pairs(campaign).filter(status__in=ASKED_STATUSES))
    places = _places(asked_pairs)
    kind = campaign.audience
    Audience = Campaign.Audience
    if kind in (Audience.FORM, Audience.PAIRS):
        if kind == Audience.FORM:
            chosen = [pair for pair in asked_pairs if pair.form_id == campaign.form_id]
        else:  # pairs chosen by name are asked whatever their state
            chosen = list(_pairs(campaign).filter(pk__in=campaign.pairs.values("pk")))
        sides = _pair_sides(campaign)
        own = _places(chosen)
        persons = people.filter(pk__in=[pk for pk, place in own.items() if place.role in sides])
        return [_invitee(person, own) for person in persons]
    if kind == Audience.MENTOR_BASE:
        persons = people.filter(mentor_profile__isnull=False, mentor_profile__left_on__isnull=True)
        return [_invitee(person, places, RespondentRole.MENTOR) for person in persons]
    if kind == Audience.MENTEE_BASE:
        persons = people.filter(mentee_profile__isnull=False, mentee_profile__left_on__isnull=True)
        return [_invitee(person, places, RespondentRole.MENTEE) for person in persons]
    if kind == Audience.GROUP:
        group = normalise_group(campaign.group)
        students = people.filter(kind=Person.Kind.STUDENT)
        return [
            _invitee(person, places, _default_role(campaign))
            for person in students
            if normalise_group(person.group) == group
        ]
    if kind == Audience.PEOPLE:
        persons = people.filter(pk__in=campaign.people.values("pk"))
        return [_invitee(person, places, _default_role(campaign)) for person in persons]
    if kind == Audience.CURATORS:
        users = campaign.programme.curators.values("curator_id")
        persons = people.filter(user__in=users)
        return [_invitee(person, places, RespondentRole.CURATOR) for person in persons]
    raise ValueError(kind)


def _pair_sides(campaign: Campaign) -> set[str]:
    respondent = campaign.questionnaire.respondent
    if respondent == Respondent.MENTOR:
        return {RespondentRole.MENTOR}
    if respondent == Respondent.MENTEE:
        return {RespondentRole.MENTEE}
    return {RespondentRole.MENTOR, RespondentRole.MENTEE}


def _invitee(person: Person, places: dict, role: str | None = None) -> Invitee:
    place = places.get(person.pk)
    if place is None:
        return Invitee(person, role or RespondentRole.PARTICIPANT)
    # A person asked as a mentor answers about their pair as its mentor, whatever else they are.
    return Invitee(person, role or place.role, place.form, place.pair)


def addresses(person: Person) -> list[str]:
    """Where a respondent's link goes: their own e-mail, or a minor's legal representatives'."""
    if person.email:
        return [person.email]
    if person.is_minor():
        links = getattr(person, "guardian_links", None)
        if links is None:
            links = person.guardianships.select_related("guardian")
        return sorted({link.guardian.email for link in links if link.guardian.email})
    return []
