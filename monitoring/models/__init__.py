from .analysis import Swot
from .campaigns import Answer, Campaign, IntakeProposal, Response, SurveyInvitation
from .questionnaires import BaseField, Kind, Question, Questionnaire, QuestionType, Respondent, Section

__all__ = [
    "Answer",
    "BaseField",
    "Campaign",
    "IntakeProposal",
    "Kind",
    "Question",
    "QuestionType",
    "Questionnaire",
    "Respondent",
    "Response",
    "Section",
    "SurveyInvitation",
    "Swot",
]
