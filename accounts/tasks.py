"""Background tasks of the lowest layer (found by `celery -A mentoring worker`, run in a thread without one)."""

from celery import shared_task
from django.conf import settings

from accounts.infra.background import exclusive


@shared_task(bind=True, ignore_result=True, max_retries=20)
def deliver_mail(self) -> None:
    """Deliver the outbox, one delivery at a time on the whole installation: a lock in the shared cache (several
    servers and workers; post_office's own lock is a file on one machine), so no letter goes out twice. A delivery
    on a worker that finds the lock taken comes back in half a minute while letters wait (one may have been queued
    after the holder's last look); in a thread it leaves them to the holder. On a worker or a thread: batch by
    batch until the outbox is empty; inline (tests): one batch, leaving the caller's connection open."""
    from post_office.mail import get_queued, send_queued, send_queued_mail_until_done

    with exclusive("mail-outbox", seconds=15 * 60) as mine:
        if mine:
            send_queued() if settings.TASKS_INLINE else send_queued_mail_until_done()
            return
    if not self.request.called_directly and get_queued().exists():
        raise self.retry(countdown=30)


@shared_task
def expire_consents() -> int:
    """Daily: consents whose period has ended become «expired» (and stop counting as valid)."""
    from accounts.services.consents import consents_expire

    return consents_expire()
