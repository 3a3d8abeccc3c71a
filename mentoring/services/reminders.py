"""Reminders of the mentor's review (seed 001 §3.10: due 5 working days before the pair's end).

Before the deadline the mentor is reminded, after it (when the review is late — selectors.review_is_late)
the curators of the pair's area; the job runs daily and ReminderLog (one row per review, kind and day,
unique in the database) keeps a second run quiet. Letters go through the outbox in the same transaction as
their log row.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from accounts.infra.mail import queue_mail
from accounts.infra.tokens import absolute_url
from mentoring.documents.workdays import add_working_days
from mentoring.models import Pair, PairMentee, ReminderLog, Review
from mentoring.selectors import curator_emails, review_is_late

DUE_SOON, OVERDUE = "review_due_soon", "review_overdue"
LEAD_WORKING_DAYS = 3


def _email_of(person) -> str:
    return person.email or (person.user.email if person.user_id else "")


def send_review_reminders(today: date | None = None) -> dict:
    """For every mentee of an active pair whose review is not yet submitted. Returns how many reminders were
    queued of each kind."""
    today = today or timezone.localdate()
    sent = {DUE_SOON: 0, OVERDUE: 0}
    reviews = {(r.pair_id, r.mentee_id): r for r in Review.objects.filter(pair__status=Pair.Status.ACTIVE)}
    places = PairMentee.objects.filter(is_open=True, pair__status=Pair.Status.ACTIVE).select_related(
        "pair__mentor__user", "pair__form", "pair__programme"
    )
    for place in places:
        review = reviews.get((place.pair_id, place.mentee_id))
        if review is not None and review.status != Review.Status.DRAFT:
            continue
        pair, due = place.pair, place.pair.review_due
        if review_is_late(review, due, today):
            kind, recipients, url = OVERDUE, curator_emails(pair), absolute_url("mentoring:review.list")
        elif add_working_days(due, -LEAD_WORKING_DAYS) <= today:
            kind, recipients = DUE_SOON, [_email_of(pair.mentor)]
            url = absolute_url("mentoring:review.edit", pair.pk, place.mentee_id)
        else:
            continue
        context = {"pair": pair, "mentor": pair.mentor, "due": due, "url": url}
        if any(recipients) and _send_once(place, kind, today, recipients, context):
            sent[kind] += 1
    return sent


@transaction.atomic
def _send_once(place, kind, today, recipients, context) -> bool:
    """Logged and queued together: one reminder of a kind per review and day."""
    _, created = ReminderLog.objects.get_or_create(
        pair=place.pair, mentee=place.mentee, kind=kind, sent_on=today
    )
    if created:
        queue_mail(kind, recipients, context)
    return created
