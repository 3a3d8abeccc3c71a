"""Write paths of the roadmap: one function per use case, each in one transaction with an audit entry and
Russian ValidationErrors. Reminders (send_event_reminders) are the daily job's."""

from calendar import monthrange
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.infra.mail import queue_mail
from accounts.infra.tokens import absolute_url
from accounts.models import Membership, Role
from accounts.services import audit

from . import selectors
from .catalogue import TEMPLATES, Template
from .models import CalendarFeed, Event, EventReminder, Roadmap, Stage

STAFF_ROLES = (Role.COORDINATOR, Role.DIRECTOR, Role.CURATOR)  # named as people when a roadmap is made
FEED_TTL = timedelta(days=5 * 365)  # a calendar address works until it is replaced or revoked
DUE_SOON, OVERDUE = "roadmap_event_due_soon", "roadmap_event_overdue"
REMIND_DAYS_BEFORE = 7


def month_dates(year: int, months: tuple[int, int]) -> tuple[date, date]:
    """The academic year starting in September of `year`: months 6–12 of that year, 13–18 of the next."""

    def calendar(month: int) -> tuple[int, int]:
        return (year, month) if month <= 12 else (year + 1, month - 12)

    start_year, start_month = calendar(months[0])
    end_year, end_month = calendar(months[1])
    return date(start_year, start_month, 1), date(end_year, end_month, monthrange(end_year, end_month)[1])


def shift_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes the 28th, and a month's last day stays the last."""
    last = monthrange(day.year, day.month)[1]
    year = day.year + years
    new_last = monthrange(year, day.month)[1]
    return date(year, day.month, new_last if day.day == last else min(day.day, new_last))


def default_title(programme) -> str:
    return (
        f"Дорожная карта реализации целевой модели наставничества в {programme.organization.short_name} "
        f"на {programme.academic_year} учебный год"
    )


def _staff_people(organization) -> dict[str, list]:
    people = {role: [] for role in STAFF_ROLES}
    memberships = Membership.objects.filter(organization=organization, role__in=STAFF_ROLES).select_related(
        "user"
    )
    cards = {p.user_id: p for p in organization.persons.filter(user__isnull=False)}
    for membership in memberships.order_by("user__last_name", "user_id"):
        person = cards.get(membership.user_id)
        if person is not None:
            people[membership.role].append(person)
    return people


def _from_template(roadmap: Roadmap, template: Template) -> None:
    programme = roadmap.programme
    staff = _staff_people(roadmap.organization)
    for number, spec in enumerate(template.stages, 1):
        stage = Stage.objects.create(
            roadmap=roadmap, number=number, title=spec.title, period=spec.period, key_result=spec.key_result
        )
        for position, item in enumerate(spec.events, 1):
            start, end = month_dates(programme.year, item.months)
            named = [person for role in item.roles if role in STAFF_ROLES for person in staff[role]]
            # A role nobody holds by name yet (and mentors, mentees) stays a group.
            groups = [role for role in item.roles if role not in STAFF_ROLES or not staff[role]]
            event = Event.objects.create(
                roadmap=roadmap,
                stage=stage,
                position=position,
                title=item.title,
                content=item.content,
                key_result=item.key_result,
                documents=item.documents,
                start_date=start,
                end_date=end,
                responsible_roles=groups,
                responsible_text=item.text,
                fact=item.fact,
            )
            event.responsible_people.set(named)


def _from_roadmap(roadmap: Roadmap, source: Roadmap) -> None:
    """Stages and events of an earlier year, dates shifted by the years between the programmes, not done yet."""
    years = roadmap.programme.year - source.programme.year
    for old_stage in source.stages.all():
        stage = Stage.objects.create(
            roadmap=roadmap,
            number=old_stage.number,
            title=old_stage.title,
            period=old_stage.period,
            key_result=old_stage.key_result,
        )
        for old in old_stage.events.prefetch_related("responsible_people"):
            event = Event.objects.create(
                roadmap=roadmap,
                stage=stage,
                position=old.position,
                title=old.title,
                content=old.content,
                key_result=old.key_result,
                documents=old.documents,
                start_date=shift_years(old.start_date, years),
                end_date=shift_years(old.end_date, years),
                responsible_roles=old.responsible_roles,
                responsible_text=old.responsible_text,
                fact=old.fact,
            )
            event.responsible_people.set(old.responsible_people.all())


