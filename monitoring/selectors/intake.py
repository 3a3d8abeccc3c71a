"""The proposals of the intake as rows to read: what the answers propose beside what the base holds now."""

from dataclasses import dataclass

from mentoring.models import MenteeCategory, MenteeProfile, MentorProfile
from monitoring.models import IntakeProposal

MENTOR_LABELS = {
    "competencies": "Компетенции",
    "achievements": "Достижения",
    "interests": "Интересы",
    "interests_other": "Интересы: другое",
    "desired_mentee_age": "Желаемый возраст наставляемых",
    "time_available": "Время на программу",
    "experience_years": "Педагогический стаж, лет",
}
MENTEE_LABELS = {"category": "Категория", "main_request": "Основной запрос"}


@dataclass
class ProposalRow:
    proposal: IntakeProposal
    lines: list  # (label, proposed, in the base now)
    in_base: bool


def _show(name: str, value, categories: dict) -> str:
    if value in (None, "", []):
        return ""
    if name == "interests":
        labels = dict(MentorProfile.Interest.choices)
        return "; ".join(
            str(labels.get(code, code)) for code in value if code != MentorProfile.Interest.OTHER
        )
    if name == "category":
        return categories.get(value, "")
    return str(value)


def proposal_rows(proposals) -> list[ProposalRow]:
    """In a constant number of queries: the proposals, their people and the base entries they already have."""
    proposals = list(proposals.select_related("person", "response__campaign").order_by("-created_at"))
    person_ids = [p.person_id for p in proposals]
    mentors = {m.person_id: m for m in MentorProfile.objects.filter(person_id__in=person_ids)}
    mentees = {m.person_id: m for m in MenteeProfile.objects.filter(person_id__in=person_ids)}
    categories = dict(MenteeCategory.objects.values_list("pk", "name"))
    rows = []
    for proposal in proposals:
        mentor = proposal.base == IntakeProposal.Base.MENTOR
        labels = MENTOR_LABELS if mentor else MENTEE_LABELS
        current = (mentors if mentor else mentees).get(proposal.person_id)
        lines = []
        for name, label in labels.items():
            now = getattr(current, f"{name}_id" if name == "category" else name, None) if current else None
            proposed = _show(name, proposal.fields.get(name), categories)
            if proposed or now:
                lines.append((label, proposed, _show(name, now, categories)))
        rows.append(ProposalRow(proposal, lines, current is not None))
    return rows
