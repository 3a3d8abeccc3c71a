"""Background tasks: on Celery workers when CELERY_BROKER_URL is set, in-process otherwise (settings)."""

from datetime import date

from celery import shared_task

from mentoring.services import reminders


@shared_task
def send_review_reminders(day: str | None = None) -> dict:
    """Daily, from Celery beat. The day travels as an ISO string: task arguments are JSON."""
    return reminders.send_review_reminders(date.fromisoformat(day) if day else None)


@shared_task
def expire_consents() -> int:
    """Daily: consents whose period has ended become «expired» (and stop counting as valid)."""
    from accounts.consents import consents_expire

    return consents_expire()


# The pack builder's task lives beside its builder; imported here so `celery -A mentoring worker` finds it.
from mentoring.tasks_documents import build_pack_task  # noqa: E402, F401
