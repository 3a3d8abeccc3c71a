"""Reads that follow relations, per area; they take an actor or an organisation, never a request."""

from .bases import mentee_rows, mentor_rows, unpaired_mentees, with_mentee_base, with_mentor_base
from .consents import consent_tracker, consents_by_kind
from .orders import orders_for
from .pairs import (
    consent_states,
    curator_area_q,
    curator_emails,
    is_pair_mentor,
    managed_pairs,
    manages_pair,
    pair_history,
    pairs_for,
    sees_every_mentee,
    sees_mentee,
    visible_mentee_ids,
    with_list_relations,
)
from .programmes import bases_status, coverage
from .work import (
    meeting_commenter,
    meetings_for,
    plan_progress,
    plans_awaiting_approval,
    plans_for,
    review_is_late,
    review_rows,
)

__all__ = [
    "bases_status",
    "consent_states",
    "consent_tracker",
    "consents_by_kind",
    "coverage",
    "curator_area_q",
    "curator_emails",
    "is_pair_mentor",
    "managed_pairs",
    "meeting_commenter",
    "meetings_for",
    "manages_pair",
    "mentee_rows",
    "mentor_rows",
    "orders_for",
    "pair_history",
    "pairs_for",
    "plans_awaiting_approval",
    "plan_progress",
    "plans_for",
    "review_is_late",
    "review_rows",
    "sees_every_mentee",
    "sees_mentee",
    "unpaired_mentees",
    "visible_mentee_ids",
    "with_list_relations",
    "with_mentee_base",
    "with_mentor_base",
]
