"""`python manage.py restore FILE`: the database and the uploaded files from a backup archive. Stop the
application first; everything written since the backup is replaced."""

from django.core.management.base import BaseCommand, CommandError

from accounts.infra.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Восстанавливает базу данных и файлы из архива, созданного командой backup."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Архив .tar.gz, созданный командой backup.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, file, interactive=True, **options):
        if interactive:
            answer = input(
                "Всё, что записано после создания копии, будет заменено содержимым архива.\n"
                "Остановите приложение перед восстановлением. Продолжить? Введите «да»: "
            )
            if answer.strip().lower() not in ("да", "yes"):
                raise CommandError("Восстановление отменено.")
        try:
            manifest = restore_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Восстановлено из копии от {manifest['created']} ({manifest['database']['method']})."
            )
        )
