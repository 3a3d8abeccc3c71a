"""Who may do what: every permission is a named rule here, used by views (through
the decorators of accounts.decorators) and by templates (through the `can` context).

Rules answer for the *current organisation* (request.organization, request.roles).
An object of another organisation never reaches a rule: views look it up through
request.organization and answer 404.
"""

from .models import Role

STAFF_ROLES = frozenset({Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR})


def has_role(request, *roles) -> bool:
    return bool(request.roles.intersection(roles))


def can_view_people(request) -> bool:
    return has_role(request, *STAFF_ROLES)


def can_manage_people(request) -> bool:
    return has_role(request, Role.COORDINATOR)


def can_invite(request) -> bool:
    return has_role(request, Role.COORDINATOR)


def can_edit_organization(request) -> bool:
    return has_role(request, Role.COORDINATOR, Role.DIRECTOR)


def is_self_or_ward(request, person) -> bool:
    """The signed-in user's own Person, or a child they are the legal representative of."""
    own = request.person
    return own is not None and (person.pk == own.pk or person.guardianships.filter(guardian=own).exists())


def can_view_person(request, person) -> bool:
    """Staff see everyone of the organisation; a participant sees themself; a parent sees their own children."""
    if person.organization_id != getattr(request.organization, "pk", None):
        return False
    if can_view_people(request):
        return True
    own = request.person
    if own is None:
        return False
    if person.pk == own.pk:
        return True
    return has_role(request, Role.PARENT) and person.guardianships.filter(guardian=own).exists()


def can_use_admin(request) -> bool:
    """Django admin is for the platform's operators: it is not scoped to an organisation."""
    return request.user.is_active and request.user.is_staff


# Rules without an object, offered to templates as {{ can.<name> }}.
NAV_RULES = {
    "view_people": can_view_people,
    "manage_people": can_manage_people,
    "invite": can_invite,
    "edit_organization": can_edit_organization,
    "use_admin": can_use_admin,
}
