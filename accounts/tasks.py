"""Background tasks of the lowest layer (found by `celery -A mentoring worker`, run in a thread without one)."""

from celery import shared_task
from django.conf import settings


@shared_task(ignore_result=True)
def deliver_mail() -> None:
    """Deliver the outbox. On a worker or a thread: batch by batch under post_office's file lock (two
    deliveries never send one letter twice); inline (tests) one batch, leaving the caller's connection open."""
    from post_office.mail import send_queued, send_queued_mail_until_done

    if settings.TASKS_INLINE:
        send_queued()
    else:
        send_queued_mail_until_done()


@shared_task
def expire_consents() -> int:
    """Daily: consents whose period has ended become «expired» (and stop counting as valid)."""
    from accounts.services.consents import consents_expire

    return consents_expire()
