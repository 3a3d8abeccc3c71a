"""The roadmap of the demo school: events in every state, bound events done by the demo's facts, two overdue,
and the home pages show it."""

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from mentoring.demo import DEMO_PASSWORD, SCHOOL
from mentoring.models import Programme
from roadmap import selectors
from roadmap.models import Event, Roadmap


def test_the_demo_roadmap(db):
    call_command("demo_data", stdout=open("/dev/null", "w"))
    call_command("demo_data", stdout=open("/dev/null", "w"))  # a second run changes nothing
    programme = Programme.objects.get(organization__short_name=SCHOOL, year=2026)
    roadmap = Roadmap.objects.get(programme=programme)
    assert Roadmap.objects.count() == 1
    rows = selectors.roadmap_rows(roadmap, timezone.localdate())
    events = {event.title: event for row in rows for event in row.events}
    overdue = {title for title, event in events.items() if event.state == "overdue"}
    assert overdue == {"Сбор данных о наставляемых", "«Школа наставников»"}
    pairs = events["Закрепление пар и групп приказом"]
    assert pairs.state == "done" and pairs.evidence.text.startswith("Приказ от") and pairs.status == "planned"
    assert events["База наставников"].evidence is not None
    assert events["Нормативная база целевой модели наставничества"].evidence is not None
    assert {event.state for event in events.values()} == {"done", "overdue", "in_progress", "planned"}
    assert Event.objects.filter(roadmap=roadmap, status="done").exclude(note="").exists()
    assert selectors.approving_order(programme) is not None

    for username, expected in [
        ("coordinator", "Просрочено у вас"),
        ("director", "Дорожная карта"),
        ("mentor", "Встречи наставников"),
    ]:
        client = Client()
        client.login(username=username, password=DEMO_PASSWORD)
        assert expected in client.get("/").content.decode(), username
