"""Write paths of the mentoring core (one function per use case; see the modules for the rules)."""

from .bases import mentee_profile_save, mentor_code_acknowledge, mentor_profile_save, programme_save
from .consents import consent_blockers, consent_withdraw, missing_consents
from .orders import (
    approval_blockers,
    order_acknowledge,
    order_approve,
    order_draft_free,
    order_draft_from_programme,
    order_draft_pairs,
    order_draft_replacement,
    order_draft_reward,
    order_pdf,
    order_return,
    order_submit,
    order_update,
)
from .pairs import (
    pair_activate,
    pair_add_mentee,
    pair_approve,
    pair_complete,
    pair_create,
    pair_record_agreement,
    pair_remove_mentee,
    pair_replace_mentor,
    pair_terminate,
)
from .work import (
    meeting_hint,
    meeting_save,
    plan_approve,
    plan_item_delete,
    plan_item_save,
    plan_mark,
    plan_save,
    plan_submit,
    review_acknowledge,
    review_save,
    safeguarding_follow_up,
    safeguarding_report,
)

__all__ = [
    "consent_blockers", "consent_withdraw", "missing_consents",
    "approval_blockers", "order_acknowledge", "order_approve", "order_draft_free", "order_draft_from_programme",
    "order_draft_pairs", "order_draft_replacement", "order_draft_reward", "order_pdf", "order_return", "order_submit",
    "order_update",
    "mentee_profile_save", "mentor_code_acknowledge", "mentor_profile_save", "programme_save",
    "pair_activate", "pair_add_mentee", "pair_approve", "pair_complete", "pair_create", "pair_record_agreement",
    "pair_remove_mentee", "pair_replace_mentor", "pair_terminate",
    "meeting_hint", "meeting_save", "plan_approve", "plan_item_delete", "plan_item_save", "plan_mark", "plan_save",
    "plan_submit", "review_acknowledge", "review_save", "safeguarding_follow_up", "safeguarding_report",
]  # fmt: skip
