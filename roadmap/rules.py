"""Who may do what with the roadmap: named rules of an Actor (object-less ones are {{ can.<name> }} in templates,
registered in apps.py)."""

from accounts.models import Role
from accounts.rules import is_staff

from .selectors import is_responsible


def can_view_roadmap(actor) -> bool:
    """The school's administration reads the whole roadmap; everyone else sees their own tasks."""
    return is_staff(actor)


def can_edit_roadmap(actor) -> bool:
    return actor.has_role(Role.COORDINATOR)


def can_see_tasks(actor) -> bool:
    return bool(actor.roles - {Role.OBSERVER})  # the observer sees figures, not a school's work


def can_complete_event(actor, event) -> bool:
    """The coordinator, or a person responsible for the event, ticks it done (with a note) or reopens it."""
    return can_edit_roadmap(actor) or is_responsible(actor, event)


NAV_RULES = {
    "view_roadmap": can_view_roadmap,
    "edit_roadmap": can_edit_roadmap,
    "see_tasks": can_see_tasks,
}
