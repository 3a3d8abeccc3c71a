"""Demo data for a first look: `python manage.py demo_data` (idempotent — safe to run again)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from post_office.models import Email

from mentoring.demo import DEMO_LOGINS, DEMO_PASSWORD, build_demo


class Command(BaseCommand):
    help = "Создаёт демонстрационные данные (повторный запуск ничего не дублирует)."

    def add_arguments(self, parser):
        parser.add_argument("--logins", action="store_true", help="Только напечатать демо-логины.")

    def handle(self, *args, logins=False, **options):
        if not logins:
            # The demo's own letters (consent requests, a withdrawal notice) go nowhere: they leave the
            # outbox in the same transaction they were queued in.
            with transaction.atomic():
                last = Email.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
                self.school, self.other = build_demo()
                Email.objects.filter(pk__gt=last).delete()
            self.stdout.write(self.style.SUCCESS("Демонстрационные данные готовы."))
        self.print_logins()

    def print_logins(self):
        self.stdout.write(
            f"\nДемо-входы (пароль у всех: {DEMO_PASSWORD}), http://127.0.0.1:8000/\n"
            + "\n".join(f"  {username:<18} {label}" for username, label in DEMO_LOGINS)
            + "\n"
        )
