"""Reads of the roadmap: the live state of each event (facts asked once per key), the table, the timeline,
«Мои задачи», the home panel and the approving order. They take an organisation, a roadmap or an actor."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from accounts.models import Person, Role
from mentoring import facts
from mentoring.models import Order
from mentoring.selectors.facts import signed_order

from .catalogue import AWAITED_FACTS
from .models import Event, Roadmap, Stage

PLANNED, IN_PROGRESS, DONE, OVERDUE = "planned", "in_progress", "done", "overdue"
STATE_LABELS = {
    PLANNED: "Запланировано",
    IN_PROGRESS: "В работе",
    DONE: "Выполнено",
    OVERDUE: "Просрочено",
}
MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
NEXT_EVENTS = 3  # how many of the coming events the home page shows


def period_label(start: date, end: date) -> str:
    """«сентябрь 2026», «октябрь – ноябрь 2026», «октябрь 2026 – май 2027» for whole months, else the dates."""
    following = date(end.year + end.month // 12, end.month % 12 + 1, 1)
    if start.day != 1 or (following - end).days != 1:
        return f"{start:%d.%m.%Y}" if start == end else f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"
    first, last = MONTHS[start.month - 1], MONTHS[end.month - 1]
    if (start.year, start.month) == (end.year, end.month):
        return f"{first} {start.year}"
    if start.year == end.year:
        return f"{first} – {last} {start.year}"
    return f"{first} {start.year} – {last} {end.year}"


def event_state(event: Event, evidence, today: date) -> str:
    """Done when ticked or when its fact happened; overdue when its end date has passed otherwise; in progress
    when ticked so or when today is within its dates."""
    if event.status == Event.Status.DONE or evidence is not None:
        return DONE
    if event.end_date < today:
        return OVERDUE
    if event.status == Event.Status.IN_PROGRESS or event.start_date <= today:
        return IN_PROGRESS
    return PLANNED


def evidence_of(programme, keys) -> dict:
    """{fact key: Evidence or None}, each registered fact asked once; a key nobody registered (yet) is absent."""
    return {key: facts.evidence(key, programme) for key in set(keys) if facts.get(key) is not None}


def fact_choices() -> list[tuple[str, str]]:
    """The registered facts, and those the monitoring is still to register (kept on events, ticked by hand)."""
    registered = [(fact.key, fact.label) for fact in facts.all_facts()]
    awaited = [
        (key, f"{label} (пока отмечают вручную)")
        for key, label in AWAITED_FACTS.items()
        if facts.get(key) is None
    ]
    return [("", "— отмечают вручную —"), *registered, *awaited]


def with_people(events):
    return events.select_related("stage").prefetch_related(
        Prefetch("responsible_people", queryset=Person.objects.order_by("last_name", "first_name"))
    )


def annotate(events: list[Event], programme, today: date) -> list[Event]:
    """Sets on each event: evidence (or None), state, state_label, fact_label. Facts of events already ticked
    are not asked."""
    keys = [event.fact for event in events if event.fact and event.status != Event.Status.DONE]
    found = evidence_of(programme, keys)
    for event in events:
        event.evidence = found.get(event.fact) if event.fact else None
        event.state = event_state(event, event.evidence, today)
        event.state_label = STATE_LABELS[event.state]
        event.period_label = period_label(event.start_date, event.end_date)
        fact = facts.get(event.fact) if event.fact else None
        event.fact_label = fact.label if fact else ""
    return events


@dataclass
class StageRow:
    stage: Stage
    events: list = field(default_factory=list)

    @property
    def done(self) -> bool:
        return bool(self.events) and all(event.state == DONE for event in self.events)


def roadmap_rows(roadmap: Roadmap, today: date) -> list[StageRow]:
    """The stages with their events and live states, in a fixed number of queries (plus one per fact)."""
    rows = {stage.pk: StageRow(stage) for stage in roadmap.stages.all()}
    events = annotate(list(with_people(roadmap.events.all())), roadmap.programme, today)
    for event in events:
        rows[event.stage_id].events.append(event)
    return list(rows.values())


def current_stage(rows: list[StageRow], today: date) -> Stage | None:
    """The first unfinished stage that has begun; before any has begun, the first unfinished one."""
    unfinished = [row for row in rows if row.events and not row.done]
    for row in unfinished:
        if min(event.start_date for event in row.events) <= today:
            return row.stage
    return unfinished[0].stage if unfinished else None


def counts(rows: list[StageRow]) -> dict:
    result = {state: 0 for state in STATE_LABELS}
    for row in rows:
        for event in row.events:
            result[event.state] += 1
    result["total"] = sum(result[state] for state in STATE_LABELS)
    result["percent"] = round(100 * result[DONE] / result["total"]) if result["total"] else 0
    return result


def timeline(rows: list[StageRow], today: date) -> list[dict]:
    """Month by month from the first event's start to the last one's end: the events running in each month."""
    events = [event for row in rows for event in row.events]
    if not events:
        return []
    first = min(event.start_date for event in events).replace(day=1)
    last = max(event.end_date for event in events)
    months, month = [], first
    while month <= last:
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        running = [e for e in events if e.start_date < following and e.end_date >= month]
        months.append(
            {
                "month": month,
                "label": f"{MONTHS[month.month - 1].capitalize()} {month.year}",
                "current": month <= today < following,
                "events": running,
                # an event that ends this month is due this month
                "due": [e for e in running if e.end_date < following],
            }
        )
        month = following
    return months


def approving_order(programme) -> Order | None:
    """The signed order introducing the target model that approves the programme's roadmap (its appendix)."""
    return signed_order(programme, Order.Kind.TARGET_MODEL)


