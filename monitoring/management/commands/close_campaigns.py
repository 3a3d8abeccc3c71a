"""Daily: close the campaigns whose last day has passed (their results are frozen). Run from cron or Celery beat."""

from django.core.management.base import BaseCommand

from monitoring.services import campaigns_close_due


class Command(BaseCommand):
    help = "Завершает опросы, срок которых истёк, и фиксирует их результаты."

    def handle(self, *args, **options):
        closed = campaigns_close_due()
        self.stdout.write(f"Завершено опросов: {closed}")
