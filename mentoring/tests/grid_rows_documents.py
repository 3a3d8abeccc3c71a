"""The school's own documents in the permission grid: the Положение, the «Школа наставников» of a programme
(with a session), and the progress of a signed order's PDF (see accounts.testing.grid)."""

from accounts.testing.grid import expect, get, post
from mentoring.tests.test_documents_regulation import add_session

ADMINISTRATION = {"coordinator": 200, "curator": 200, "director": 200}


def build(world) -> None:
    """After mentoring/tests/grid_rows.py: the world's programme and the other school's exist."""
    o = world.o
    o.session = add_session(o.programme, trainer_name="Орлова С.Ю.")
    o.foreign_session = add_session(o.foreign_programme, trainer_name="Чужой П.")


ROWS = [
    # The school's own texts: the administration reads, the coordinator edits; another school sees its own.
    get("mentoring:regulation.detail", table=expect(403, **ADMINISTRATION, other_coordinator=200)),
    get("mentoring:regulation.edit", table=expect(403, coordinator=200, other_coordinator=200)),
    get(
        "mentoring:mentor_school",
        lambda w: [w.o.programme.pk],
        expect(403, **ADMINISTRATION, other_coordinator=404),
    ),
    get(
        "mentoring:mentor_school",
        lambda w: [w.o.foreign_programme.pk],
        expect(403, coordinator=404, curator=404, director=404, other_coordinator=200),
    ),
    post(
        "mentoring:mentor_school",
        lambda w: [w.o.programme.pk],
        expect(403, coordinator=200, other_coordinator=404),
        note="an empty session form comes back with its errors",
    ),
    get(
        "mentoring:mentor_school.session.update",
        lambda w: [w.o.programme.pk, w.o.session.pk],
        expect(403, coordinator=200, other_coordinator=404),
    ),
    get(
        "mentoring:mentor_school.session.update",
        lambda w: [w.o.foreign_programme.pk, w.o.foreign_session.pk],
        expect(403, coordinator=404, other_coordinator=200),
    ),
    post(
        "mentoring:mentor_school.session.delete",
        lambda w: [w.o.programme.pk, w.o.session.pk],
        expect(403, coordinator=302, other_coordinator=404),
    ),
    # The PDF of a signed order, rendered after the signature: whoever may read the order.
    get(
        "mentoring:order.pdf_status",
        lambda w: [w.o.signed_order.pk],
        expect(404, **ADMINISTRATION, mentor=200, mentee=200),
    ),
    get("mentoring:order.pdf_status", lambda w: [w.o.foreign_order.pk], expect(404, other_coordinator=200)),
]
