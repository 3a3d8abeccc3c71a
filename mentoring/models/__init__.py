from .catalogue import Audience, Direction, MenteeCategory, MentorCategory, MentoringForm, RoleModel
from .documents import MentorSchoolSession, RegulationVersion
from .imports import ImportBase, PeopleImport
from .orders import ApprovedOrderError, DocumentPack, Order, OrderAcknowledgement, OrderCounter, OrderPair
from .pairs import MAX_MENTEES, MentorTerm, Pair, PairMentee, ReplacementGround, TerminationCategory
from .profiles import MenteeProfile, MentorProfile
from .programme import CURATOR_ROLES, Programme, ProgrammeCurator
from .work import (
    IndividualPlan,
    Meeting,
    MeetingComment,
    MeetingKind,
    PlanItem,
    PlanMark,
    ReminderLog,
    Review,
    SafeguardingReport,
)

__all__ = [
    "Audience",
    "Direction",
    "MenteeCategory",
    "MentorCategory",
    "MentoringForm",
    "RoleModel",
    "MAX_MENTEES",
    "MentorTerm",
    "Pair",
    "PairMentee",
    "ReplacementGround",
    "MenteeProfile",
    "MentorProfile",
    "CURATOR_ROLES",
    "Programme",
    "ProgrammeCurator",
    "IndividualPlan",
    "Meeting",
    "MeetingComment",
    "MeetingKind",
    "PlanItem",
    "PlanMark",
    "ReminderLog",
    "Review",
    "SafeguardingReport",
    "ApprovedOrderError",
    "Order",
    "OrderAcknowledgement",
    "OrderCounter",
    "OrderPair",
    "DocumentPack",
    "MentorSchoolSession",
    "RegulationVersion",
    "TerminationCategory",
    "ImportBase",
    "PeopleImport",
]
