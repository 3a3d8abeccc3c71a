"""Pair suggestions for a form of mentoring: who may be paired at all (the hard rules of the form and of the
Regulation), how well they fit (a score with the reasons in words), and the optimal assignment of the whole
base (scipy's linear_sum_assignment, a mentor's column repeated for each free place).

Pure functions of a Board (the people of one form, loaded by mentoring.selectors.matching); the write that
turns accepted suggestions into draft pairs is mentoring.services.matching."""

from .assignment import Suggestion, Suggestions, Unmatched, suggest
from .board import Board, MenteeCard, MentorCard
from .roles import FormRoles, roles_for
from .scoring import Fit, evaluate, obstacle

__all__ = [
    "Board",
    "Fit",
    "FormRoles",
    "MenteeCard",
    "MentorCard",
    "Suggestion",
    "Suggestions",
    "Unmatched",
    "evaluate",
    "obstacle",
    "roles_for",
    "suggest",
]
