"""Reads of the monitoring app: they take an actor, an organisation or a campaign, never a request."""

from .audience import addresses, audience
from .campaigns import open_invitations_for, people_choices, progress, with_rates
from .intake import proposal_rows
from .preferences import mentor_preferences_for, preferences_for
from .results import before_after, compute_results, results_of

__all__ = [
    "addresses",
    "audience",
    "before_after",
    "compute_results",
    "mentor_preferences_for",
    "open_invitations_for",
    "people_choices",
    "preferences_for",
    "proposal_rows",
    "progress",
    "results_of",
    "with_rates",
]
