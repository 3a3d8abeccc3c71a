"""Demo data for a first look: `python manage.py demo_data` (idempotent — safe to run again)."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from post_office.models import Email

from mentoring.demo import DEMO_LOGINS, DEMO_PASSWORD, build_demo

# The apps above mentoring add their part of the demo (a module <app>/demo.py with build_demo(school, other)),
# in this order; mentoring itself does not import them.
UPPER_APPS = ("roadmap", "monitoring")


class Command(BaseCommand):
    help = "Создаёт демонстрационные данные (повторный запуск ничего не дублирует)."

    def add_arguments(self, parser):
        parser.add_argument("--logins", action="store_true", help="Только напечатать демо-логины.")

    def handle(self, *args, logins=False, **options):
        if not logins and not settings.DEMO_DATA_ALLOWED:
            # Demo logins share one published password: never on a production database.
            raise CommandError(
                "Демонстрационные данные не создаются при DEBUG=0: в рабочей базе демо-логины с общим "
                "паролем были бы уязвимостью. Запустите команду на тестовой копии с DEBUG=1."
            )
        if not logins:
            # The demo's own letters (consent requests, a withdrawal notice) go nowhere: they leave the
            # outbox in the same transaction they were queued in.
            with transaction.atomic():
                last = Email.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
                self.school, self.other = build_demo()
                for app in UPPER_APPS:
                    if find_spec(f"{app}.demo"):
                        import_module(f"{app}.demo").build_demo(self.school, self.other)
                Email.objects.filter(pk__gt=last).delete()
            self.stdout.write(self.style.SUCCESS("Демонстрационные данные готовы."))
        self.print_logins()

    def print_logins(self):
        self.stdout.write(
            f"\nДемо-входы (пароль у всех: {DEMO_PASSWORD}), {settings.SITE_URL}/\n"
            + "\n".join(f"  {username:<18} {label}" for username, label in DEMO_LOGINS)
            + "\n"
        )
