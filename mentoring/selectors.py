"""Reads that follow relations: who sees which pairs. Every list starts from request.organization."""

from django.db.models import Prefetch, Q

from accounts.models import Membership, Role
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


def pairs_for(request):
    """The pairs of the current organisation this user may see, by each role they hold there."""
    pairs = request.organization.pairs.all()
    roles = request.roles
    if roles & {Role.COORDINATOR, Role.DIRECTOR}:
        return pairs
    condition = Q(pk__in=[])
    if Role.CURATOR in roles:
        condition |= curator_area_q(request.user)
    person = request.person
    if person is not None:
        if Role.MENTOR in roles:
            # A pair suspended for a withdrawn consent is hidden from its mentor until it resumes.
            condition |= Q(mentor=person) & ~Q(status=Pair.Status.SUSPENDED)
        if Role.MENTEE in roles:
            condition |= Q(memberships__mentee=person)
        if Role.PARENT in roles:
            condition |= Q(memberships__mentee__guardianships__guardian=person)
    return pairs.filter(pk__in=pairs.filter(condition).values("pk"))


def with_list_relations(pairs):
    """Everything a list of pairs shows, in a constant number of queries."""
    return pairs.select_related("mentor", "form", "programme", "role_model", "direction").prefetch_related(
        Prefetch("memberships", queryset=PairMentee.objects.select_related("mentee"), to_attr="all_places"),
    )


def managed_pairs(request):
    """Pairs the user may manage: all for a coordinator, the curator's area for a curator."""
    pairs = request.organization.pairs.all()
    if Role.COORDINATOR in request.roles:
        return pairs
    if Role.CURATOR in request.roles:
        return pairs.filter(curator_area_q(request.user))
    return pairs.none()


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


def orders_for(request):
    """All orders for the administration; for anyone else only the signed orders that name them."""
    orders = request.organization.orders.all()
    if request.roles & {Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR}:
        return orders
    person = request.person
    if person is None:
        return orders.none()
    return orders.filter(status="approved", acknowledgements__person=person).distinct()
