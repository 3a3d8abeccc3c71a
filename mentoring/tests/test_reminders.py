"""Review reminders: the active pair ends on 29.05.2026, so its review is due on 22.05.2026 (a Friday); the
mentor is reminded from 19.05 (3 working days before) to 22.05, the curators from 25.05 on."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import delivered
from mentoring import services, tasks
from mentoring.models import ReminderLog
from mentoring.services.reminders import DUE_SOON, OVERDUE, send_review_reminders
from mentoring.tests.test_reviews import COMPLETE


@pytest.mark.parametrize("day", [date(2026, 5, 18), date(2025, 10, 1)])
def test_nothing_before_the_three_working_days(active_pair, day):
    assert send_review_reminders(day) == {DUE_SOON: 0, OVERDUE: 0}
    assert not delivered()


@pytest.mark.parametrize("day", [date(2026, 5, 19), date(2026, 5, 22)])
def test_the_mentor_is_reminded_before_the_due_date(world, active_pair, day):
    assert send_review_reminders(day) == {DUE_SOON: 1, OVERDUE: 0}
    [email] = delivered()
    assert email.to == ["mentor@example.com"] and "22.05.2026" in email.subject
    assert "Мария Петровна" in email.body
    assert reverse("mentoring:review.edit", args=[active_pair.pk, world.persons["child"].pk]) in email.body
    assert "Сидоров" not in email.body


def test_the_curators_are_told_after_the_due_date(world, active_pair):
    assert send_review_reminders(date(2026, 5, 25)) == {DUE_SOON: 0, OVERDUE: 1}
    [email] = delivered()
    assert sorted(email.to) == ["coordinator@example.com", "curator@example.com"]
    assert "просрочен" in email.subject and reverse("mentoring:review.list") in email.body


def test_a_second_run_the_same_day_sends_nothing(active_pair):
    send_review_reminders(date(2026, 5, 20))
    assert send_review_reminders(date(2026, 5, 20)) == {DUE_SOON: 0, OVERDUE: 0}
    assert len(delivered()) == 1
    assert send_review_reminders(date(2026, 5, 21)) == {DUE_SOON: 1, OVERDUE: 0}
    assert ReminderLog.objects.count() == 2


def test_no_reminder_once_the_review_is_submitted(world, active_pair):
    services.review_save(
        pair=active_pair,
        mentee=world.persons["child"],
        answers=COMPLETE,
        submit=True,
        by=world.users["mentor"],
    )
    assert send_review_reminders(date(2026, 5, 20)) == {DUE_SOON: 0, OVERDUE: 0}
    assert send_review_reminders(date(2026, 5, 26)) == {DUE_SOON: 0, OVERDUE: 0}
    assert not delivered()


def test_no_reminder_for_a_pair_that_is_not_working(world, active_pair):
    services.pair_terminate(pair=active_pair, reason="переезд семьи", by=world.users["coordinator"])
    assert send_review_reminders(date(2026, 5, 26)) == {DUE_SOON: 0, OVERDUE: 0}


def test_a_mentor_without_an_email_is_not_logged_as_reminded(world, active_pair):
    world.users["mentor"].email = ""
    world.users["mentor"].save()
    assert send_review_reminders(date(2026, 5, 20)) == {DUE_SOON: 0, OVERDUE: 0}
    assert not ReminderLog.objects.exists()
    world.persons["mentor"].email = "ivanova@school.example"
    world.persons["mentor"].save()
    send_review_reminders(date(2026, 5, 20))
    assert delivered()[0].to == ["ivanova@school.example"]


def test_the_command_takes_a_date(active_pair):
    out = StringIO()
    call_command("send_reminders", "--date", "2026-05-25", stdout=out)
    assert "кураторам о просрочке: 1" in out.getvalue() and len(delivered()) == 1


def test_the_celery_task_runs_in_process_without_a_broker(active_pair):
    assert tasks.send_review_reminders.delay("2026-05-19").get() == {DUE_SOON: 1, OVERDUE: 0}
    assert len(delivered()) == 1
