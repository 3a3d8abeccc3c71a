"""Background tasks of the roadmap (see accounts.infra.background): the daily reminders, for Celery beat."""

from datetime import date

from celery import shared_task

from roadmap import services


@shared_task
def send_event_reminders(day: str | None = None) -> dict:
    """Daily, from Celery beat (or `manage.py send_roadmap_reminders` from cron)."""
    return services.send_event_reminders(date.fromisoformat(day) if day else None)
