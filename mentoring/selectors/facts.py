"""The facts of a programme's year that mentoring knows (mentoring.facts): the roadmap asks them «has this
happened?» and shows the evidence. Registered when this module is imported (MentoringConfig.ready).

Keys: target_model_order_signed, curators_appointed, mentee_base_formed, mentor_base_formed, bases_formed,
mentor_school_order_signed, pairs_order_signed, plans_approved, reviews_received, reward_order_signed,
final_event_order_signed. Each check is one or two queries.
"""

from datetime import date

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from mentoring.facts import Evidence, register
from mentoring.models import IndividualPlan, Order, Pair, PairMentee, Review

Kind = Order.Kind


def signed_order(programme, kind) -> Order | None:
    """The first signed order of a kind for the programme that no later signed order cancels."""
    cancelled = Order.objects.filter(
        amends=OuterRef("pk"), status=Order.Status.APPROVED, amendment=Order.Amendment.CANCELS
    )
    return (
        programme.orders.filter(kind=kind, status=Order.Status.APPROVED)
        .exclude(Exists(cancelled))
        .order_by("approved_on", "seq")
        .first()
    )


def _order_evidence(programme, kind) -> Evidence | None:
    order = signed_order(programme, kind)
    if order is None:
        return None
    return Evidence(
        on=order.approved_on,
        text=f"Приказ от {order.approved_on:%d.%m.%Y} № {order.number}",
        url=reverse("mentoring:order.detail", args=[order.pk]),
    )


@register("target_model_order_signed", "Подписан приказ о внедрении целевой модели наставничества")
def target_model_order_signed(programme):
    return _order_evidence(programme, Kind.TARGET_MODEL)


@register("curators_appointed", "Кураторы назначены приказом")
def curators_appointed(programme):
    return _order_evidence(programme, Kind.CURATORS)


@register("mentor_school_order_signed", "Подписан приказ об организации «Школы наставников»")
def mentor_school_order_signed(programme):
    return _order_evidence(programme, Kind.MENTOR_SCHOOL)


@register("pairs_order_signed", "Подписан приказ об утверждении наставнических пар (групп)")
def pairs_order_signed(programme):
    return _order_evidence(programme, Kind.PAIRS)


@register("reward_order_signed", "Подписан приказ о поощрении участников наставнической деятельности")
def reward_order_signed(programme):
    return _order_evidence(programme, Kind.REWARD)


@register("final_event_order_signed", "Подписан приказ о проведении итогового мероприятия")
def final_event_order_signed(programme):
    return _order_evidence(programme, Kind.FINAL_EVENT)


def _base_counts(programme, today: date | None = None) -> tuple[date, int, int]:
    """Entries of each base active on 1 October (or today, when the bases are formed earlier)."""
    day = min(today or timezone.localdate(), programme.bases_deadline)
    active = Q(entered_on__lte=day) & (Q(left_on__isnull=True) | Q(left_on__gt=day))
    organization = programme.organization
    return (
        day,
        organization.mentor_profiles.filter(active).count(),
        organization.mentee_profiles.filter(active).count(),
    )


def _base_evidence(programme, which: str) -> Evidence | None:
    day, mentors, mentees = _base_counts(programme)
    counts = {"mentors": mentors, "mentees": mentees}
    if not all(counts[key] for key in which.split("+")):
        return None
    parts = {"mentors": f"наставников — {mentors}", "mentees": f"наставляемых — {mentees}"}
    text = f"На {day:%d.%m.%Y} в базе " + ", ".join(parts[key] for key in which.split("+"))
    url = reverse("mentoring:mentee_base.list" if which == "mentees" else "mentoring:mentor_base.list")
    return Evidence(on=day, text=text, url=url)


@register("mentee_base_formed", "База наставляемых сформирована к 1 октября")
def mentee_base_formed(programme):
    return _base_evidence(programme, "mentees")


@register("mentor_base_formed", "База наставников сформирована к 1 октября")
def mentor_base_formed(programme):
    return _base_evidence(programme, "mentors")


@register("bases_formed", "Базы наставников и наставляемых сформированы к 1 октября")
def bases_formed(programme):
    return _base_evidence(programme, "mentors+mentees")


WORKING = (Pair.Status.APPROVED, Pair.Status.ACTIVE, Pair.Status.COMPLETED)


def _places(programme):
    """Mentees of the programme's approved, working and completed pairs (a closed pair keeps its places)."""
    return PairMentee.objects.filter(pair__programme=programme, pair__status__in=WORKING).filter(
        Q(is_open=True) | Q(pair__status=Pair.Status.COMPLETED)
    )


@register("plans_approved", "У каждого наставляемого утверждённых пар есть утверждённый индивидуальный план")
def plans_approved(programme):
    approved = IndividualPlan.objects.filter(
        pair=OuterRef("pair"), mentee=OuterRef("mentee"), status=IndividualPlan.Status.APPROVED
    )
    counts = _places(programme).aggregate(total=Count("pk"), without=Count("pk", filter=~Q(Exists(approved))))
    if not counts["total"] or counts["without"]:
        return None
    last = IndividualPlan.objects.filter(pair__programme=programme, status=IndividualPlan.Status.APPROVED)
    on = last.aggregate(on=Max("approved_at"))["on"]
    return Evidence(
        on=timezone.localdate(on) if on else None,
        text=f"Утверждено планов: {counts['total']}",
        url=reverse("mentoring:pair.list") + f"?programme={programme.pk}",
    )


@register("reviews_received", "Отзывы наставников о результатах получены по всем наставляемым")
def reviews_received(programme):
    submitted = Review.objects.filter(pair=OuterRef("pair"), mentee=OuterRef("mentee")).exclude(
        status=Review.Status.DRAFT
    )
    counts = _places(programme).aggregate(
        total=Count("pk"), without=Count("pk", filter=~Q(Exists(submitted)))
    )
    if not counts["total"] or counts["without"]:
        return None
    on = (
        Review.objects.filter(pair__programme=programme)
        .exclude(status=Review.Status.DRAFT)
        .aggregate(on=Max("submitted_at"))["on"]
    )
    return Evidence(
        on=timezone.localdate(on) if on else None,
        text=f"Получено отзывов: {counts['total']}",
        url=reverse("mentoring:review.list"),
    )
