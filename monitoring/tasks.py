"""Background work of the monitoring (Celery tasks named by their path)."""

from celery import shared_task

from monitoring.services import campaigns_close_due


@shared_task
def close_campaigns() -> int:
    """Daily, from Celery beat (or `manage.py close_campaigns` from cron)."""
    return campaigns_close_due()
