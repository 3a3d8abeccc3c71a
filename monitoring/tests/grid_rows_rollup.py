"""The municipality's roll-up in the permission grid (see accounts.testing.grid).

The world's observer works for the municipality «Управление образования г. Энска», the parent of the world's
school (conftest.build_world); the other school belongs to another municipality here: its figures are a 404 to
the observer."""

from accounts.models import Organization
from accounts.testing.grid import expect, get


def build(world) -> None:
    o = world.o
    o.other_municipality = Organization.objects.create(
        full_name="Управление образования соседнего района",
        short_name="Управление образования района",
        kind=Organization.Kind.MUNICIPALITY,
    )
    Organization.objects.filter(pk=world.other.pk).update(parent=o.other_municipality)


OBSERVER = expect(403, observer=200)

ROWS = [
    get("monitoring:rollup", table=OBSERVER),
    get("monitoring:rollup.school", lambda w: [w.school.pk], OBSERVER),
    get(
        "monitoring:rollup.school",
        lambda w: [w.other.pk],
        expect(403, observer=404),
        note="a school of another municipality",
    ),
    get(
        "monitoring:rollup.school",
        lambda w: [w.municipality.pk],
        expect(403, observer=404),
        note="the municipality itself is not a school",
    ),
    get("monitoring:rollup.export", table=OBSERVER),
]
