"""`python manage.py backup [--output FILE]`: one archive with the database and the uploaded files."""

from django.core.management.base import BaseCommand, CommandError

from accounts.infra.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Создаёт резервную копию: база данных и загруженные/созданные файлы в одном архиве .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Файл архива (по умолчанию var/backups/nastav-<дата>.tar.gz).")

    def handle(self, *args, output=None, **options):
        try:
            path = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Резервная копия: {path}"))
