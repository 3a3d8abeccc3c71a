"""Permission rules of the monitoring app, beside accounts.rules and mentoring.rules: functions of an Actor.
The object-less ones are offered to templates as {{ can.<name> }} (registered in apps.py)."""

from accounts.models import Role
from accounts.rules import is_staff


def can_manage_surveys(actor) -> bool:
    """Questionnaires and campaigns are the coordinator's: the builder, the launch, the reminders, the close."""
    return actor.has_role(Role.COORDINATOR)


def can_view_surveys(actor) -> bool:
    """The administration follows the campaigns and reads their results."""
    return is_staff(actor)


def can_review_intake(actor) -> bool:
    """Whoever keeps the bases accepts the entries the intake answers propose."""
    return actor.has_role(Role.COORDINATOR, Role.CURATOR)


def can_answer_surveys(actor) -> bool:
    """Anyone of the school with a role may be asked (a parent answers with their child)."""
    return bool(actor.roles - {Role.OBSERVER})


def can_view_dashboard(actor) -> bool:
    """The monitoring's dashboard: the coordinator and the director see the school, a curator their forms."""
    return actor.has_role(Role.COORDINATOR, Role.DIRECTOR, Role.CURATOR)


def can_edit_analysis(actor) -> bool:
    """The SWOT, the conclusions and the proposals of the year are the coordinator's."""
    return actor.has_role(Role.COORDINATOR)


def can_download_report(actor) -> bool:
    """The analytical report covers the whole school: the coordinator prepares it, the director signs it."""
    return actor.has_role(Role.COORDINATOR, Role.DIRECTOR)


def can_view_rollup(actor) -> bool:
    """The observer of a municipality or a region: the figures of the schools below their organisation, never
    a school's people (every school page scopes its objects to the current organisation, which is not theirs)."""
    return actor.has_role(Role.OBSERVER)


NAV_RULES = {
    "view_dashboard": can_view_dashboard,
    "view_rollup": can_view_rollup,
    "manage_surveys": can_manage_surveys,
    "view_surveys": can_view_surveys,
    "review_intake": can_review_intake,
    "answer_surveys": can_answer_surveys,
}
