"""The rules of a pair's work (mentoring/services/work.py): individual plans, meetings, reviews."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import AuditEntry
from mentoring import services
from mentoring.models import IndividualPlan, Meeting, MeetingKind, Pair, PlanItem, PlanMark, Review
from mentoring.models.catalogue_data import REVIEW_FORM
from mentoring.tests import factories

pytestmark = pytest.mark.django_db

TODAY = date(2026, 1, 15)  # inside the active pair's period (01.10.2025–29.05.2026)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """The services take «today» from timezone.localdate(): pinned so that no test depends on the calendar."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


def message(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def make_plan(world, pair, *, start=factories.START, end=factories.END, rows=0) -> IndividualPlan:
    """The mentor's plan for the child, with `rows` numbered rows."""
    plan = factories.make_plan(
        pair,
        by=world.users["mentor"],
        mentee=world.persons["child"],
        start=start,
        end=end,
        goal="Повышение успеваемости по математике",
    )
    for i in range(rows):
        add_item(world, plan, f"Мероприятие {i + 1}")
    return plan


def add_item(world, plan, activity="Посещение уроков наставника", **fields) -> PlanItem:
    return factories.add_item(plan, by=world.users["mentor"], activity=activity, **fields)


def approved_plan(world, pair) -> IndividualPlan:
    plan = make_plan(world, pair, rows=2)
    services.plan_submit(plan=plan, by=world.users["mentor"])
    return services.plan_approve(plan=plan, by=world.users["curator"])


# ---------------------------------------------------------------- plan period


@pytest.mark.parametrize(
    "end",
    [date(2025, 12, 30), date(2025, 11, 1), date(2025, 10, 2)],
)
def test_a_plan_shorter_than_3_months_is_refused(world, active_pair, end):
    with pytest.raises(ValidationError) as excinfo:
        make_plan(world, active_pair, start=date(2025, 10, 1), end=end)
    assert excinfo.value.message_dict == {
        "end_date": ["Индивидуальный план составляется не менее чем на 3 месяца."]
    }
    assert not IndividualPlan.objects.exists()


@pytest.mark.parametrize("end", [date(2026, 10, 1), date(2027, 1, 1)])
def test_a_plan_longer_than_12_months_is_refused(world, active_pair, end):
    with pytest.raises(ValidationError) as excinfo:
        make_plan(world, active_pair, start=date(2025, 10, 1), end=end)
    assert excinfo.value.message_dict == {
        "end_date": ["Индивидуальный план составляется не более чем на 1 год."]
    }
    assert not IndividualPlan.objects.exists()


@pytest.mark.parametrize(
    "start, end",
    [
        (date(2025, 10, 1), date(2025, 12, 31)),  # exactly 3 months, the end date inclusive
        (date(2025, 10, 1), date(2026, 9, 30)),  # exactly 12 months
        (date(2025, 11, 30), date(2026, 2, 28)),  # 3 months to the end of a shorter month
        (date(2025, 10, 1), date(2026, 5, 29)),
    ],
)
def test_a_plan_of_3_to_12_months_is_accepted(world, active_pair, start, end):
    plan = make_plan(world, active_pair, start=start, end=end)
    assert IndividualPlan.objects.get().pk == plan.pk
    assert plan.status == IndividualPlan.Status.DRAFT
    assert AuditEntry.objects.filter(action="plan.create", object_id=str(plan.pk)).exists()


def test_three_full_calendar_months_with_an_inclusive_end_are_accepted(world, active_pair):
    plan = make_plan(world, active_pair, start=date(2025, 10, 1), end=date(2025, 12, 31))
    assert plan.pk


def test_a_plan_is_only_for_a_participant_of_the_pair(world, active_pair):
    with pytest.raises(ValidationError) as excinfo:
        services.plan_save(
            plan=IndividualPlan(
                pair=active_pair,
                mentee=world.persons["stranger_child"],
                start_date=date(2025, 10, 1),
                end_date=date(2026, 5, 29),
            ),
            by=world.users["mentor"],
        )
    assert message(excinfo) == "Кузнецов Артём не участник этой пары."


def test_one_plan_per_mentee_in_a_pair_in_the_service_and_the_database(world, active_pair):
    plan = make_plan(world, active_pair)
    with pytest.raises(ValidationError, match="план уже есть"):
        make_plan(world, active_pair)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndividualPlan.objects.create(
            pair=active_pair, mentee=plan.mentee, start_date=plan.start_date, end_date=plan.end_date
        )


# --------------------------------------------------------- submit and approve


def test_submit_needs_at_least_one_row(world, active_pair):
    plan = make_plan(world, active_pair)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_submit(plan=plan, by=world.users["mentor"])
    assert message(excinfo) == "Добавьте в план хотя бы одно мероприятие."
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.DRAFT
    add_item(world, plan)
    services.plan_submit(plan=plan, by=world.users["mentor"])
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.SUBMITTED
    assert AuditEntry.objects.filter(action="plan.submit", actor=world.users["mentor"]).count() == 1


def test_approve_only_a_submitted_plan(world, active_pair):
    plan = make_plan(world, active_pair, rows=1)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_approve(plan=plan, by=world.users["curator"])
    assert message(excinfo) == "Утвердить можно план, представленный наставником."
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.DRAFT and plan.approved_by is None
    services.plan_submit(plan=plan, by=world.users["mentor"])
    services.plan_approve(plan=plan, by=world.users["curator"])
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.APPROVED
    assert plan.approved_by == world.users["curator"] and plan.approved_at is not None
    with pytest.raises(ValidationError):
        services.plan_approve(plan=plan, by=world.users["curator"])  # not twice


def test_changing_an_approved_plan_sends_it_back_to_draft(world, active_pair):
    plan = approved_plan(world, active_pair)
    plan.goal = "Подготовка к ВПР по математике"
    services.plan_save(plan=plan, by=world.users["mentor"])
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.DRAFT
    assert plan.goal == "Подготовка к ВПР по математике"


def test_the_plan_of_a_completed_pair_no_longer_changes(world, active_pair):
    plan = approved_plan(world, active_pair)
    item = plan.items.first()
    services.pair_complete(pair=active_pair, by=world.users["coordinator"], on=date(2026, 5, 29))
    plan.refresh_from_db()
    for attempt in (
        lambda: services.plan_save(plan=plan, by=world.users["mentor"]),
        lambda: add_item(world, plan, "Новая строка"),
        lambda: services.plan_item_delete(item=item, by=world.users["mentor"]),
    ):
        with pytest.raises(ValidationError) as excinfo:
            attempt()
        assert message(excinfo) == "Пара завершена: план больше не меняется."
    assert plan.items.count() == 2
    plan.refresh_from_db()
    assert plan.status == IndividualPlan.Status.APPROVED


def test_the_approved_plan_of_a_completed_pair_cannot_be_resubmitted(world, active_pair):
    plan = approved_plan(world, active_pair)
    services.pair_complete(pair=active_pair, by=world.users["coordinator"], on=date(2026, 5, 29))
    plan.refresh_from_db()
    with pytest.raises(ValidationError):
        services.plan_submit(plan=plan, by=world.users["mentor"])


# ----------------------------------------------------------------- plan rows


def test_rows_are_numbered_in_order(world, active_pair):
    plan = make_plan(world, active_pair)
    for activity in [
        "Посещение уроков наставника",
        "Разработка технологической карты урока",
        "Подготовка к ВПР по математике",
    ]:
        add_item(world, plan, activity)
    assert list(plan.items.values_list("position", "activity")) == [
        (1, "Посещение уроков наставника"),
        (2, "Разработка технологической карты урока"),
        (3, "Подготовка к ВПР по математике"),
    ]


def test_a_done_row_gets_a_date_and_an_undone_row_loses_it(world, active_pair):
    plan = make_plan(world, active_pair)
    item = add_item(world, plan, is_done=True)
    assert item.done_on == TODAY
    dated = add_item(
        world, plan, "Разработка технологической карты урока", is_done=True, done_on=date(2025, 11, 14)
    )
    assert dated.done_on == date(2025, 11, 14)
    item.is_done = False
    services.plan_item_save(item=item, by=world.users["mentor"])
    item.refresh_from_db()
    assert (item.is_done, item.done_on) == (False, None)
    undone = add_item(world, plan, "Самоанализ урока", done_on=date(2025, 11, 14))
    assert undone.done_on is None
    assert AuditEntry.objects.filter(action="plan.item", object_id=str(plan.pk)).count() == 4


def test_a_row_needs_an_activity_and_a_period(world, active_pair):
    plan = make_plan(world, active_pair)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_item_save(item=PlanItem(plan=plan, activity="", period=""), by=world.users["mentor"])
    assert set(excinfo.value.message_dict) == {"activity", "period"}
    assert not plan.items.exists()


def test_the_database_refuses_a_done_row_without_a_date(world, active_pair):
    item = add_item(world, make_plan(world, active_pair))
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanItem.objects.filter(pk=item.pk).update(is_done=True)


def test_a_row_is_deleted_with_an_audit_entry(world, active_pair):
    plan = make_plan(world, active_pair)
    item = add_item(world, plan, "Посещение уроков наставника")
    services.plan_item_delete(item=item, by=world.users["mentor"])
    assert not plan.items.exists()
    assert AuditEntry.objects.get(action="plan.item_delete").data == {
        "activity": "Посещение уроков наставника"
    }


# --------------------------------------------------------------------- marks


@pytest.mark.parametrize("mark", PlanMark.values)
def test_the_three_marks_are_accepted_for_an_active_pair(world, active_pair, mark):
    plan = services.plan_mark(plan=make_plan(world, active_pair), mark=mark, by=world.users["mentor"])
    plan.refresh_from_db()
    assert (plan.mark, plan.marked_on) == (mark, TODAY)


def test_the_mark_is_accepted_for_a_completed_pair(world, active_pair):
    plan = make_plan(world, active_pair)
    services.pair_complete(pair=active_pair, by=world.users["coordinator"], on=date(2026, 5, 29))
    services.plan_mark(plan=plan, mark=PlanMark.PARTIALLY, by=world.users["curator"])
    plan.refresh_from_db()
    assert plan.get_mark_display() == "выполнен не в полной мере"


@pytest.mark.parametrize("mark", ["", "done", "выполнен"])
def test_only_the_three_marks(world, active_pair, mark):
    plan = make_plan(world, active_pair)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_mark(plan=plan, mark=mark, by=world.users["mentor"])
    assert excinfo.value.message_dict == {"mark": ["Выберите отметку о выполнении плана."]}
    plan.refresh_from_db()
    assert plan.mark == ""


def test_no_mark_before_the_pair_works(world, active_pair):
    plan = make_plan(world, active_pair)
    Pair.objects.filter(pk=active_pair.pk).update(status=Pair.Status.APPROVED)
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        services.plan_mark(plan=plan, mark=PlanMark.FULLY, by=world.users["mentor"])
    assert message(excinfo) == "Отметку о выполнении ставят, когда пара работает или завершена."


# ------------------------------------------------------------------ meetings


def meet(world, pair, kind, day, **fields) -> Meeting:
    fields.setdefault("topic", "Встреча")
    return services.meeting_save(
        meeting=Meeting(pair=pair, kind=kind, date=day, **fields), by=world.users["mentor"]
    )


@pytest.mark.parametrize("day", [date(2025, 9, 30), date(2026, 5, 30)])
def test_a_meeting_is_within_the_pair_dates(world, active_pair, day):
    with pytest.raises(ValidationError) as excinfo:
        meet(world, active_pair, MeetingKind.ORGANISATIONAL, day)
    assert excinfo.value.message_dict == {"date": ["Дата встречи — в сроках пары: 01.10.2025–29.05.2026."]}
    assert not Meeting.objects.exists()


def test_meetings_on_the_first_and_last_day_are_fine(world, active_pair):
    meet(world, active_pair, MeetingKind.ORGANISATIONAL, date(2025, 10, 1))
    meet(world, active_pair, MeetingKind.FINAL, date(2026, 5, 29))
    assert active_pair.meetings.count() == 2


@pytest.mark.parametrize(
    "kind", [MeetingKind.ORGANISATIONAL, MeetingKind.TRIAL, MeetingKind.PLANNING, MeetingKind.FINAL]
)
def test_a_single_meeting_kind_happens_once(world, active_pair, kind):
    meet(world, active_pair, kind, date(2025, 10, 2))
    with pytest.raises(ValidationError) as excinfo:
        meet(world, active_pair, kind, date(2025, 10, 9))
    assert excinfo.value.message_dict == {"kind": [f"«{kind.label}» у этой пары уже была."]}
    assert active_pair.meetings.count() == 1


def test_editing_the_organisational_meeting_is_not_a_second_one(world, active_pair):
    meeting = meet(world, active_pair, MeetingKind.ORGANISATIONAL, date(2025, 10, 2))
    meeting.topic = "Знакомство, правила работы пары"
    services.meeting_save(meeting=meeting, by=world.users["mentor"])
    assert active_pair.meetings.get().topic == "Знакомство, правила работы пары"
    assert AuditEntry.objects.filter(action="meeting.update").count() == 1


def test_regular_meetings_repeat(world, active_pair):
    for day in [date(2025, 11, 6), date(2025, 11, 20), date(2025, 12, 4)]:
        meet(world, active_pair, MeetingKind.REGULAR, day)
    assert active_pair.meetings.filter(kind=MeetingKind.REGULAR).count() == 3


def test_no_notes_for_a_meeting_that_has_not_happened(world, active_pair):
    with pytest.raises(ValidationError) as excinfo:
        meet(world, active_pair, MeetingKind.REGULAR, date(2026, 1, 16), notes="Разобрали задания")
    assert "notes" in excinfo.value.message_dict
    meet(world, active_pair, MeetingKind.REGULAR, date(2026, 1, 16))  # planned, without notes
    meet(world, active_pair, MeetingKind.REGULAR, TODAY, notes="Разобрали задания ВПР")
    assert active_pair.meetings.count() == 2


def test_meetings_only_for_an_approved_or_active_pair(world, active_pair):
    meet(world, active_pair, MeetingKind.ORGANISATIONAL, date(2025, 10, 2))
    services.pair_complete(pair=active_pair, by=world.users["coordinator"], on=date(2026, 5, 29))
    active_pair.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        meet(world, active_pair, MeetingKind.REGULAR, date(2025, 12, 4))
    assert message(excinfo) == "Встречи записывают у утверждённой или работающей пары."
    assert active_pair.meetings.count() == 1


def test_the_hint_suggests_the_organisational_meeting_first(world, active_pair):
    assert services.meeting_hint(active_pair)["suggested"] == MeetingKind.ORGANISATIONAL


def test_no_step_is_skipped_before_the_first_meeting(world, active_pair):
    assert services.meeting_hint(active_pair)["skipped"] == []


def test_the_hint_follows_the_usual_order(world, active_pair):
    steps = [
        (MeetingKind.ORGANISATIONAL, date(2025, 10, 2), MeetingKind.TRIAL),
        (MeetingKind.TRIAL, date(2025, 10, 9), MeetingKind.PLANNING),
        (MeetingKind.PLANNING, date(2025, 10, 16), MeetingKind.REGULAR),
        (MeetingKind.REGULAR, date(2025, 10, 30), MeetingKind.REGULAR),
        (MeetingKind.REGULAR, date(2025, 11, 13), MeetingKind.REGULAR),
    ]
    for kind, day, suggested in steps:
        meet(world, active_pair, kind, day)
        assert services.meeting_hint(active_pair) == {"suggested": suggested, "skipped": []}, kind
    meet(world, active_pair, MeetingKind.FINAL, date(2026, 5, 20))
    assert services.meeting_hint(active_pair) == {"suggested": None, "skipped": []}


def test_the_hint_reports_a_skipped_step(world, active_pair):
    meet(world, active_pair, MeetingKind.ORGANISATIONAL, date(2025, 10, 2))
    meet(world, active_pair, MeetingKind.PLANNING, date(2025, 10, 16))  # without the trial meeting
    assert services.meeting_hint(active_pair) == {
        "suggested": MeetingKind.REGULAR,
        "skipped": ["Пробная рабочая встреча"],
    }


def test_the_hint_reports_every_skipped_step_before_a_final_meeting(world, active_pair):
    meet(world, active_pair, MeetingKind.FINAL, date(2026, 5, 20))
    assert services.meeting_hint(active_pair) == {
        "suggested": None,
        "skipped": ["Первая, организационная встреча", "Пробная рабочая встреча", "Встреча-планирование"],
    }


# ------------------------------------------------------------------- reviews

REQUIRED_TEXT = [row for row in REVIEW_FORM if row["kind"] == "text" and row["required"]]
FULL_ANSWERS = {
    "topics_studied": "Нормативные документы, методика подготовки к ВПР",
    "tasks_completed": "Решил 12 вариантов ВПР, подготовил доклад",
    "qualities_assessment": "Ответственный, настойчивый",
    "potential_and_recommendations": "Рекомендуется участие в олимпиаде",
}


def test_a_review_is_not_submitted_while_required_answers_are_empty(world, active_pair):
    with pytest.raises(ValidationError) as excinfo:
        services.review_save(
            pair=active_pair,
            mentee=world.persons["child"],
            by=world.users["mentor"],
            submit=True,
            answers={"topics_studied": "Дроби", "tasks_completed": "   "},
        )
    text = message(excinfo)
    assert text.startswith("Заполните обязательные пункты отзыва: ")
    for row in REQUIRED_TEXT:
        assert (row["title_ru"] in text) == (row["code"] != "topics_studied"), row["code"]
    assert not Review.objects.exists()  # nothing saved: the submission was refused as a whole


def test_a_draft_review_is_saved_with_empty_answers_and_unknown_keys_dropped(world, active_pair):
    review = services.review_save(
        pair=active_pair,
        mentee=world.persons["child"],
        by=world.users["mentor"],
        answers={"topics_studied": "  Дроби  ", "hack": "x"},
    )
    assert review.status == Review.Status.DRAFT
    assert review.answers["topics_studied"] == "Дроби"
    assert "hack" not in review.answers
    assert set(review.answers) == {row["code"] for row in REVIEW_FORM if row["kind"] == "text"}


def test_a_submitted_review_is_read_only(world, active_pair):
    child, by = world.persons["child"], world.users["mentor"]
    review = services.review_save(pair=active_pair, mentee=child, answers=FULL_ANSWERS, by=by, submit=True)
    assert review.status == Review.Status.SUBMITTED and review.submitted_at is not None
    with pytest.raises(ValidationError) as excinfo:
        services.review_save(
            pair=active_pair, mentee=child, answers={**FULL_ANSWERS, "topics_studied": "x"}, by=by
        )
    assert message(excinfo) == "Отзыв уже представлен куратору и не меняется."
    review.refresh_from_db()
    assert review.answers["topics_studied"] == FULL_ANSWERS["topics_studied"]
    assert review.status == Review.Status.SUBMITTED


def test_acknowledge_only_a_submitted_review(world, active_pair):
    child = world.persons["child"]
    review = services.review_save(
        pair=active_pair, mentee=child, answers=FULL_ANSWERS, by=world.users["mentor"]
    )
    with pytest.raises(ValidationError) as excinfo:
        services.review_acknowledge(review=review, by=world.users["curator"])
    assert message(excinfo) == "Принять можно только представленный отзыв."
    review = services.review_save(
        pair=active_pair, mentee=child, answers=FULL_ANSWERS, by=world.users["mentor"], submit=True
    )
    services.review_acknowledge(review=review, by=world.users["curator"])
    review.refresh_from_db()
    assert review.status == Review.Status.ACKNOWLEDGED and review.acknowledged_by == world.users["curator"]
    with pytest.raises(ValidationError):
        services.review_acknowledge(review=review, by=world.users["curator"])  # not twice
    with pytest.raises(ValidationError):
        services.review_save(pair=active_pair, mentee=child, answers=FULL_ANSWERS, by=world.users["mentor"])
    actions = (
        AuditEntry.objects.filter(object_type="mentoring.Review")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert list(actions) == ["review.save", "review.submit", "review.acknowledge"]


def test_a_review_is_for_an_active_or_completed_pair_and_its_mentee(world, active_pair):
    with pytest.raises(ValidationError) as excinfo:
        services.review_save(
            pair=active_pair, mentee=world.persons["stranger_child"], answers={}, by=world.users["mentor"]
        )
    assert "не участник этой пары" in message(excinfo)
    Pair.objects.filter(pk=active_pair.pk).update(status=Pair.Status.APPROVED)
    active_pair.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        services.review_save(
            pair=active_pair, mentee=world.persons["child"], answers={}, by=world.users["mentor"]
        )
    assert message(excinfo) == "Отзыв пишут по работающей или завершённой паре."
    Pair.objects.filter(pk=active_pair.pk).update(status=Pair.Status.ACTIVE)
    services.pair_complete(pair=active_pair, by=world.users["coordinator"], on=date(2026, 5, 29))
    active_pair.refresh_from_db()
    review = services.review_save(
        pair=active_pair,
        mentee=world.persons["child"],
        answers=FULL_ANSWERS,
        by=world.users["mentor"],
        submit=True,
    )
    assert review.status == Review.Status.SUBMITTED
