"""The import of lists and the pair matching in the permission grid (accounts.testing.grid).

The world's school and the other school each have an uploaded list waiting for its import; the matching
pages take the programmes of mentoring/tests/grid_rows.py (the curator's area there: «Учитель – ученик»)."""

from accounts.testing.grid import expect, get, post
from mentoring.models import MentoringForm
from mentoring.services.imports import upload_create
from mentoring.tests.conftest import make_xlsx

LIST = [["ФИО", "Класс", "Основной запрос"], ["Новикова Ольга Ивановна", "5А", "чтение"]]
MANAGE = {"coordinator": 200, "curator": 200, "other_coordinator": 200}
OWN_MANAGE = {"coordinator": 200, "curator": 200, "other_coordinator": 404}
FOREIGN_MANAGE = {"coordinator": 404, "curator": 404, "other_coordinator": 200}
OWN_POST = {"coordinator": 302, "curator": 302, "other_coordinator": 404}
FOREIGN_POST = {"coordinator": 404, "curator": 404, "other_coordinator": 302}


def build(world) -> None:
    o = world.o
    for name, school, user in [
        ("upload", world.school, world.users["coordinator"]),
        ("foreign_upload", world.other, world.users["other_coordinator"]),
    ]:
        upload = upload_create(
            organization=school, base="mentees", data=make_xlsx(LIST), filename="5а.xlsx", by=user
        )
        setattr(o, name, upload)
    o.pupil_form = MentoringForm.objects.get(code="teacher_pupil")


def pk(name):
    return lambda w: [getattr(w.o, name).pk]


def _mapping(name):
    return lambda w: {f"column_{i}": code for i, code in enumerate(getattr(w.o, name).mapping)}


def _accept(w):
    return {
        "form": w.o.pupil_form.pk,
        "choice": f"{w.persons['mentor'].pk}:{w.persons['stranger_child'].pk}",
        "start_date": "2025-10-01",
        "end_date": "2026-05-29",
    }


ROWS = [
    # Import of lists: who manages the bases (the coordinator, a curator), each school its own uploads
    get("mentoring:import.start", table=expect(403, **MANAGE)),
    post("mentoring:import.start", table=expect(403, **MANAGE), note="no file: the form again"),
    get("mentoring:import.template", lambda w: ["mentees"], expect(403, **MANAGE)),
    get("mentoring:import.template", lambda w: ["mentors"], expect(403, **MANAGE)),
    get("mentoring:import.preview", pk("upload"), expect(403, **OWN_MANAGE)),
    get("mentoring:import.preview", pk("foreign_upload"), expect(403, **FOREIGN_MANAGE)),
    post("mentoring:import.preview", pk("upload"), expect(403, **OWN_POST), data=_mapping("upload")),
    post("mentoring:import.commit", pk("upload"), expect(403, **OWN_POST)),
    post("mentoring:import.commit", pk("foreign_upload"), expect(403, **FOREIGN_POST)),
    # Matching: who forms pairs (the coordinator; the curator in their area)
    get("mentoring:matching.start", table=expect(403, coordinator=302, curator=302, other_coordinator=302)),
    get("mentoring:matching", pk("programme"), expect(403, **OWN_MANAGE)),
    get("mentoring:matching", pk("foreign_programme"), expect(403, **FOREIGN_MANAGE)),
    post("mentoring:matching.accept", pk("programme"), expect(403, **OWN_POST), data=_accept),
    get("mentoring:pair.mentee_search", table=expect(403, **MANAGE)),
]
