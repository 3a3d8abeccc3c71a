"""What an order says: the generated draft texts and the frozen snapshot that its PDF is rendered from.

Deadlines. A draft writes a deadline that depends on the signature as «{+14}» (14 days after the order is
signed); the snapshot taken at the signature puts the date in its place, so the signed text has real dates only.
A deadline typed as a date («в срок до 15.10.2026») stays as typed, and the director cannot sign an order with a
deadline before the signing date (deadline_problems names it)."""

import re
from datetime import date, timedelta

from django.utils import timezone

from mentoring.documents import appendices as appendix_registry
from mentoring.documents.russian import (
    decline_full_name,
    format_date_short,
    initials_surname,
    name_with_description,
    person_description,
)

CONTROL_ITEM = "Контроль за исполнением настоящего приказа оставляю за собой."
RELATIVE_DEADLINE = re.compile(r"\{\+(\d{1,3})\}")
DATED_DEADLINE = re.compile(r"\bдо\s+(\d{2})\.(\d{2})\.(\d{4})")
# Acknowledgement lists longer than this, and every order with appendices, get their own «лист ознакомления»
# after the appendices instead of sitting between the signature and the appendix.
SHORT_ACKNOWLEDGEMENT = 12


def relative(days: int) -> str:
    return f"{{+{days}}}"


def resolve_deadlines(text: str, day: date) -> str:
    return RELATIVE_DEADLINE.sub(lambda m: format_date_short(day + timedelta(days=int(m.group(1)))), text)


def deadline_problems(items: list[str], day: date) -> list[str]:
    """Every dated deadline («до 01.10.2026») before `day`, naming the point and the date."""
    problems = []
    for number, item in enumerate(items, 1):
        text = resolve_deadlines(item, day)
        for match in DATED_DEADLINE.finditer(text):
            before = text[: match.start()]
            if before.count("«") > before.count("»"):
                continue  # quoted words of another text («слова „в срок до …“ заменить»), not a deadline
            try:
                deadline = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            except ValueError:
                problems.append(f"Пункт {number}: дата «{match.group(0)}» не существует — исправьте её.")
                continue
            if deadline < day:
                problems.append(
                    f"Пункт {number}: срок «{match.group(0)}» раньше даты подписания {format_date_short(day)} — "
                    "исправьте срок (или запишите его как «{+N}»: N дней со дня подписания)."
                )
    return problems


def content_problems(order) -> list[str]:
    """What makes the text of an order not a text to sign: no point besides «Контроль…», an unfinished point,
    an appendix without content."""
    problems = []
    items = [item.strip() for item in order.items if item.strip()]
    if not [item for item in items if not item.startswith("Контроль за исполнением")]:
        problems.append(
            "В приказе нет распорядительных пунктов, кроме пункта о контроле: напишите, что приказывается."
        )
    for number, item in enumerate(items, 1):
        if item.rstrip().endswith(":"):
            problems.append(f"Пункт {number} не закончен: после двоеточия ничего не написано.")
    problems.extend(appendix_registry.missing_appendices(order))
    return problems


# --- People in the text -------------------------------------------------------------------------------


def fio(person, case: str) -> str:
    return decline_full_name(person.last_name, person.first_name, person.middle_name, person.sex, case)


def named(person, case: str) -> str:
    """«Зерщикову Анну Николаевну, заместителя директора по УВР» (name and position in the same case)."""
    return name_with_description(person, case)


def join_ru(parts: list[str]) -> str:
    """«А», «А и Б», «А, Б и В»."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " и " + parts[-1]


def people_with_descriptions(people, case: str) -> str:
    """Several people with their positions in one case; the comma closing a position stays before «и»:
    «Сидорова Павла Игоревича, обучающегося 7Б класса, и Фёдоровой Дарьи Алексеевны, обучающейся 7Б класса»."""
    texts = [named(p, case) for p in people]
    if len(texts) <= 1:
        return "".join(texts)
    out = ", ".join(texts[:-1])
    return out + (", и " if ", " in texts[-2] else " и ") + texts[-1]


def pair_assignment(pair, mentees) -> str:
    """«Иванову Марию Петровну, учителя математики, — наставником Сидорова Павла Игоревича, обучающегося 7Б
    класса»."""
    mentor = named(pair.mentor, "accusative")
    separator = ", —" if ", " in mentor else " —"
    return f"{mentor}{separator} наставником {people_with_descriptions(mentees, 'genitive')}"


def pairs_appendix(pairs_with_mentees) -> dict:
    rows = []
    for number, (pair, mentees) in enumerate(pairs_with_mentees, start=1):
        rows.append(
            [
                str(number),
                f"{pair.mentor.full_name}, {pair.mentor.description}".strip(", "),
                "\n".join(f"{m.full_name}, {m.description}".strip(", ") for m in mentees),
                pair.form.name + (f" ({pair.role_model.name})" if pair.role_model else ""),
                f"{format_date_short(pair.start_date)} – {format_date_short(pair.end_date)}",
            ]
        )
    return {
        "title": "Состав наставнических пар (групп)",
        "columns": [
            "№",
            "Наставник, должность",
            "Наставляемый, должность или класс",
            "Форма наставничества",
            "Период",
        ],
        "rows": rows,
        "name_columns": [1, 2],
    }


def signatory(organization) -> dict:
    parts = organization.director_name.split()
    name = (
        initials_surname(parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else "")
        if parts
        else ""
    )
    return {"position": organization.director_position, "name": name}


def order_reference(order) -> str:
    """«от 12.10.2026 № 5-ОД» for a signed order."""
    return f"от {format_date_short(order.approved_on)} № {order.number}" if order.number else ""


def snapshot(order, *, number: str = "", day: date | None = None) -> dict:
    """Everything the PDF shows, as plain data: frozen on approval so the document never changes. A draft's
    deadlines are shown as if it were signed today."""
    organization = order.organization
    acknowledgements = [
        {
            "name": ack.person.full_name,
            "description": person_description(ack.person),
        }
        for ack in order.acknowledgements.select_related("person").order_by(
            "person__last_name", "person__first_name", "person__middle_name"
        )
    ]
    appendices = appendix_registry.frozen(order)
    on = day or timezone.localdate()
    return {
        "organization": {
            "full_name": organization.full_name,
            "short_name": organization.short_name,
            "city": organization.city,
        },
        "kind": order.kind,
        "number": number,
        "date": day.isoformat() if day else "",
        "title": order.title,
        "preamble": order.preamble,
        "items": [resolve_deadlines(item, on) for item in order.items],
        "appendices": appendices,
        "signatory": signatory(organization),
        "acknowledgements": acknowledgements,
        # On its own sheet after the appendices when the order has appendices or a long list.
        "acknowledgement_sheet": bool(appendices) or len(acknowledgements) > SHORT_ACKNOWLEDGEMENT,
        "amends": (
            f"{order.get_amendment_display()} {order_reference(order.amends)} «{order.amends.title}»"
            if order.amends_id
            else ""
        ),
    }