# «Мои задачи» -----------------------------------------------------------------------------------------------


def is_responsible(actor, event: Event, person: Person | None = None) -> bool:
    """Named among the event's people, or holding one of its responsible roles (mentors, curators…)."""
    person = person if person is not None else actor.person
    if person is not None and any(p.pk == person.pk for p in event.responsible_people.all()):
        return True
    return actor.has_role(*event.responsible_roles)


def current_roadmaps(organization, today: date):
    """Roadmaps of the programmes that have not ended yet, the earliest first."""
    return (
        Roadmap.objects.filter(organization=organization, programme__end_date__gte=today)
        .select_related("programme", "organization")
        .order_by("programme__start_date")
    )


def tasks(actor, today: date, *, person: Person | None = None) -> list[Event]:
    """Events of the current roadmaps the person (by default the actor) is responsible for, with live states,
    the undone ones by deadline first."""
    found = []
    for roadmap in current_roadmaps(actor.organization, today):
        events = list(with_people(roadmap.events.all()))
        mine = [event for event in events if is_responsible(actor, event, person)]
        for event in annotate(mine, roadmap.programme, today):
            event.roadmap = roadmap  # avoid a query per row for the link
            found.append(event)
    found.sort(key=lambda e: (e.state == DONE, e.end_date, e.stage.number, e.position))
    return found


def responsible_people(organization) -> list[Person]:
    """Everyone named as responsible in the organisation's current roadmaps (for «Мои задачи» of others)."""
    return list(
        organization.persons.filter(roadmap_events__roadmap__organization=organization)
        .distinct()
        .order_by("last_name", "first_name")
    )


def home_panel(actor, today: date) -> dict | None:
    """«Дорожная карта»: the current stage, the actor's overdue and next events; for the coordinator, a nudge
    to make the year's roadmap when there is none."""
    roadmap = current_roadmaps(actor.organization, today).first()
    if roadmap is None:
        if not actor.has_role(Role.COORDINATOR):
            return None
        programme = actor.organization.programmes.filter(end_date__gte=today).order_by("start_date").first()
        return {"roadmap": None, "programme": programme} if programme else None
    rows = roadmap_rows(roadmap, today)
    events = [event for row in rows for event in row.events]
    mine = [event for event in events if is_responsible(actor, event)]
    staff = actor.has_role(Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR)
    if not mine and not staff:
        return None
    undone = sorted((e for e in mine if e.state != DONE), key=lambda e: (e.end_date, e.position))
    return {
        "roadmap": roadmap,
        "stage": current_stage(rows, today),
        "overdue": [e for e in undone if e.state == OVERDUE],
        "next": [e for e in undone if e.state != OVERDUE][:NEXT_EVENTS],
        "counts": counts(rows) if staff else None,
    }
