"""The roadmap in the permission grid (see accounts.testing.grid).

The world's school: the roadmap of mentoring's grid programme (made from the seed 000 template) and a programme
of the next year without one; the meetings event has mentors as its responsible group. The other school has its
own roadmap: a 404 to the world's school and open to the other coordinator. The coordinator has a calendar
address."""

from datetime import date

from accounts.testing.grid import expect, get, post
from mentoring.models import Programme
from roadmap import services

STAFF = {"coordinator": 200, "curator": 200, "director": 200}
OWN_VIEW = {**STAFF, "other_coordinator": 404}
FOREIGN_VIEW = {"coordinator": 404, "curator": 404, "director": 404, "other_coordinator": 200}
EDITOR = {"coordinator": 200, "other_coordinator": 404}
EDITOR_POST = {"coordinator": 302, "other_coordinator": 404}
EVERYONE = expect(
    200, observer=403
)  # every member of a school; the municipality's observer sees figures only


def build(world) -> None:
    o, users = world.o, world.users
    o.roadmap = services.roadmap_create(
        programme=o.programme, template="seven_stages_months", by=users["coordinator"]
    )
    o.stage = o.roadmap.stages.get(number=6)
    o.event = o.roadmap.events.get(title="Встречи наставников и наставляемых")
    o.next_programme = Programme.objects.create(
        organization=world.school, year=2026, start_date=date(2026, 9, 1), end_date=date(2027, 6, 30)
    )
    o.foreign_roadmap = services.roadmap_create(
        programme=o.foreign_programme, template="short_teachers", by=users["other_coordinator"]
    )
    o.feed_token = services.feed_issue(user=users["coordinator"], organization=world.school)


def programme(name):
    return lambda w: [getattr(w.o, name).pk]


def on_event(w):
    return [w.o.programme.pk, w.o.event.pk]


ROWS = [
    get("roadmap:list", table=expect(403, **STAFF, other_coordinator=200)),
    get("roadmap:detail", programme("programme"), expect(403, **OWN_VIEW)),
    get("roadmap:detail", programme("foreign_programme"), expect(403, **FOREIGN_VIEW)),
    get("roadmap:create", programme("next_programme"), expect(403, **EDITOR)),
    get("roadmap:update", programme("programme"), expect(403, **EDITOR)),
    get(
        "roadmap:update", programme("foreign_programme"), expect(403, coordinator=404, other_coordinator=200)
    ),
    get("roadmap:timeline", programme("programme"), expect(403, **OWN_VIEW)),
    get("roadmap:pdf", programme("programme"), expect(403, **OWN_VIEW)),
    get("roadmap:pdf", programme("foreign_programme"), expect(403, **FOREIGN_VIEW)),
    get("roadmap:stage.create", programme("programme"), expect(403, **EDITOR)),
    get("roadmap:stage.update", lambda w: [w.o.programme.pk, w.o.stage.pk], expect(403, **EDITOR)),
    post("roadmap:stage.delete", lambda w: [w.o.programme.pk, w.o.stage.pk], expect(403, **EDITOR_POST)),
    get("roadmap:event.create", lambda w: [w.o.programme.pk, w.o.stage.pk], expect(403, **EDITOR)),
    get("roadmap:event.update", on_event, expect(403, **EDITOR)),
    post("roadmap:event.delete", on_event, expect(403, **EDITOR_POST)),
    # Mentors are the responsible group of the meetings: they tick it, as the coordinator may.
    post(
        "roadmap:event.complete",
        on_event,
        expect(403, coordinator=302, mentor=302, other_coordinator=404, observer=404),
        data=lambda w: {"note": "Встречи проведены", "done_on": "2025-11-20"},
    ),
    post(
        "roadmap:event.reopen",
        on_event,
        expect(403, coordinator=302, mentor=302, other_coordinator=404, observer=404),
    ),
    get("roadmap:tasks", table=EVERYONE),
    get("roadmap:feed", table=EVERYONE),
    post("roadmap:feed", table=EVERYONE, note="a new address is shown on the page"),
    post("roadmap:feed.revoke", table=expect(302, observer=403)),
    # The feed is public: the secret address is the key.
    get("roadmap:ical", lambda w: [w.o.feed_token], expect(200, anonymous=200)),
]
