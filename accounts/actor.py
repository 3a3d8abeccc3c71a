"""Who acts: a user in their current organisation with the roles they hold there. Rules and selectors take
an Actor, never a request; the middleware builds one per request (request.actor), and background jobs and
commands build their own with Actor.of(user, organization)."""

from dataclasses import dataclass, field
from functools import cached_property

from .models import Membership, Organization, Person, User


@dataclass(eq=False)
class Actor:
    user: User | None
    organization: Organization | None
    roles: frozenset = field(default_factory=frozenset)

    @classmethod
    def of(cls, user: User | None, organization: Organization | None) -> "Actor":
        roles = frozenset()
        if user is not None and organization is not None:
            roles = frozenset(
                Membership.objects.filter(user=user, organization=organization).values_list("role", flat=True)
            )
        return cls(user=user, organization=organization, roles=roles)

    @cached_property
    def person(self) -> Person | None:
        """The user's card in the current organisation (loaded on first use)."""
        if self.user is None or self.organization is None:
            return None
        return self.organization.persons.filter(user=self.user).first()

    @cached_property
    def own_and_ward_ids(self) -> frozenset[int]:
        """The actor's own card and the cards of the children they are the legal representative of."""
        person = self.person
        if person is None:
            return frozenset()
        return frozenset({person.pk, *person.wards.values_list("child_id", flat=True)})

    def has_role(self, *roles) -> bool:
        return bool(self.roles.intersection(roles))
