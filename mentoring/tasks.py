"""Background tasks of the mentoring core: on Celery workers when CELERY_BROKER_URL is set, in a thread of the
web process (or from cron, for the daily jobs) otherwise — see accounts.infra.background. Arguments are JSON:
ids and ISO dates, never model instances."""

from datetime import date

from celery import shared_task

from mentoring.documents import packs
from mentoring.services import reminders


@shared_task
def build_pack(pack_id: int) -> None:
    packs.build_pack(pack_id)


@shared_task
def send_review_reminders(day: str | None = None) -> dict:
    """Daily, from Celery beat (or `manage.py send_reminders` from cron)."""
    return reminders.send_review_reminders(date.fromisoformat(day) if day else None)
