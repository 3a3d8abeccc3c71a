"""What an order says: the generated draft texts and the frozen snapshot that its PDF is rendered from."""

from datetime import date

from mentoring.documents.russian import decline_full_name, format_date_ru, initials_surname

CONTROL_ITEM = "Контроль за исполнением настоящего приказа оставляю за собой."


def person_data(person) -> dict:
    return {
        "id": person.pk,
        "last_name": person.last_name,
        "first_name": person.first_name,
        "middle_name": person.middle_name,
        "sex": person.sex,
        "description": person.description,
    }


def fio(person, case: str) -> str:
    return decline_full_name(person.last_name, person.first_name, person.middle_name, person.sex, case)


def pair_assignment(pair, mentees) -> str:
    """«Иванову Марию Петровну (учитель математики) — наставником Петрова Ивана Сергеевича (обучающийся 7Б)»."""
    whom = ", ".join(
        f"{fio(m, 'genitive')} ({m.description})" if m.description else fio(m, "genitive") for m in mentees
    )
    mentor = fio(pair.mentor, "accusative") + (f" ({pair.mentor.position})" if pair.mentor.position else "")
    return f"{mentor} — наставником {whom}"


def pairs_appendix(pairs_with_mentees) -> dict:
    rows = []
    for number, (pair, mentees) in enumerate(pairs_with_mentees, start=1):
        rows.append(
            [
                str(number),
                f"{pair.mentor.full_name}, {pair.mentor.position}".strip(", "),
                "\n".join(f"{m.full_name}, {m.description}".strip(", ") for m in mentees),
                pair.form.name + (f" ({pair.role_model.name})" if pair.role_model else ""),
                f"{pair.start_date:%d.%m.%Y} – {pair.end_date:%d.%m.%Y}",
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
    return f"от {format_date_ru(order.approved_on)} № {order.number}" if order.number else ""


def snapshot(order, *, number: str = "", day: date | None = None) -> dict:
    """Everything the PDF shows, as plain data: frozen on approval so the document never changes."""
    organization = order.organization
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
        "items": list(order.items),
        "appendices": list(order.appendices),
        "signatory": signatory(organization),
        "acknowledgements": [
            {"name": ack.person.full_name, "description": ack.person.description}
            for ack in order.acknowledgements.select_related("person").order_by(
                "person__last_name", "person__first_name"
            )
        ],
        "amends": (
            f"{order.get_amendment_display()} {order_reference(order.amends)} «{order.amends.title}»"
            if order.amends_id
            else ""
        ),
    }
