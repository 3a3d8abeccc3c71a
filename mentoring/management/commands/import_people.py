"""python manage.py import_people --organization 1 --base mentees list.xlsx [--commit]

Without --commit: the preview and the row errors, exit code 1 when any row has an error. With --commit: the
import, all or nothing (mentoring.services.imports.people_import), and how many people were created and
updated."""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Organization
from mentoring.imports.columns import BY_CODE, IGNORED
from mentoring.imports.preview import STATUS_LABELS, Status
from mentoring.models import ImportBase
from mentoring.services.imports import people_import, preview_file, refusal


class Command(BaseCommand):
    help = (
        "Импорт списка наставников или наставляемых из .xlsx, .xls или .csv (без --commit — только проверка)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="путь к файлу .xlsx, .xls или .csv")
        parser.add_argument("--organization", type=int, required=True, help="id образовательной организации")
        parser.add_argument("--base", choices=["mentors", "mentees"], required=True, help="в какую базу")
        parser.add_argument("--commit", action="store_true", help="сохранить (все строки или ни одной)")
        parser.add_argument("--request", default="", help="основной запрос для строк, где он не указан")

    def handle(self, *args, **options):
        organization = Organization.objects.filter(pk=options["organization"]).first()
        if organization is None:
            raise CommandError(f"Нет организации с id {options['organization']}.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Нет файла {path}.")
        base = ImportBase(options["base"])
        kwargs = {
            "organization": organization,
            "base": base,
            "data": path.read_bytes(),
            "filename": path.name,
            "default_request": options["request"],
        }
        try:
            preview = preview_file(**kwargs)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self._print(preview, organization, base)
        problem = refusal(preview)
        if problem is not None:
            self.stderr.write("\n".join(problem.messages))
            sys.exit(1)
        if not options["commit"]:
            self.stdout.write("Ошибок нет. Чтобы сохранить, повторите команду с --commit.")
            return
        try:
            outcome = people_import(by=None, **kwargs)
        except ValidationError as error:
            self.stderr.write("\n".join(error.messages))
            sys.exit(1)
        self.stdout.write(
            self.style.SUCCESS(
                f"Сохранено. Создано: {len(outcome.created)}, обновлено: {len(outcome.updated)}."
            )
        )
        if outcome.unchanged or outcome.parents:
            self.stdout.write(
                f"Без изменений: {len(outcome.unchanged)}; новых родителей: {len(outcome.parents)}."
            )

    def _print(self, preview, organization, base):
        self.stdout.write(f"{organization.short_name} — {base.label}")
        if preview.headers:
            self.stdout.write(f"Строка заголовков: {preview.header_row}")
            for header, code in zip(preview.headers, preview.mapping, strict=True):
                target = (
                    "не загружается"
                    if not code
                    else ("номер строки" if code == IGNORED else BY_CODE[code].label)
                )
                self.stdout.write(f"  «{header}» → {target}")
        counts = preview.counts
        self.stdout.write("Строк: " + ", ".join(f"{STATUS_LABELS[s]} — {counts[s]}" for s in Status))
        for row in preview.rows:
            if row.status == Status.UPDATE:
                changes = ", ".join(row.changes) or "без изменений"
                self.stdout.write(
                    f"  Строка {row.number}: обновление {row.full_name} ({row.match}): {changes}"
                )
            elif row.status == Status.DUPLICATE:
                self.stdout.write(f"  Строка {row.number}: повтор строки {row.duplicate_of} — пропускается")
            for warning in row.warnings:
                self.stdout.write(f"  Строка {row.number}: {warning}")
