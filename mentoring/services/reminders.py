"""Reminders of the mentor's review (seed 001 §3.10: due 5 working days before the pair's end).

Before the deadline the mentor is reminded, after it the curators of the pair's area; the job runs daily
and ReminderLog (one row per review, kind and day, unique in the database) keeps a second run quiet.
"""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Pair, PairMentee, ReminderLog, Review
from mentoring.selectors import curator_emails
from mentoring.workdays import add_working_days

DUE_SOON, OVERDUE = "review_due_soon", "review_overdue"
LEAD_WORKING_DAYS = 3


def _email_of(person) -> str:
    return person.email or (person.user.email if person.user_id else "")


def send_review_reminders(today: date | None = None) -> dict:
    """For every mentee of an active pair whose review is not yet submitted. Returns how many e-mails went
    out of each kind."""
    today = today or timezone.localdate()
    sent = {DUE_SOON: 0, OVERDUE: 0}
    submitted = set(Review.objects.exclude(status=Review.Status.DRAFT).values_list("pair_id", "mentee_id"))
    places = PairMentee.objects.filter(is_open=True, pair__status=Pair.Status.ACTIVE).select_related(
        "pair__mentor__user", "pair__form", "pair__programme"
    )
    for place in places:
        if (place.pair_id, place.mentee_id) in submitted:
            continue
        pair, due = place.pair, place.pair.review_due
        if add_working_days(due, -LEAD_WORKING_DAYS) <= today <= due:
            kind, recipients = DUE_SOON, [email for email in [_email_of(pair.mentor)] if email]
            url = reverse("mentoring:review.edit", args=[pair.pk, place.mentee_id])
        elif today > due:
            kind, recipients = OVERDUE, curator_emails(pair)
            url = reverse("mentoring:review.list")
        else:
            continue
        context = {"pair": pair, "mentor": pair.mentor, "due": due, "url": settings.SITE_URL + url}
        if recipients and _send_once(place, kind, today, recipients, context):
            sent[kind] += 1
    return sent


@transaction.atomic
def _send_once(place, kind, today, recipients, context) -> bool:
    """Logged and sent together: a failed send leaves no log, so the next run tries again."""
    _, created = ReminderLog.objects.get_or_create(
        pair=place.pair, mentee=place.mentee, kind=kind, sent_on=today
    )
    if created:
        send_mail(
            render_to_string(f"emails/{kind}_subject.txt", context).strip(),
            render_to_string(f"emails/{kind}.txt", context),
            None,
            recipients,
            html_message=render_to_string(f"emails/{kind}.html", context),
        )
    return created
