"""The programme of mentoring and the «Школа наставников» as appendices of the orders that approve them."""

from datetime import timedelta

from mentoring.documents.russian import format_date_short
from mentoring.regulation_text import MENTOR_SCHOOL_GOAL, MENTOR_SCHOOL_RESULT, PROGRAMME_GOAL


def _curator_persons(programme) -> list[dict]:
    """Each curator once, with all their areas («по форме …», «по направлению …», «программа в целом»)."""
    organization = programme.organization
    people: dict[int, dict] = {}
    for area in programme.curators.select_related("curator", "form", "direction").order_by("pk"):
        person = area.curator.persons.filter(organization=organization).first()
        key = area.curator_id
        entry = people.setdefault(
            key,
            {"person": person, "user": area.curator, "forms": [], "directions": [], "whole": False},
        )
        if area.form is not None:
            entry["forms"].append(area.form.name)
        elif area.direction is not None:
            entry["directions"].append(area.direction.name)
        else:
            entry["whole"] = True
    return list(people.values())


def areas_text(entry: dict) -> str:
    parts = []
    if entry["whole"]:
        parts.append("по программе в целом")
    if entry["forms"]:
        word = "по форме" if len(entry["forms"]) == 1 else "по формам"
        parts.append(f"{word} " + ", ".join(f"«{name}»" for name in entry["forms"]))
    if entry["directions"]:
        word = "по направлению" if len(entry["directions"]) == 1 else "по направлениям"
        parts.append(f"{word} " + ", ".join(f"«{name.lower()}»" for name in entry["directions"]))
    return "; ".join(parts)


def curators_of(programme) -> list[dict]:
    return _curator_persons(programme)


def programme_context(programme) -> dict:
    organization = programme.organization
    forms = list(programme.forms.prefetch_related("role_models").order_by("position", "name"))
    curators = []
    for entry in _curator_persons(programme):
        person = entry["person"]
        name = person.full_name if person else (entry["user"].get_full_name() or entry["user"].username)
        position = person.description if person else ""
        curators.append({"name": name, "position": position, "areas": areas_text(entry)})
    return {
        "programme": programme,
        "goal": PROGRAMME_GOAL.replace("{organization}", organization.short_name),
        "period": f"с {format_date_short(programme.start_date)} по {format_date_short(programme.end_date)}",
        "forms": forms,
        "directions": list(programme.directions.all()),
        "curators": curators,
        "bases_deadline": format_date_short(programme.bases_deadline),
    }


def mentor_school_context(programme) -> dict:
    sessions = list(programme.mentor_school_sessions.select_related("trainer").order_by("date", "time", "pk"))
    return {
        "programme": programme,
        "goal": MENTOR_SCHOOL_GOAL,
        "result": MENTOR_SCHOOL_RESULT,
        "sessions": sessions,
        "hours": sum(s.hours for s in sessions),
    }


def mentor_school_trainers(programme) -> list:
    """The school's own trainers (Persons), each once, in the order of their first session."""
    seen, trainers = set(), []
    for session in programme.mentor_school_sessions.select_related("trainer").order_by("date", "pk"):
        if session.trainer is not None and session.trainer_id not in seen:
            seen.add(session.trainer_id)
            trainers.append(session.trainer)
    return trainers


def mentor_school_end(programme):
    last = programme.mentor_school_sessions.order_by("-date").first()
    return last.date + timedelta(days=7) if last else None
