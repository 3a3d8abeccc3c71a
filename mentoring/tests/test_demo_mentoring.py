"""The mentoring demo (mentoring/demo/pairs.py): what a first look needs, built twice without a change.

Building the demo takes about a second, so one test builds it once and checks each requirement in a helper."""

from collections import Counter
from datetime import date

import pytest

from accounts.models import AuditEntry, User
from mentoring.demo import build_demo
from mentoring.demo.pairs import build_mentoring_demo
from mentoring.models import (
    IndividualPlan,
    Meeting,
    MeetingKind,
    MenteeProfile,
    MentorProfile,
    MentorTerm,
    Pair,
    PairMentee,
    PlanItem,
    Programme,
    ProgrammeCurator,
    Review,
)
from mentoring.services import meeting_hint

pytestmark = pytest.mark.django_db

MODELS = [
    Programme,
    ProgrammeCurator,
    MentorProfile,
    MenteeProfile,
    Pair,
    PairMentee,
    MentorTerm,
    IndividualPlan,
    PlanItem,
    Meeting,
    Review,
    AuditEntry,
]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_has_what_a_first_look_needs_and_a_second_run_changes_nothing():
    school, _other = build_demo()
    build_mentoring_demo(school)
    for check in [
        check_programmes,
        check_bases,
        check_pairs,
        check_group_of_five,
        check_unpaired_mentee,
        check_demo_mentor,
        check_replaced_mentor,
        check_plans_meetings_and_reviews,
    ]:
        check(school)
    before = counts()
    statuses = dict(Pair.objects.values_list("pk", "status"))
    build_mentoring_demo(school)
    assert counts() == before
    assert dict(Pair.objects.values_list("pk", "status")) == statuses


def check_programmes(demo):
    current = demo.programmes.get(year=2026)
    assert current.title == "Программа наставничества МБОУ «СОШ № 1» на 2026/2027 учебный год"
    assert (current.start_date, current.end_date) == (date(2026, 9, 1), date(2027, 5, 31))
    assert demo.programmes.get(year=2025).end_date == date(2026, 5, 31)
    for programme in demo.programmes.all():
        assert set(programme.forms.values_list("code", flat=True)) == {
            "teacher_teacher",
            "teacher_pupil",
            "pupil_pupil",
        }
        assert programme.directions.exists()
        areas = {(c.curator.username, c.form.code if c.form else None) for c in programme.curators.all()}
        assert areas == {
            ("coordinator", None),
            ("curator", "teacher_pupil"),
            ("curator", "pupil_pupil"),
            ("curator2", "teacher_teacher"),
        }


def check_bases(demo):
    mentors = demo.mentor_profiles.select_related("person")
    assert mentors.filter(person__kind="staff").count() == 10
    students = mentors.filter(person__kind="student")
    assert [p.person.group for p in students] == ["11А", "11А"]
    assert all(p.competencies and p.time_available and p.code_acknowledged_on for p in mentors)
    assert mentors.filter(training_status=MentorProfile.Training.TRAINED, trained_on__isnull=False).exists()
    mentees = demo.mentee_profiles.select_related("person", "category")
    assert mentees.filter(person__kind="staff").count() == 6
    # all students but the two student mentors, and the 8А class added by the documents demo
    assert mentees.filter(person__kind="student").exclude(person__group="8А").count() == 22
    assert all(p.category_id and p.main_request for p in mentees)


def check_pairs(demo):
    pairs = Pair.objects.filter(organization=demo)
    assert pairs.count() >= 15
    assert set(pairs.values_list("form__code", flat=True)) == {
        "teacher_teacher",
        "teacher_pupil",
        "pupil_pupil",
    }
    assert set(pairs.values_list("status", flat=True)) >= set(Pair.Status.values) - {Pair.Status.SUSPENDED}
    for pair in pairs.filter(status=Pair.Status.TERMINATED):
        assert pair.termination_reason and pair.closed_on
        assert not pair.memberships.filter(is_open=True).exists()
    for pair in pairs.filter(status__in=[Pair.Status.AGREED, Pair.Status.APPROVED, Pair.Status.ACTIVE]):
        assert pair.mentor_agreed_on and not pair.memberships.filter(mentee_agreed_on__isnull=True).exists()


def check_group_of_five(demo):
    sizes = Counter(
        PairMentee.objects.filter(pair__organization=demo, is_open=True).values_list("pair", flat=True)
    )
    assert max(sizes.values()) == 5


def check_unpaired_mentee(demo):
    unpaired = demo.mentee_profiles.filter(left_on__isnull=True).exclude(
        person__pair_memberships__is_open=True
    )
    assert unpaired.exclude(support_given="").exists()


def check_demo_mentor(demo):
    person = User.objects.get(username="mentor").persons.get()
    pairs = Pair.objects.filter(mentor=person)
    assert pairs.count() >= 3
    active = pairs.filter(status=Pair.Status.ACTIVE, plans__items__isnull=False).distinct()
    assert active.exists()
    assert pairs.filter(memberships__mentee__user__username="mentee").exists()


def check_replaced_mentor(demo):
    terms = MentorTerm.objects.filter(pair__organization=demo).exclude(end_ground="")
    assert terms.count() == 1
    term = terms.get()
    assert term.end_ground == "transfer" and term.ended_on == date(2026, 11, 2)
    pair = term.pair
    assert pair.mentor != term.mentor
    assert pair.mentor_terms.get(ended_on__isnull=True).mentor == pair.mentor


def check_plans_meetings_and_reviews(demo):
    for pair in Pair.objects.filter(organization=demo, status=Pair.Status.ACTIVE):
        assert pair.plans.filter(items__isnull=False).exists(), pair
        assert pair.meetings.filter(kind=MeetingKind.ORGANISATIONAL).exists(), pair
    items = PlanItem.objects.filter(plan__pair__organization=demo)
    assert items.filter(is_done=True).exists() and items.filter(is_done=False).exists()
    assert not items.filter(is_done=True, done_on__isnull=True).exists()
    plans = IndividualPlan.objects.filter(pair__organization=demo, pair__status=Pair.Status.ACTIVE)
    assert plans.filter(status=IndividualPlan.Status.SUBMITTED).exists()
    assert plans.filter(status=IndividualPlan.Status.APPROVED).exists()
    assert IndividualPlan.objects.filter(pair__status=Pair.Status.COMPLETED).exclude(mark="").exists()
    reviews = Review.objects.filter(pair__organization=demo)
    assert sorted(reviews.values_list("status", flat=True)) == ["acknowledged", "submitted"]
    skipped = [meeting_hint(pair)["skipped"] for pair in Pair.objects.filter(status=Pair.Status.ACTIVE)]
    assert ["Пробная рабочая встреча"] in skipped  # one pair held its planning without the trial meeting
