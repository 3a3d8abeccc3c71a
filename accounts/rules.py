"""Who may do what: every permission is a named rule of an Actor (accounts.actor), used by views (through
accounts.views.web.rule_required) and by templates (through the `can` context).

Rules answer for the actor's current organisation. An object of another organisation never reaches a rule:
views look it up through the organisation and answer 404.
"""

from .models import Role

STAFF_ROLES = frozenset({Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR})


def is_staff(actor) -> bool:
    """The school's administration: coordinator, curator, director."""
    return actor.has_role(*STAFF_ROLES)


def can_view_people(actor) -> bool:
    return is_staff(actor)


def can_manage_people(actor) -> bool:
    return actor.has_role(Role.COORDINATOR)


def can_manage_personal_data(actor) -> bool:
    """A person's data export and erasure (152-ФЗ): the coordinator, who answers the person's request."""
    return actor.has_role(Role.COORDINATOR)


def can_invite(actor) -> bool:
    return actor.has_role(Role.COORDINATOR)


# Who may grant which role: never a role above one's own, nor one they do not hold. The director's role is
# granted by the platform operator, or by a coordinator's invitation that the current director confirms.
GRANTABLE_ROLES = {
    Role.DIRECTOR: frozenset({Role.DIRECTOR, Role.CURATOR, Role.MENTOR, Role.MENTEE, Role.PARENT}),
    Role.COORDINATOR: frozenset({Role.CURATOR, Role.MENTOR, Role.MENTEE, Role.PARENT}),
}
CONFIRMED_ROLES = frozenset({Role.DIRECTOR})  # granted only once the current director confirms


def is_platform_operator(user) -> bool:
    return user is not None and user.is_active and (user.is_staff or user.is_superuser)


def can_grant_role(actor, role) -> bool:
    """A role the actor may grant at once (an invitation that works as soon as it is made)."""
    if is_platform_operator(actor.user):
        return True
    return any(role in GRANTABLE_ROLES.get(held, ()) for held in actor.roles)


def can_propose_role(actor, role) -> bool:
    """A role the actor may invite into only pending the director's confirmation."""
    return role in CONFIRMED_ROLES and actor.has_role(Role.COORDINATOR) and not can_grant_role(actor, role)


def can_confirm_role_grants(actor) -> bool:
    """The current director confirms invitations into the director's role."""
    return actor.has_role(Role.DIRECTOR)


def can_view_invitations(actor) -> bool:
    return can_invite(actor) or can_confirm_role_grants(actor)


def can_edit_organization(actor) -> bool:
    return actor.has_role(Role.COORDINATOR, Role.DIRECTOR)


def is_self_or_ward(actor, person) -> bool:
    """The one rule for «their own or their child's»: the actor's own card, or a child they are the legal
    representative of."""
    return person.pk in actor.own_and_ward_ids


def can_view_person(actor, person) -> bool:
    """Staff see everyone of the organisation; a participant sees themself; a parent sees their own children."""
    if actor.organization is None or person.organization_id != actor.organization.pk:
        return False
    return can_view_people(actor) or is_self_or_ward(actor, person)


def can_use_admin(actor) -> bool:
    """Django admin is for the platform's operators: it is not scoped to an organisation."""
    return actor.user is not None and actor.user.is_active and actor.user.is_staff


# Rules without an object, offered to templates as {{ can.<name> }}; apps add theirs in AppConfig.ready.
NAV_RULES = {
    "view_people": can_view_people,
    "manage_people": can_manage_people,
    "manage_personal_data": can_manage_personal_data,
    "invite": can_invite,
    "view_invitations": can_view_invitations,
    "edit_organization": can_edit_organization,
    "use_admin": can_use_admin,
}
