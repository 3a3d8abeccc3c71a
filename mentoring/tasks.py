"""Background tasks of the mentoring core: on Celery workers when CELERY_BROKER_URL is set, in a thread of the
web process (or from cron, for the daily jobs) otherwise — see accounts.infra.background. Arguments are JSON:
ids and ISO dates, never model instances."""

from datetime import date

from celery import shared_task

from mentoring.documents import packs
from mentoring.services import orders, reminders


@shared_task
def build_pack(pack_id: int) -> None:
    packs.build_pack(pack_id)


@shared_task(bind=True, max_retries=orders.RENDER_ATTEMPTS - 1, default_retry_delay=10)
def render_order_pdf(self, order_id: int) -> None:
    """The PDF of a signed order, right after the signature. A failed render is retried: by Celery on a worker,
    in place in the web process's thread (the signed data never changes, only the rendering columns)."""
    if self.request.called_directly:
        orders.order_render_with_retries(order_id)
        return
    try:
        orders.order_render_pdf(order_id)
    except Exception as error:
        raise self.retry(exc=error) from error


@shared_task
def send_review_reminders(day: str | None = None) -> dict:
    """Daily, from Celery beat (or `manage.py send_reminders` from cron)."""
    return reminders.send_review_reminders(date.fromisoformat(day) if day else None)
