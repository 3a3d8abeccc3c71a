"""Who sees which pairs, and what of them. Every read starts from the actor's organisation."""

from django.db.models import Prefetch, Q

from accounts.models import Membership, Role
from accounts.rules import is_staff
from mentoring.models import Pair, PairMentee, ProgrammeCurator


def curator_area_q(user, prefix: str = "") -> Q:
    """Pairs inside a curator's forms/directions; an area with neither is the whole programme."""
    condition = Q(pk__in=[])
    for area in ProgrammeCurator.objects.filter(curator=user):
        part = Q(**{f"{prefix}programme_id": area.programme_id})
        if area.form_id:
            part &= Q(**{f"{prefix}form_id": area.form_id})
        if area.direction_id:
            part &= Q(**{f"{prefix}direction_id": area.direction_id})
        condition |= part
    return condition


def pairs_for(actor):
    """The pairs of the actor's organisation they may see, by each role they hold there."""
    pairs = actor.organization.pairs.all()
    if actor.has_role(Role.COORDINATOR, Role.DIRECTOR):
        return pairs
    condition = Q(pk__in=[])
    if actor.has_role(Role.CURATOR):
        condition |= curator_area_q(actor.user)
    person = actor.person
    if person is not None:
        if actor.has_role(Role.MENTOR):
            # A pair suspended for a withdrawn consent is hidden from its mentor until it resumes.
            condition |= Q(mentor=person) & ~Q(status=Pair.Status.SUSPENDED)
        if actor.has_role(Role.MENTEE):
            condition |= Q(memberships__mentee=person)
        if actor.has_role(Role.PARENT):
            condition |= Q(memberships__mentee__guardianships__guardian=person)
    return pairs.filter(pk__in=pairs.filter(condition).values("pk"))


def managed_pairs(actor):
    """Pairs the actor may manage: all for a coordinator, the curator's area for a curator."""
    pairs = actor.organization.pairs.all()
    if actor.has_role(Role.COORDINATOR):
        return pairs
    if actor.has_role(Role.CURATOR):
        return pairs.filter(curator_area_q(actor.user))
    return pairs.none()


def is_pair_mentor(actor, pair) -> bool:
    person = actor.person
    return actor.has_role(Role.MENTOR) and person is not None and pair.mentor_id == person.pk


def manages_pair(actor, pair) -> bool:
    return managed_pairs(actor).filter(pk=pair.pk).exists()


def sees_every_mentee(actor, pair) -> bool:
    """The administration and the pair's mentor see every mentee of a pair (plans, reviews, documents);
    a mentee or a parent sees only their own (their child's) — never another family's child in a group."""
    return (
        actor.has_role(Role.COORDINATOR, Role.DIRECTOR)
        or is_pair_mentor(actor, pair)
        or manages_pair(actor, pair)
    )


def sees_mentee(actor, pair, mentee_id: int) -> bool:
    """The one rule for a mentee's part of a pair the actor sees: all of them, or their own / their child's."""
    return sees_every_mentee(actor, pair) or mentee_id in actor.own_and_ward_ids


def visible_mentee_ids(actor) -> frozenset | None:
    """For lists of pairs: None when the actor sees every mentee of the pairs they see; otherwise only their
    own card and their children's (a parent who is not also a mentor, a mentee or staff)."""
    if is_staff(actor) or actor.has_role(Role.MENTOR, Role.MENTEE):
        return None
    return actor.own_and_ward_ids


def with_list_relations(pairs):
    """Everything a list of pairs shows, in a constant number of queries."""
    return pairs.select_related("mentor", "form", "programme", "role_model", "direction").prefetch_related(
        Prefetch("memberships", queryset=PairMentee.objects.select_related("mentee"), to_attr="all_places"),
    )


def curator_emails(pair: Pair) -> list[str]:
    """The coordinator(s) of the organisation and the curators whose area holds the pair."""
    curators = ProgrammeCurator.objects.filter(programme=pair.programme).filter(
        (Q(form__isnull=True) | Q(form=pair.form)) & (Q(direction__isnull=True) | Q(direction=pair.direction))
    )
    users = {area.curator for area in curators.select_related("curator")}
    users |= {
        m.user
        for m in Membership.objects.filter(
            organization=pair.organization, role=Role.COORDINATOR
        ).select_related("user")
    }
    return sorted({u.email for u in users if u.email})


# The pair's history (issue 15): lifecycle events from the audit journal, in words.
HISTORY_ACTIONS = {
    "pair.create": "Пара создана",
    "pair.approve": "Утверждена приказом",
    "pair.activate": "Начала работу",
    "pair.suspend_for_consent": "Приостановлена: отозвано согласие участника",
    "pair.resume": "Возобновлена",
    "pair.replace_mentor": "Заменён наставник",
    "pair.complete": "Завершена",
    "pair.terminate": "Прекращена досрочно",
}


def pair_history(pair) -> list[dict]:
    """Lifecycle events of the pair, oldest first: date, what, who, and the reason of a resumption."""
    from accounts.models import AuditEntry

    entries = (
        AuditEntry.objects.filter(
            organization_id=pair.organization_id,
            object_type=Pair._meta.label,
            object_id=str(pair.pk),
            action__in=HISTORY_ACTIONS,
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    entries = list(entries)
    names = {  # who did it, by their name in this school (one query)
        person.user_id: person.short_name
        for person in pair.organization.persons.filter(user_id__in={e.actor_id for e in entries} - {None})
    }
    return [
        {
            "at": entry.created_at,
            "label": HISTORY_ACTIONS[entry.action],
            "who": names.get(entry.actor_id) or (entry.actor.username if entry.actor else ""),
            "reason": entry.data.get("reason", "") if entry.action == "pair.resume" else "",
        }
        for entry in entries
    ]


def consent_states(people) -> dict[int, dict]:
    """For each person: the state of the two consents that stop a pair — «Согласие на участие в программе» and
    «Согласие на обработку персональных данных (152-ФЗ)» — as 'valid', 'withdrawn', 'expired' or 'missing'.
    Two queries whatever the number of people."""
    from accounts.models import Consent, ConsentKind

    ids = [person.pk for person in people]
    states = {pk: {ConsentKind.PARTICIPATION: "missing", ConsentKind.PERSONAL_DATA: "missing"} for pk in ids}
    kinds = (ConsentKind.PARTICIPATION, ConsentKind.PERSONAL_DATA)
    for subject_id, kind in (
        Consent.objects.valid().filter(subject_id__in=ids, kind__in=kinds).values_list("subject_id", "kind")
    ):
        states[subject_id][kind] = "valid"
    for subject_id, kind, status in Consent.objects.filter(subject_id__in=ids, kind__in=kinds).values_list(
        "subject_id", "kind", "status"
    ):
        if states[subject_id][kind] != "valid" and status in ("withdrawn", "expired", "given"):
            # A consent still «given» but not valid has passed its expiry date.
            states[subject_id][kind] = "expired" if status == "given" else status
    return {
        pk: {"participation": s[ConsentKind.PARTICIPATION], "personal_data": s[ConsentKind.PERSONAL_DATA]}
        for pk, s in states.items()
    }
