"""Figures of a programme that its page, the monitoring and the roadmap share: coverage against the targets,
the state of the bases."""

from datetime import date

from django.db.models import Count, Q

from accounts.models import Person
from mentoring.models import Programme


def coverage(programme: Programme) -> list[dict]:
    """Share of the organisation's staff and students who are mentees in open pairs of the programme."""
    in_pairs = Q(pair_memberships__is_open=True, pair_memberships__pair__programme=programme)
    staff, students = Q(kind=Person.Kind.STAFF), Q(kind=Person.Kind.STUDENT)
    counts = programme.organization.persons.aggregate(
        staff=Count("pk", filter=staff, distinct=True),
        staff_covered=Count("pk", filter=staff & in_pairs, distinct=True),
        students=Count("pk", filter=students, distinct=True),
        students_covered=Count("pk", filter=students & in_pairs, distinct=True),
    )
    rows = []
    for key, label, target in [
        ("staff", "Педагоги", programme.teachers_target_pct),
        ("students", "Обучающиеся", programme.students_target_pct),
    ]:
        total, covered = counts[key], counts[f"{key}_covered"]
        pct = round(covered * 100 / total, 1) if total else 0
        rows.append(
            {
                "label": label,
                "total": total,
                "covered": covered,
                "pct": pct,
                "target": target,
                "met": pct >= target,
            }
        )
    return rows


def bases_status(programme: Programme, today: date) -> dict:
    """The bases are formed by 1 October (seed 001 §3.3): after it an empty base is a warning."""
    organization = programme.organization
    return {
        "deadline": programme.bases_deadline,
        "overdue": today > programme.bases_deadline,
        "mentors": organization.mentor_profiles.filter(left_on__isnull=True).count(),
        "mentees": organization.mentee_profiles.filter(left_on__isnull=True).count(),
    }
