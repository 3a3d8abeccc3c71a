"""Reminders of the roadmap: in the week before an undone event's end and once it is overdue, once each."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import delivered
from roadmap import services, tasks
from roadmap.models import EventReminder
from roadmap.services import DUE_SOON, OVERDUE, send_event_reminders
from roadmap.tests.conftest import event_titled


@pytest.fixture
def selection(roadmap):
    """Only «Отбор наставников из базы» (October 2025, the coordinator) is left in the roadmap."""
    event = event_titled(roadmap, "Отбор наставников из базы")
    roadmap.events.exclude(pk=event.pk).delete()
    return event


def test_nothing_before_the_last_week(selection):
    assert send_event_reminders(date(2025, 10, 23)) == {DUE_SOON: 0, OVERDUE: 0}
    assert not delivered()


def test_the_responsible_person_is_reminded_once_in_the_last_week(world, selection):
    assert send_event_reminders(date(2025, 10, 24)) == {DUE_SOON: 1, OVERDUE: 0}
    assert send_event_reminders(date(2025, 10, 27)) == {DUE_SOON: 0, OVERDUE: 0}
    [email] = delivered()
    assert email.to == ["coordinator@example.com"]
    assert "31.10.2025" in email.subject and "Отбор наставников из базы" in email.subject
    assert reverse("roadmap:detail", args=[selection.roadmap.programme_id]) in email.body


def test_overdue_goes_to_the_responsible_and_the_coordinators_once(world, selection):
    selection.responsible_people.set([world.persons["curator"]])
    assert send_event_reminders(date(2025, 11, 3)) == {DUE_SOON: 0, OVERDUE: 1}
    assert send_event_reminders(date(2025, 11, 4)) == {DUE_SOON: 0, OVERDUE: 0}
    [email] = delivered()
    assert sorted(email.to) == ["coordinator@example.com", "curator@example.com"]
    assert "просрочено" in email.subject
    assert EventReminder.objects.get().kind == OVERDUE


def test_a_moved_deadline_is_reminded_again(world, selection):
    send_event_reminders(date(2025, 11, 3))
    selection.end_date = date(2025, 11, 10)
    selection.save()
    assert send_event_reminders(date(2025, 11, 5)) == {DUE_SOON: 1, OVERDUE: 0}


def test_a_done_event_is_not_reminded(world, selection):
    services.event_complete(
        event=selection, note="Отобраны", by=world.users["coordinator"], on=date(2025, 10, 20)
    )
    assert send_event_reminders(date(2025, 10, 28)) == {DUE_SOON: 0, OVERDUE: 0}
    assert send_event_reminders(date(2025, 11, 3)) == {DUE_SOON: 0, OVERDUE: 0}


def test_a_bound_event_whose_fact_happened_is_not_reminded(world, roadmap, agreed_pair):
    event = event_titled(roadmap, "Закрепление пар и групп приказом")
    roadmap.events.exclude(pk=event.pk).delete()
    from mentoring import services as mentoring

    order = mentoring.order_draft_pairs(
        programme=roadmap.programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    mentoring.order_submit(order=order, by=world.users["coordinator"])
    mentoring.order_approve(order=order, by=world.users["director"])
    assert send_event_reminders(date(2025, 11, 3)) == {DUE_SOON: 0, OVERDUE: 0}


def test_mentors_as_a_group_are_reminded(world, roadmap):
    event = event_titled(roadmap, "Встречи наставников и наставляемых")
    roadmap.events.exclude(pk=event.pk).delete()
    assert send_event_reminders(date(2026, 5, 26)) == {DUE_SOON: 1, OVERDUE: 0}
    assert delivered()[0].to == ["mentor@example.com"]


def test_the_command_and_the_task(selection):
    out = StringIO()
    call_command("send_roadmap_reminders", "--date", "2025-10-25", stdout=out)
    assert "о сроке: 1, о просрочке: 0" in out.getvalue()
    assert tasks.send_event_reminders("2025-11-03") == {DUE_SOON: 0, OVERDUE: 1}
