"""«Что сделать сейчас»: the app's pending work for the actor's roles, each as a count with a one-click link.
Every count is one query, whatever the number of rows (the home page pins it in a test)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.urls import reverse

from accounts.models import Consent, Role
from accounts.services.consents import REQUIRED_KINDS
from mentoring.documents.workdays import review_due_date
from mentoring.models import IndividualPlan, Order, OrderAcknowledgement, Pair, PairMentee, Review

from .bases import unpaired_mentees
from .pairs import managed_pairs
from .work import review_is_late

REVIEWS_AHEAD = timedelta(days=14)  # how far ahead a review counts as «due»


@dataclass(frozen=True)
class Pending:
    key: str
    label: str
    count: int
    url: str
    action: str = ""  # the button: «Подписать», «Составить приказ»…
    tone: str = "warning"  # danger: late or blocking; warning: to do; info: for reading
    note: str = ""


def _orders_url(status: str) -> str:
    return reverse("mentoring:order.list") + f"?status={status}"


def _late_boundary(today: date) -> date:
    """The first pair end date whose review is not late today: a review is due 5 working days before the end
    (production calendar), so pairs ending before it have a late review (selectors.review_is_late)."""
    end = today
    while review_is_late(None, review_due_date(end), today):
        end += timedelta(days=1)
    return end


def _review_counts(places, today: date) -> tuple[dict, dict]:
    """(late, due soon) among places of working pairs without a submitted review: count and the earliest end."""
    submitted = Review.objects.filter(pair=OuterRef("pair"), mentee=OuterRef("mentee")).exclude(
        status=Review.Status.DRAFT
    )
    boundary = _late_boundary(today)
    soon_boundary = _late_boundary(today + REVIEWS_AHEAD)
    waiting = places.filter(is_open=True, pair__status=Pair.Status.ACTIVE).exclude(Exists(submitted))
    counts = waiting.aggregate(
        late=Count("pk", filter=Q(pair__end_date__lt=boundary)),
        soon=Count("pk", filter=Q(pair__end_date__gte=boundary, pair__end_date__lt=soon_boundary)),
        first_soon=Min(
            "pair__end_date", filter=Q(pair__end_date__gte=boundary, pair__end_date__lt=soon_boundary)
        ),
    )
    return counts


def _missing_consent(prefix: str = "") -> Q:
    """No valid consent of one of the required kinds (the tracker's definition)."""
    condition = Q()
    for kind in REQUIRED_KINDS:
        valid = Consent.objects.valid().filter(subject=OuterRef(f"{prefix}pk"), kind=kind)
        condition |= ~Exists(valid)
    return condition


def _manager_items(actor, today: date) -> list[Pending]:
    organization, items = actor.organization, []
    managed = managed_pairs(actor)
    if actor.has_role(Role.COORDINATOR):
        returned = organization.orders.filter(status=Order.Status.RETURNED).count()
        items.append(
            Pending(
                "orders_returned",
                "Приказы, возвращённые директором",
                returned,
                _orders_url(Order.Status.RETURNED),
                "Исправить",
                "danger",
            )
        )
        unordered = (
            organization.pairs.filter(status=Pair.Status.AGREED)
            .exclude(
                orders__status__in=[Order.Status.DRAFT, Order.Status.SUBMITTED, Order.Status.RETURNED],
                orders__kind=Order.Kind.PAIRS,
            )
            .count()
        )
        items.append(
            Pending(
                "pairs_without_order",
                "Согласованные пары без приказа",
                unordered,
                reverse("mentoring:order.create") + "?kind=pairs",
                "Составить приказ",
            )
        )
    in_bases = (
        Q(mentor_profile__isnull=False) | Q(mentee_profile__isnull=False) | Q(pair_memberships__isnull=False)
    )
    ids = organization.persons.filter(in_bases).values("pk")
    missing = organization.persons.filter(pk__in=ids).filter(_missing_consent()).count()
    items.append(
        Pending(
            "consents_missing",
            "Участники без действующего согласия",
            missing,
            reverse("mentoring:consent.tracker") + "?state=missing",
            "Запросить согласия",
            "danger",
        )
    )
    unpaired = unpaired_mentees(organization).count()
    items.append(
        Pending(
            "mentees_unpaired",
            "Наставляемые без пары",
            unpaired,
            reverse("mentoring:mentee_base.unpaired"),
            "Подобрать наставника",
        )
    )
    plans = IndividualPlan.objects.filter(pair__in=managed, status=IndividualPlan.Status.SUBMITTED).aggregate(
        n=Count("pk"), first=Min("pk")
    )
    items.append(
        Pending(
            "plans_submitted",
            "Индивидуальные планы ждут утверждения",
            plans["n"],
            reverse("mentoring:plan.detail", args=[plans["first"]])
            if plans["n"] == 1
            else reverse("mentoring:plan.list"),
            "Утвердить",
        )
    )
    # Suspended pairs whose consents are valid again: propose to resume them (issue 15).
    missing_place = PairMentee.objects.filter(pair=OuterRef("pk"), is_open=True).filter(
        _missing_consent("mentee__")
    )
    resumable = (
        managed.filter(status=Pair.Status.SUSPENDED, memberships__is_open=True)
        .exclude(Exists(missing_place))
        .exclude(_missing_consent("mentor__"))
        .aggregate(n=Count("pk", distinct=True), first=Min("pk"))
    )
    items.append(
        Pending(
            "pairs_resumable",
            "Приостановленные пары: согласия снова действуют — можно возобновить",
            resumable["n"],
            reverse("mentoring:pair.detail", args=[resumable["first"]])
            if resumable["n"] == 1
            else reverse("mentoring:pair.list") + "?status=suspended",
            "Возобновить",
        )
    )
    reviews = _review_counts(PairMentee.objects.filter(pair__in=managed), today)
    items.append(
        Pending(
            "reviews_late",
            "Отзывы наставников просрочены",
            reviews["late"],
            reverse("mentoring:review.list"),
            "Посмотреть",
            "danger",
        )
    )
    items.append(_reviews_soon(reviews, reverse("mentoring:review.list")))
    open_reports = organization.safeguarding_reports.filter(pair__in=managed).exclude(status="closed").count()
    items.append(
        Pending(
            "safeguarding_open",
            "Сообщения об угрозе наставляемому не закрыты",
            open_reports,
            reverse("mentoring:safeguarding.list"),
            "Принять меры",
            "danger",
        )
    )
    return items


def _reviews_soon(reviews: dict, url: str) -> Pending:
    first = reviews["first_soon"]
    note = (
        f"ближайший срок — {review_due_date(first):%d.%m.%Y} (по производственному календарю)"
        if first
        else ""
    )
    return Pending(
        "reviews_due",
        "Отзывы к сдаче в ближайшие две недели",
        reviews["soon"],
        url,
        "Посмотреть",
        "warning",
        note,
    )


def _participant_items(actor, today: date) -> list[Pending]:
    person, items = actor.person, []
    if person is None:
        return items
    own = actor.own_and_ward_ids
    agreements = (
        Pair.objects.filter(organization=actor.organization, status=Pair.Status.DRAFT)
        .filter(
            (Q(mentor=person, mentor_agreed_on__isnull=True) if actor.has_role(Role.MENTOR) else Q(pk__in=[]))
            | Q(
                memberships__mentee_id__in=own,
                memberships__is_open=True,
                memberships__mentee_agreed_on__isnull=True,
            )
        )
        .aggregate(n=Count("pk", distinct=True), first=Min("pk"))
    )
    items.append(
        Pending(
            "agreements",
            "Пары ждут вашего согласия",
            agreements["n"],
            reverse("mentoring:pair.detail", args=[agreements["first"]])
            if agreements["n"] == 1
            else reverse("mentoring:pair.list"),
            "Согласиться",
        )
    )
    if actor.has_role(Role.MENTOR):
        mine = PairMentee.objects.filter(
            pair__mentor=person, is_open=True, pair__status__in=[Pair.Status.APPROVED, Pair.Status.ACTIVE]
        )
        approved_or_sent = IndividualPlan.objects.filter(
            pair=OuterRef("pair"), mentee=OuterRef("mentee")
        ).exclude(status=IndividualPlan.Status.DRAFT)
        plans = mine.exclude(Exists(approved_or_sent)).aggregate(n=Count("pk"), first=Min("pair_id"))
        items.append(
            Pending(
                "plans_to_fill",
                "Индивидуальные планы заполнить и представить куратору",
                plans["n"],
                reverse("mentoring:pair.detail", args=[plans["first"]])
                if plans["n"] == 1
                else reverse("mentoring:pair.list"),
                "Заполнить",
            )
        )
        reviews = _review_counts(PairMentee.objects.filter(pair__mentor=person), today)
        url = reverse("mentoring:pair.list")
        items.append(
            Pending("reviews_late", "Ваши отзывы просрочены", reviews["late"], url, "Написать", "danger")
        )
        items.append(_reviews_soon(reviews, url))
    unread = OrderAcknowledgement.objects.filter(
        person=person, acknowledged_on__isnull=True, order__status=Order.Status.APPROVED
    ).count()
    items.append(
        Pending(
            "orders_to_read",
            "Приказы, с которыми нужно ознакомиться",
            unread,
            reverse("mentoring:order.list"),
            "Ознакомиться",
            "info",
        )
    )
    # Whose consent the actor signs: their own when adult, their children's (who take part) otherwise.
    taking_part = (
        Q(mentor_profile__isnull=False) | Q(mentee_profile__isnull=False) | Q(pair_memberships__isnull=False)
    )
    signs_for = [pk for pk in own if pk != person.pk or not person.is_minor()]  # a minor does not sign
    signable = actor.organization.persons.filter(pk__in=signs_for).filter(taking_part).values("pk")
    unsigned = actor.organization.persons.filter(pk__in=signable).filter(_missing_consent()).count()
    items.append(
        Pending(
            "consents_to_sign",
            "Согласия, которые нужно подписать",
            unsigned,
            reverse("mentoring:consent.mine"),
            "Подписать",
            "danger",
        )
    )
    return items


def pending_work(actor, today: date) -> list[Pending]:
    """What the actor should do now, by the roles they hold, only what has a count."""
    items = []
    if actor.has_role(Role.DIRECTOR):
        submitted = actor.organization.orders.filter(status=Order.Status.SUBMITTED).count()
        items.append(
            Pending(
                "orders_to_sign",
                "Приказы ждут вашей подписи",
                submitted,
                _orders_url(Order.Status.SUBMITTED),
                "Подписать",
                "danger",
            )
        )
    if actor.has_role(Role.COORDINATOR, Role.CURATOR):
        items.extend(_manager_items(actor, today))
    if actor.has_role(Role.MENTOR, Role.MENTEE, Role.PARENT):
        items.extend(_participant_items(actor, today))
    seen, shown = set(), []
    for item in items:  # one line per kind of work, even for a person with two roles
        if item.count and item.key not in seen:
            seen.add(item.key)
            shown.append(item)
    return shown
