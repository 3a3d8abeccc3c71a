"""Reads of a pair's work: a plan's progress, which reviews are due or late, which plans an actor sees."""

from datetime import date, timedelta

from django.db.models import Count, Q

from accounts.models import Role
from mentoring.models import IndividualPlan, Pair, PairMentee, Review

from .pairs import is_pair_mentor, managed_pairs, pairs_for

RECENTLY_CLOSED = timedelta(days=90)  # closed pairs stay in the review list for a term


def review_is_late(review: Review | None, due: date, today: date) -> bool:
    """The one definition: the mentor's review is late when, after its due date (5 working days before the
    pair's end), it is still missing or a draft."""
    return (review is None or review.status == Review.Status.DRAFT) and today > due


def review_rows(actor, today: date) -> list[dict]:
    """Every mentee of an open or recently closed pair the actor manages (the director: every pair of the
    school), with the review, its due date and whether it is late; late first, then by due date."""
    source = pairs_for(actor) if actor.has_role(Role.DIRECTOR) else managed_pairs(actor)
    pairs = source.filter(
        Q(status__in=Pair.OPEN_STATUSES)
        | Q(status__in=Pair.CLOSED_STATUSES, closed_on__gte=today - RECENTLY_CLOSED)
    )
    # A closed pair's places are closed with it; an open pair's closed place was a mentee who left.
    places = (
        PairMentee.objects.filter(pair__in=pairs)
        .filter(Q(is_open=True) | Q(pair__status__in=Pair.CLOSED_STATUSES))
        .select_related("pair__mentor", "pair__form", "mentee")
    )
    reviews = {(r.pair_id, r.mentee_id): r for r in Review.objects.filter(pair__in=pairs)}
    rows = []
    for place in places:
        review, due = reviews.get((place.pair_id, place.mentee_id)), place.pair.review_due
        rows.append(
            {"place": place, "review": review, "due": due, "late": review_is_late(review, due, today)}
        )
    rows.sort(key=lambda row: (not row["late"], row["due"], row["place"].mentee.full_name))
    return rows


def plan_progress(plan: IndividualPlan) -> dict:
    progress = plan.items.aggregate(total=Count("pk"), done=Count("pk", filter=Q(is_done=True)))
    progress["percent"] = round(100 * progress["done"] / progress["total"]) if progress["total"] else 0
    return progress


def plans_for(actor):
    """Plans of the pairs the actor sees (whether they see a given mentee's plan: selectors.sees_mentee)."""
    return IndividualPlan.objects.filter(pair__in=pairs_for(actor))


def plans_awaiting_approval(actor, *, status: str = IndividualPlan.Status.SUBMITTED):
    """The curator's list (issue 15): plans of the pairs the actor manages in a status (submitted by default),
    oldest change first, with what the list shows in a constant number of queries."""
    plans = IndividualPlan.objects.filter(pair__in=managed_pairs(actor))
    if status:
        plans = plans.filter(status=status)
    return (
        plans.select_related("pair__mentor", "pair__form", "mentee")
        .annotate(items_count=Count("items"))
        .order_by("updated_at", "pk")
    )


def meeting_commenter(actor, pair):
    """Who comments on the pair's meetings: a mentee of the pair themself, or a parent for their child in it;
    None for everyone else (the mentor and the staff write notes, not comments)."""
    if actor.person is None or is_pair_mentor(actor, pair):
        return None
    if not pair.memberships.filter(mentee_id__in=actor.own_and_ward_ids).exists():
        return None
    return actor.person


def meetings_for(actor, pair, *, every_comment: bool) -> list:
    """The pair's meetings with the comments this actor may read: all for the staff and the mentor, one's own
    (a parent's) otherwise — a group's other families' words stay theirs."""
    meetings = list(pair.meetings.prefetch_related("comments__author"))
    me = actor.person.pk if actor.person else None
    for meeting in meetings:
        meeting.shown_comments = [c for c in meeting.comments.all() if every_comment or c.author_id == me]
    return meetings
