"""The personal iCal feed: a secret address shown once, replaced and revoked; the feed opens in a calendar app."""

from datetime import date

from django.urls import reverse
from icalendar import Calendar

from roadmap import services
from roadmap.models import CalendarFeed


def _token(response) -> str:
    text = response.content.decode()
    start = text.index('id="feed-url">') + len('id="feed-url">')
    url = text[start : text.index("<", start)]
    return url.rsplit("/", 2)[-2]


def test_a_mentor_subscribes_to_their_tasks(world, client, current_roadmap):
    signed_in = world.client(client, "mentor")
    token = _token(signed_in.post(reverse("roadmap:feed")))
    client.logout()
    response = client.get(reverse("roadmap:ical", args=[token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert sorted(str(e["summary"]) for e in events) == [
        "Встречи наставников и наставляемых",
        "Индивидуальные планы наставляемых",
    ]
    [event] = [e for e in events if str(e["summary"]).startswith("Встречи")]
    year = current_roadmap.programme.year
    assert event.decoded("dtstart") == date(year, 10, 1) and event.decoded("dtend") == date(year + 1, 6, 1)
    assert "Этап 6" in str(event["description"])


def test_a_new_address_replaces_the_old_and_revoking_stops_it(world, client, current_roadmap):
    signed_in = world.client(client, "coordinator")
    first = _token(signed_in.post(reverse("roadmap:feed")))
    second = _token(signed_in.post(reverse("roadmap:feed")))
    assert client.get(reverse("roadmap:ical", args=[first])).status_code == 404
    assert client.get(reverse("roadmap:ical", args=[second])).status_code == 200
    page = signed_in.get(reverse("roadmap:feed")).content.decode()
    assert second not in page and "Отключить календарь" in page  # the address is shown only once
    signed_in.post(reverse("roadmap:feed.revoke"))
    response = client.get(reverse("roadmap:ical", args=[second]))
    assert response.status_code == 404 and "отключил" in response.content.decode()


def test_only_the_hash_is_stored(world, current_roadmap):
    token = services.feed_issue(user=world.users["director"], organization=world.school)
    feed = CalendarFeed.objects.get()
    assert token not in feed.token_hash and len(feed.token_hash) == 64


def test_a_user_who_left_the_school_gets_no_events(world, client, current_roadmap):
    token = services.feed_issue(user=world.users["mentor"], organization=world.school)
    world.users["mentor"].memberships.all().delete()
    assert client.get(reverse("roadmap:ical", args=[token])).status_code == 404
