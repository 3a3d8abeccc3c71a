"""Write paths of the monitoring app (one function per use case; see the modules for the rules). It writes into
the mentoring core only through mentoring.services (the intake's base entries)."""

from .answers import Value, answer_section_save, consent_missing, draft_of, invitation_check
from .campaigns import (
    LaunchReport,
    answer_url,
    campaign_close,
    campaign_delete,
    campaign_launch,
    campaign_remind,
    campaign_save,
    campaigns_close_due,
)
from .intake import intake_accept, intake_reject
from .questionnaires import (
    has_answers,
    question_delete,
    question_move,
    question_save,
    questionnaire_copy,
    questionnaire_delete,
    questionnaire_save,
    section_delete,
    section_save,
    standard_set_install,
)

__all__ = [
    "LaunchReport",
    "Value",
    "answer_section_save",
    "answer_url",
    "campaign_close",
    "campaign_delete",
    "campaign_launch",
    "campaign_remind",
    "campaign_save",
    "campaigns_close_due",
    "consent_missing",
    "draft_of",
    "has_answers",
    "intake_accept",
    "intake_reject",
    "invitation_check",
    "question_delete",
    "question_move",
    "question_save",
    "questionnaire_copy",
    "questionnaire_delete",
    "questionnaire_save",
    "section_delete",
    "section_save",
    "standard_set_install",
]
