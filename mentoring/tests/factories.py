"""Builders of the mentoring core's test data. Pairs, plans and reviews are made through the services, as
a user would make them, so every rule they check holds in the tests' data too."""

from datetime import date

from mentoring import services
from mentoring.models import IndividualPlan, MentoringForm, Pair, PlanItem

START, END = date(2025, 10, 1), date(2026, 5, 29)
REVIEW_ANSWERS = {
    "topics_studied": "Дроби и проценты",
    "tasks_completed": "Проект «Математика в магазине»",
    "qualities_assessment": "Ответственный, любознательный",
    "potential_and_recommendations": "Олимпиада",
}
STAGES = ("draft", "agreed", "approved", "active")


def make_pair(
    programme, *, form: str, mentor, mentees, by, start=START, end=END, stage: str = "active"
) -> Pair:
    """A pair (a group with several mentees) taken through its lifecycle up to `stage`."""
    pair = services.pair_create(
        programme=programme,
        form=MentoringForm.objects.get(code=form),
        mentor=mentor,
        mentees=list(mentees),
        start_date=start,
        end_date=end,
        by=by,
    )
    if STAGES.index(stage) >= 1:
        for person in (mentor, *mentees):
            pair = services.pair_record_agreement(pair=pair, person=person, by=by)
    if STAGES.index(stage) >= 2:
        pair = services.pair_approve(pair=pair, by=by)
    if STAGES.index(stage) >= 3:
        pair = services.pair_activate(pair=pair, by=by)
    return Pair.objects.get(pk=pair.pk)


def make_plan(pair, *, by, mentee=None, start=START, end=END, **fields) -> IndividualPlan:
    plan = IndividualPlan(
        pair=pair, mentee=mentee or pair.mentees.first(), start_date=start, end_date=end, **fields
    )
    return services.plan_save(plan=plan, by=by)


def add_item(
    plan, *, by, activity="Знакомство, выявление запроса", period="октябрь 2025", **fields
) -> PlanItem:
    return services.plan_item_save(
        item=PlanItem(plan=plan, activity=activity, period=period, **fields), by=by
    )


def submit_review(pair, *, mentee, by, answers=None):
    return services.review_save(
        pair=pair, mentee=mentee, answers=answers or REVIEW_ANSWERS, submit=True, by=by
    )
