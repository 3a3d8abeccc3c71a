"""Permission rules of the mentoring core, beside accounts.rules: each a function of an Actor (and an object).
Rules without an object are offered to templates as {{ can.<name> }} (registered in apps.py)."""

from django.db.models import Q

from accounts.models import Role
from accounts.rules import is_staff

from .selectors.pairs import is_pair_mentor, manages_pair


def can_manage_programme(actor) -> bool:
    return actor.has_role(Role.COORDINATOR)


def can_manage_bases(actor) -> bool:
    return actor.has_role(Role.COORDINATOR, Role.CURATOR)


def can_view_bases(actor) -> bool:
    return is_staff(actor)


def can_manage_pairs(actor) -> bool:
    return actor.has_role(Role.COORDINATOR, Role.CURATOR)


def can_see_pairs(actor) -> bool:
    return bool(actor.roles - {Role.OBSERVER})  # the observer sees figures, not a school's work


def can_view_safeguarding(actor) -> bool:
    return actor.has_role(Role.COORDINATOR, Role.CURATOR)


def can_manage_pair(actor, pair) -> bool:
    return manages_pair(actor, pair)


def can_edit_plan(actor, pair) -> bool:
    """The mentor fills the plan; the coordinator and the pair's curator may correct it."""
    return pair.is_open and (is_pair_mentor(actor, pair) or manages_pair(actor, pair))


def can_write_review(actor, pair) -> bool:
    return is_pair_mentor(actor, pair)


def can_read_review(actor, pair, review) -> bool:
    """The mentor and the pair's managers; the director once it is submitted (drafts stay between them)."""
    if can_write_review(actor, pair) or manages_pair(actor, pair):
        return True
    return actor.has_role(Role.DIRECTOR) and review is not None and review.status != "draft"


def can_view_reviews(actor) -> bool:
    """«Отзывы наставников»: the coordinator and curators (their area), the director (every pair; a draft stays
    between the mentor and the curator, see can_read_review)."""
    return actor.has_role(Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR)


def can_approve_plans(actor) -> bool:
    """«Планы на утверждении»: who approves plans (the coordinator, the pair's curator)."""
    return actor.has_role(Role.COORDINATOR, Role.CURATOR)


def can_view_orders(actor) -> bool:
    return is_staff(actor)


def can_draft_orders(actor) -> bool:
    return actor.has_role(Role.COORDINATOR)


def can_sign_orders(actor) -> bool:
    return actor.has_role(Role.DIRECTOR)


def can_manage_consents_of(actor, subject) -> bool:
    """Who may withdraw a person's consents: the signer (the adult themself, a legal representative of a
    minor) or the coordinator / a curator recording it from paper."""
    return can_manage_bases(actor) or is_consent_signer(actor, subject)


def is_consent_signer(actor, subject) -> bool:
    person = actor.person
    if person is None:
        return False
    if person.pk == subject.pk:
        return not subject.is_minor()
    return subject.pk in actor.own_and_ward_ids


NAV_RULES = {
    "manage_programme": can_manage_programme,
    "view_bases": can_view_bases,
    "manage_bases": can_manage_bases,
    "manage_pairs": can_manage_pairs,
    "see_pairs": can_see_pairs,
    "view_safeguarding": can_view_safeguarding,
    "view_orders": can_view_orders,
    "view_reviews": can_view_reviews,
    "approve_plans": can_approve_plans,
    "draft_orders": can_draft_orders,
    "sign_orders": can_sign_orders,
}


def can_match_pairs(actor, programme, form) -> bool:
    """Pair suggestions of a form: the coordinator, or a curator whose area holds the form's pairs."""
    if actor.has_role(Role.COORDINATOR):
        return True
    if not actor.has_role(Role.CURATOR) or programme.organization_id != actor.organization.pk:
        return False
    areas = programme.curators.filter(curator=actor.user, direction__isnull=True)
    return areas.filter(Q(form__isnull=True) | Q(form=form)).exists()