@transaction.atomic
def roadmap_create(*, programme, by, template: str = "", source: Roadmap | None = None) -> Roadmap:
    """The programme's roadmap from a template (months become dates of its academic year) or copied from an
    earlier year's roadmap of the same organisation (dates shifted by the years between them)."""
    if Roadmap.objects.filter(programme=programme).exists():
        raise ValidationError("У этой программы уже есть дорожная карта.")
    if bool(template) == (source is not None):
        raise ValidationError("Выберите шаблон или дорожную карту прошлого года — одно из двух.")
    if template and template not in TEMPLATES:
        raise ValidationError({"template": "Такого шаблона нет."})
    if source is not None:
        if source.organization_id != programme.organization_id:
            raise ValidationError({"source": "Копировать можно только дорожную карту своей организации."})
        if source.programme.year >= programme.year:
            raise ValidationError({"source": "Копируют дорожную карту более раннего учебного года."})
    roadmap = Roadmap.objects.create(
        organization=programme.organization,
        programme=programme,
        title=default_title(programme),
        source=TEMPLATES[template].title if template else f"копия карты {source.programme.academic_year}",
        created_by=by,
    )
    if template:
        _from_template(roadmap, TEMPLATES[template])
    else:
        _from_roadmap(roadmap, source)
    audit(
        organization=programme.organization,
        actor=by,
        action="roadmap.create",
        obj=roadmap,
        template=template,
        source=getattr(source, "pk", None),
    )
    return roadmap


@transaction.atomic
def roadmap_update(*, roadmap: Roadmap, title: str, by) -> Roadmap:
    if not title.strip():
        raise ValidationError({"title": "Укажите заголовок дорожной карты."})
    roadmap.title = title.strip()
    roadmap.save(update_fields=["title"])
    audit(organization=roadmap.organization, actor=by, action="roadmap.update", obj=roadmap)
    return roadmap


@transaction.atomic
def stage_save(*, stage: Stage, by) -> Stage:
    taken = Stage.objects.filter(roadmap=stage.roadmap, number=stage.number).exclude(pk=stage.pk)
    if taken.exists():
        raise ValidationError({"number": f"Этап № {stage.number} уже есть в дорожной карте."})
    created = stage.pk is None
    stage.save()
    action = "roadmap.stage.create" if created else "roadmap.stage.update"
    audit(organization=stage.roadmap.organization, actor=by, action=action, obj=stage)
    return stage


def next_stage_number(roadmap: Roadmap) -> int:
    return (roadmap.stages.aggregate(last=Max("number"))["last"] or 0) + 1


@transaction.atomic
def stage_delete(*, stage: Stage, by) -> None:
    if stage.events.exists():
        raise ValidationError("В этапе есть мероприятия: сначала удалите их или перенесите в другой этап.")
    audit(organization=stage.roadmap.organization, actor=by, action="roadmap.stage.delete", obj=stage)
    stage.delete()


def _check_fact(key: str) -> None:
    if key and key not in dict(selectors.fact_choices()):
        raise ValidationError({"fact": "Такого события приложение не знает."})


@transaction.atomic
def event_save(*, event: Event, responsible_people, by) -> Event:
    """An event as the coordinator edits it. Ticking it done dates itself (today) unless a date is given."""
    if event.end_date and event.start_date and event.end_date < event.start_date:
        raise ValidationError({"end_date": "Срок не может быть раньше начала."})
    if event.stage.roadmap_id != event.roadmap_id:
        raise ValidationError({"stage": "Этап другой дорожной карты."})
    _check_fact(event.fact)
    people = list(responsible_people)
    if any(person.organization_id != event.roadmap.organization_id for person in people):
        raise ValidationError({"responsible_people": "Ответственные — только участники своей организации."})
    if event.status == Event.Status.DONE:
        event.done_on = event.done_on or timezone.localdate()
        event.done_by = event.done_by or by
    else:
        event.done_on, event.done_by = None, None
    created = event.pk is None
    if created:
        last = event.stage.events.aggregate(last=Max("position"))["last"] or 0
        event.position = event.position or last + 1
    event.save()
    event.responsible_people.set(people)
    action = "roadmap.event.create" if created else "roadmap.event.update"
    audit(organization=event.roadmap.organization, actor=by, action=action, obj=event)
    return event


@transaction.atomic
def event_delete(*, event: Event, by) -> None:
    audit(
        organization=event.roadmap.organization,
        actor=by,
        action="roadmap.event.delete",
        obj=event,
        title=event.title,
    )
    event.delete()


