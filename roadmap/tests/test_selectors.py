"""The live state of events, the current stage, the period labels and the home page's panel."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.actor import Actor
from roadmap import selectors, services
from roadmap.models import Event
from roadmap.tests.conftest import event_titled


def _event(**fields):
    return Event(start_date=date(2025, 10, 1), end_date=date(2025, 10, 31), **fields)


@pytest.mark.parametrize(
    ("status", "evidence", "today", "state"),
    [
        ("planned", None, date(2025, 9, 15), "planned"),
        ("in_progress", None, date(2025, 9, 15), "in_progress"),
        ("planned", None, date(2025, 10, 15), "in_progress"),
        ("planned", None, date(2025, 10, 31), "in_progress"),
        ("planned", None, date(2025, 11, 1), "overdue"),
        ("in_progress", None, date(2025, 11, 1), "overdue"),
        ("done", None, date(2025, 11, 1), "done"),
        ("planned", "приказ", date(2025, 11, 1), "done"),
    ],
)
def test_event_state(status, evidence, today, state):
    assert selectors.event_state(_event(status=status), evidence, today) == state


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (date(2025, 9, 1), date(2025, 9, 30), "сентябрь 2025"),
        (date(2025, 10, 1), date(2025, 11, 30), "октябрь – ноябрь 2025"),
        (date(2025, 10, 1), date(2026, 5, 31), "октябрь 2025 – май 2026"),
        (date(2025, 10, 1), date(2025, 10, 15), "01.10.2025 – 15.10.2025"),
        (date(2025, 10, 7), date(2025, 10, 7), "07.10.2025"),
    ],
)
def test_period_label(start, end, label):
    assert selectors.period_label(start, end) == label


def test_the_current_stage_is_the_first_unfinished_one_that_has_begun(world, roadmap):
    rows = selectors.roadmap_rows(roadmap, date(2025, 10, 10))
    assert selectors.current_stage(rows, date(2025, 10, 10)).number == 1  # stage 1 is not finished
    for event in roadmap.stages.get(number=1).events.all():
        services.event_complete(
            event=event, note="сделано", by=world.users["coordinator"], on=date(2025, 9, 30)
        )
    rows = selectors.roadmap_rows(roadmap, date(2025, 10, 10))
    assert selectors.current_stage(rows, date(2025, 10, 10)).number == 2
    assert (
        selectors.current_stage(selectors.roadmap_rows(roadmap, date(2025, 5, 1)), date(2025, 5, 1)).number
        == 2
    )


def test_overdue_is_derived_and_counted(roadmap):
    rows = selectors.roadmap_rows(roadmap, date(2025, 11, 5))
    counts = selectors.counts(rows)
    overdue = [e.title for row in rows for e in row.events if e.state == "overdue"]
    assert "Отбор наставников из базы" in overdue and counts["overdue"] == len(overdue)
    assert counts["total"] == roadmap.events.count() and counts["done"] == 0


def test_the_timeline_lists_running_and_due_events_per_month(roadmap):
    months = selectors.timeline(selectors.roadmap_rows(roadmap, date(2025, 10, 10)), date(2025, 10, 10))
    october = next(m for m in months if m["month"] == date(2025, 10, 1))
    assert october["current"] and {e.title for e in october["due"]} >= {"Отбор наставников из базы"}
    assert "Встречи наставников и наставляемых" in {e.title for e in october["events"]}
    assert "Встречи наставников и наставляемых" not in {e.title for e in october["due"]}
    assert months[0]["label"] == "Июнь 2025" and months[-1]["label"] == "Май 2026"


def test_the_home_panel_of_a_mentor_and_of_the_coordinator(world, current_roadmap):
    year = current_roadmap.programme.year
    mentor = selectors.home_panel(Actor.of(world.users["mentor"], world.school), date(year, 11, 15))
    assert [e.title for e in mentor["next"]] == [
        "Индивидуальные планы наставляемых",
        "Встречи наставников и наставляемых",
    ]
    assert mentor["counts"] is None and mentor["overdue"] == []
    coordinator = selectors.home_panel(Actor.of(world.users["coordinator"], world.school), date(year, 11, 15))
    assert coordinator["stage"].number == 1 and coordinator["counts"]["overdue"] > 0
    assert "Изучение материалов о наставничестве" in [e.title for e in coordinator["overdue"]]
    assert selectors.home_panel(Actor.of(world.users["parent"], world.school), date(year, 11, 15)) is None


def test_the_coordinator_is_asked_to_make_the_roadmap(world, client):
    from django.utils import timezone

    from mentoring.models import Programme
    from roadmap.tests.conftest import academic_year

    year = academic_year(timezone.localdate())
    programme = Programme.objects.create(
        organization=world.school, year=year, start_date=date(year, 9, 1), end_date=date(year + 1, 6, 30)
    )
    text = world.client(client, "coordinator").get(reverse("home")).content.decode()
    assert "ещё не составлена" in text and reverse("roadmap:detail", args=[programme.pk]) in text


def test_the_home_page_shows_the_roadmap_with_pinned_queries(
    world, client, current_roadmap, django_assert_max_num_queries
):
    client = world.client(client, "coordinator")
    with django_assert_max_num_queries(40):
        text = client.get(reverse("home")).content.decode()
    assert "Дорожная карта" in text and "Сейчас: <strong>этап" in text and "Просрочено у вас" in text
    mentor = world.client(client, "mentor").get(reverse("home")).content.decode()
    assert "Встречи наставников и наставляемых" in mentor and "Вся дорожная карта" not in mentor


def test_my_event_ticked_leaves_my_list(world, current_roadmap):
    event = event_titled(current_roadmap, "Встречи наставников и наставляемых")
    services.event_complete(event=event, note="все встречи", by=world.users["mentor"])
    actor = Actor.of(world.users["mentor"], world.school)
    tasks = selectors.tasks(actor, date(current_roadmap.programme.year, 11, 15))
    assert [e.state for e in tasks if e.pk == event.pk] == ["done"] and tasks[-1].pk == event.pk
