"""A backup round trip in a child process against the database named by DATABASE_URL (test_backup runs it on
a SQLite file and, when a server answers, on a throw-away PostgreSQL database): data and files are written,
backed up, changed and lost, restored, and read back. Prints a JSON summary."""

import json
import os
import sys
from pathlib import Path


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring.settings")
    django.setup()
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from accounts.models import Consent, Person
    from conftest import build_world, make_programme
    from mentoring import services
    from mentoring.models import Order
    from mentoring.services.orders import order_render_pdf

    world = build_world()
    programme = make_programme(world)
    coordinator = world.users["coordinator"]
    order = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.FINAL_EVENT, by=coordinator
    )
    services.order_submit(order=order, by=coordinator)
    services.order_approve(order=order, by=world.users["director"])
    order = order_render_pdf(order.pk)  # what the background job does after the signature
    consent = Consent.objects.create(
        organization=world.school,
        subject=world.persons["mentor"],
        signer=world.persons["mentor"],
        kind="participation",
        status="given",
        method="paper",
        given_at=order.approved_at,
    )
    consent.scan.save("scan.pdf", ContentFile(b"%PDF-1.4 the scan"))
    scan_path = Path(settings.MEDIA_ROOT) / consent.scan.name

    archive = Path(sys.argv[1])
    call_command("backup", output=str(archive), verbosity=0)

    # After the backup: a person added, one renamed, the scan lost.
    Person.objects.create(
        organization=world.school, last_name="Лишний", first_name="Пётр", sex="M", kind="staff"
    )
    Person.objects.filter(pk=world.persons["mentor"].pk).update(last_name="Переименованная")
    scan_path.unlink()

    call_command("restore", str(archive), interactive=False, verbosity=0)

    from django.db import connections

    connections.close_all()
    restored = Order.objects.get(pk=order.pk)
    print(
        json.dumps(
            {
                "people": Person.objects.count(),
                "extra": Person.objects.filter(last_name="Лишний").exists(),
                "mentor": Person.objects.get(pk=world.persons["mentor"].pk).last_name,
                "order": [
                    restored.number,
                    restored.pdf_sha256 == order.pdf_sha256,
                    restored.stored_pdf() == order.stored_pdf(),
                ],
                "scan": scan_path.read_bytes().decode() if scan_path.exists() else None,
                "vendor": connections["default"].vendor,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
