"""Meetings: the usual order suggested, skipped steps warned about, the pair's dates, the partial."""

from datetime import date

from django.template.loader import render_to_string
from django.urls import reverse

from mentoring import services
from mentoring.models import Meeting, MeetingKind
from mentoring.tests.test_plans import make_group, make_plan


def hold(pair, kind, day, by, topic="Знакомство"):
    return services.meeting_save(meeting=Meeting(pair=pair, kind=kind, date=day, topic=topic), by=by)


def test_the_form_suggests_the_next_kind_in_the_usual_order(world, client, active_pair):
    client = world.client(client, "mentor")
    url = reverse("mentoring:meeting.create", args=[active_pair.pk])
    assert client.get(url).context["form"]["kind"].value() == MeetingKind.ORGANISATIONAL
    hold(active_pair, MeetingKind.ORGANISATIONAL, date(2025, 10, 2), world.users["mentor"])
    assert client.get(url).context["form"]["kind"].value() == MeetingKind.TRIAL


def test_a_skipped_step_is_warned_about(world, client, active_pair):
    hold(active_pair, MeetingKind.ORGANISATIONAL, date(2025, 10, 2), world.users["mentor"])
    hold(active_pair, MeetingKind.PLANNING, date(2025, 10, 9), world.users["mentor"], topic="План")
    page = world.client(client, "mentor").get(reverse("mentoring:meeting.create", args=[active_pair.pk]))
    assert "Пропущен этап: Пробная рабочая встреча." in page.content.decode()
    assert page.context["form"]["kind"].value() == MeetingKind.REGULAR


def test_mentor_records_a_meeting(world, client, active_pair):
    client = world.client(client, "mentor")
    data = {
        "kind": "organisational",
        "date": "2025-10-03",
        "topic": "Знакомство",
        "notes": "Обсудили интересы",
    }
    response = client.post(reverse("mentoring:meeting.create", args=[active_pair.pk]), data)
    assert response["Location"] == reverse("mentoring:pair.detail", args=[active_pair.pk])
    meeting = active_pair.meetings.get()
    assert meeting.topic == "Знакомство" and meeting.created_by == world.users["mentor"]


def test_a_meeting_is_within_the_pairs_dates(world, client, active_pair):
    client = world.client(client, "mentor")
    data = {"kind": "organisational", "date": "2026-06-10", "topic": "Знакомство"}
    response = client.post(reverse("mentoring:meeting.create", args=[active_pair.pk]), data)
    assert "в сроках пары: 01.10.2025–29.05.2026" in response.context["form"].errors["date"][0]
    assert not active_pair.meetings.exists()


def test_a_step_other_than_regular_is_held_once(world, client, active_pair):
    hold(active_pair, MeetingKind.ORGANISATIONAL, date(2025, 10, 2), world.users["mentor"])
    data = {"kind": "organisational", "date": "2025-10-10", "topic": "Ещё раз"}
    response = world.client(client, "mentor").post(
        reverse("mentoring:meeting.create", args=[active_pair.pk]), data
    )
    assert "уже была" in response.context["form"].errors["kind"][0]
    assert active_pair.meetings.count() == 1


def test_meetings_wait_for_the_approval_of_the_pair(world, client, programme):
    group = make_group(world, programme)
    data = {"kind": "organisational", "date": "2025-10-03", "topic": "Знакомство"}
    response = world.client(client, "mentor").post(reverse("mentoring:meeting.create", args=[group.pk]), data)
    assert "у утверждённой или работающей пары" in response.content.decode()
    assert not group.meetings.exists()


def test_a_closed_pair_takes_no_meetings(world, client, active_pair):
    services.pair_terminate(pair=active_pair, reason="переезд семьи", by=world.users["coordinator"])
    client = world.client(client, "mentor")
    data = {"kind": "organisational", "date": "2025-10-03", "topic": "Знакомство"}
    assert client.post(reverse("mentoring:meeting.create", args=[active_pair.pk]), data).status_code == 403


def test_meetings_on_the_plan_page_keep_the_notes_for_the_staff(world, client, active_pair):
    plan = make_plan(active_pair, by=world.users["mentor"])
    meeting = hold(active_pair, MeetingKind.ORGANISATIONAL, date(2025, 10, 2), world.users["mentor"])
    meeting.notes = "Мама просила не задерживать после уроков"
    meeting.save()
    url = reverse("mentoring:plan.detail", args=[plan.pk])
    mentor_page = world.client(client, "mentor").get(url).content.decode()
    assert "Знакомство" in mentor_page and meeting.notes in mentor_page
    assert reverse("mentoring:meeting.create", args=[active_pair.pk]) in mentor_page
    client.logout()
    parent_page = world.client(client, "parent").get(url).content.decode()
    assert "Знакомство" in parent_page and meeting.notes not in parent_page
    assert reverse("mentoring:meeting.create", args=[active_pair.pk]) not in parent_page


def test_the_meetings_partial_for_the_pair_page(world, active_pair):
    hold(active_pair, MeetingKind.TRIAL, date(2025, 10, 2), world.users["mentor"], topic="Пробная")
    html = render_to_string(
        "mentoring/work/_meetings.html",
        {
            "pair": active_pair,
            "meetings": active_pair.meetings.all(),
            "hint": services.meeting_hint(active_pair),
            "can_edit": True,
        },
    )
    assert "Пробная" in html and "02.10.2025" in html
    assert "Пропущен этап: Первая, организационная встреча." in html
    assert reverse("mentoring:meeting.create", args=[active_pair.pk]) in html