@transaction.atomic
def event_complete(*, event: Event, note: str, by, on: date | None = None) -> Event:
    """A responsible person ticks the event done, saying what was done (the note is its evidence)."""
    if not note.strip():
        raise ValidationError({"note": "Напишите, что сделано: это подтверждение выполнения."})
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"done_on": "Дата выполнения не может быть в будущем."})
    event.status, event.done_on, event.done_by, event.note = Event.Status.DONE, on, by, note.strip()
    event.save(update_fields=["status", "done_on", "done_by", "note"])
    audit(organization=event.roadmap.organization, actor=by, action="roadmap.event.complete", obj=event)
    return event


@transaction.atomic
def event_reopen(*, event: Event, by) -> Event:
    if event.status != Event.Status.DONE:
        raise ValidationError("Мероприятие и так не отмечено выполненным.")
    event.status, event.done_on, event.done_by = Event.Status.PLANNED, None, None
    event.save(update_fields=["status", "done_on", "done_by"])
    audit(organization=event.roadmap.organization, actor=by, action="roadmap.event.reopen", obj=event)
    return event


# The personal calendar (iCal) ----------------------------------------------------------------------------


@transaction.atomic
def feed_issue(*, user, organization) -> str:
    """A new secret calendar address for the user in the organisation; the previous one stops working.
    Returns the raw token (shown once, stored only as a hash)."""
    now = timezone.now()
    CalendarFeed.objects.filter(user=user, organization=organization, revoked_at__isnull=True).update(
        revoked_at=now
    )
    feed = CalendarFeed(user=user, organization=organization)
    token = feed.issue(FEED_TTL)
    feed.save()
    audit(organization=organization, actor=user, action="roadmap.feed.issue", obj=feed)
    return token


@transaction.atomic
def feed_revoke(*, user, organization) -> int:
    revoked = CalendarFeed.objects.filter(
        user=user, organization=organization, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    if not revoked:
        raise ValidationError("Действующего адреса календаря нет.")
    audit(organization=organization, actor=user, action="roadmap.feed.revoke")
    return revoked


def active_feed(user, organization) -> CalendarFeed | None:
    return (
        CalendarFeed.objects.filter(
            user=user, organization=organization, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )
        .order_by("-created_at")
        .first()
    )


# Reminders (daily) -------------------------------------------------------------------------------------


def _email(person) -> str:
    return person.email or (person.user.email if person.user_id else "")


def recipients(event: Event, *, with_coordinators: bool) -> list[str]:
    """The responsible people and the holders of the responsible roles (and the coordinators when late)."""
    addresses = {_email(person) for person in event.responsible_people.all()}
    roles = set(event.responsible_roles) | ({Role.COORDINATOR.value} if with_coordinators else set())
    if roles:
        users = Membership.objects.filter(
            organization=event.roadmap.organization, role__in=roles
        ).select_related("user")
        addresses |= {membership.user.email for membership in users}
    return sorted(address for address in addresses if address)


def send_event_reminders(today: date | None = None) -> dict:
    """A letter in the week before an undone event's end and one when it becomes overdue — once each per
    deadline (EventReminder). Returns how many letters of each kind were queued."""
    today = today or timezone.localdate()
    sent = {DUE_SOON: 0, OVERDUE: 0}
    window = Event.objects.filter(
        end_date__gte=today - timedelta(days=30), end_date__lte=today + timedelta(days=REMIND_DAYS_BEFORE)
    )
    roadmap_ids = window.exclude(status=Event.Status.DONE).values("roadmap_id")
    for roadmap in Roadmap.objects.filter(pk__in=roadmap_ids).select_related("programme", "organization"):
        events = list(
            selectors.with_people(
                roadmap.events.filter(pk__in=window.values("pk"))
                .exclude(status=Event.Status.DONE)
                .select_related("roadmap__organization")
            ).prefetch_related("responsible_people__user")
        )
        for event in selectors.annotate(events, roadmap.programme, today):
            if event.state == selectors.DONE:
                continue
            kind = OVERDUE if event.state == selectors.OVERDUE else DUE_SOON
            to = recipients(event, with_coordinators=kind == OVERDUE)
            if to and _send_once(event, kind, today, to):
                sent[kind] += 1
    return sent


@transaction.atomic
def _send_once(event: Event, kind: str, today: date, to: list[str]) -> bool:
    """Logged and queued together: one letter of a kind per event and deadline."""
    _, created = EventReminder.objects.get_or_create(
        event=event, kind=kind, due_on=event.end_date, defaults={"sent_on": today}
    )
    if created:
        context = {
            "event": event,
            "roadmap": event.roadmap,
            "organization": event.roadmap.organization,
            "url": absolute_url("roadmap:detail", event.roadmap.programme_id) + f"#event-{event.pk}",
        }
        queue_mail(kind, to, context)
    return created
