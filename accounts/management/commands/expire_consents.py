from django.core.management.base import BaseCommand

from accounts.services.consents import consents_expire


class Command(BaseCommand):
    help = "Отмечает согласия с истёкшим сроком (запускать ежедневно, например из cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"Истекло согласий: {consents_expire()}")
