"""Permission rules of the mentoring core, beside accounts.rules (registered for templates in apps.py)."""

from accounts.models import Role
from accounts.rules import has_role

from .selectors import managed_pairs


def can_manage_programme(request) -> bool:
    return has_role(request, Role.COORDINATOR)


def can_manage_bases(request) -> bool:
    return has_role(request, Role.COORDINATOR, Role.CURATOR)


def can_view_bases(request) -> bool:
    return has_role(request, Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR)


def can_manage_pairs(request) -> bool:
    return has_role(request, Role.COORDINATOR, Role.CURATOR)


def can_see_pairs(request) -> bool:
    return bool(request.roles)


def can_view_safeguarding(request) -> bool:
    return has_role(request, Role.COORDINATOR, Role.CURATOR)


def can_manage_pair(request, pair) -> bool:
    return managed_pairs(request).filter(pk=pair.pk).exists()


def is_pair_mentor(request, pair) -> bool:
    person = request.person
    return has_role(request, Role.MENTOR) and person is not None and pair.mentor_id == person.pk


def can_edit_plan(request, pair) -> bool:
    """The mentor fills the plan; the coordinator and the pair's curator may correct it."""
    return pair.is_open and (is_pair_mentor(request, pair) or can_manage_pair(request, pair))


def can_write_review(request, pair) -> bool:
    return is_pair_mentor(request, pair)


def can_read_review(request, pair, review) -> bool:
    """The mentor and the pair's managers; the director once it is submitted (drafts stay between them)."""
    if can_write_review(request, pair) or can_manage_pair(request, pair):
        return True
    return has_role(request, Role.DIRECTOR) and review is not None and review.status != "draft"


NAV_RULES = {
    "manage_programme": can_manage_programme,
    "view_bases": can_view_bases,
    "manage_bases": can_manage_bases,
    "manage_pairs": can_manage_pairs,
    "see_pairs": can_see_pairs,
    "view_safeguarding": can_view_safeguarding,
}


def can_view_orders(request) -> bool:
    return has_role(request, Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR)


def can_draft_orders(request) -> bool:
    return has_role(request, Role.COORDINATOR)


def can_sign_orders(request) -> bool:
    return has_role(request, Role.DIRECTOR)


NAV_RULES.update(
    {"view_orders": can_view_orders, "draft_orders": can_draft_orders, "sign_orders": can_sign_orders}
)
