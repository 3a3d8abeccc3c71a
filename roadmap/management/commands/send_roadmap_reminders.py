from datetime import date

from django.core.management.base import BaseCommand

from roadmap.services import DUE_SOON, OVERDUE, send_event_reminders


class Command(BaseCommand):
    help = (
        "Напоминания по дорожной карте: ответственным — за неделю до срока мероприятия, "
        "им и координатору — когда срок прошёл (каждое письмо один раз)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=date.fromisoformat, help="день в формате ГГГГ-ММ-ДД (по умолчанию сегодня)"
        )

    def handle(self, *args, **options):
        sent = send_event_reminders(options["date"])
        self.stdout.write(f"Напоминаний о сроке: {sent[DUE_SOON]}, о просрочке: {sent[OVERDUE]}.")
