from datetime import date

from django.core.management.base import BaseCommand

from mentoring.services.reminders import DUE_SOON, OVERDUE, send_review_reminders


class Command(BaseCommand):
    help = (
        "Напоминания об отзыве наставника: наставнику — за 3 рабочих дня до срока, кураторам — после срока."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=date.fromisoformat, help="день в формате ГГГГ-ММ-ДД (по умолчанию сегодня)"
        )

    def handle(self, *args, **options):
        sent = send_review_reminders(options["date"])
        self.stdout.write(
            f"Напоминаний наставникам: {sent[DUE_SOON]}, кураторам о просрочке: {sent[OVERDUE]}."
        )
