"""The PDFs of signed orders move from a database column to the file storage (MEDIA_ROOT, or the S3 bucket that
several app servers share), beside the consent scans and the packs; their SHA-256 stays in the row. Reversible:
the files are read back into the column."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models


def to_storage(apps, schema_editor):
    Order = apps.get_model("mentoring", "Order")
    for order in Order.objects.filter(pdf__isnull=False).only("pk", "year", "pdf", "pdf_sha256").iterator():
        name = default_storage.save(
            f"orders/{order.year or 'unnumbered'}/{order.pk}-{order.pdf_sha256[:16]}.pdf",
            ContentFile(bytes(order.pdf)),
        )
        Order.objects.filter(pk=order.pk).update(pdf_file=name, pdf=None)


def to_column(apps, schema_editor):
    Order = apps.get_model("mentoring", "Order")
    for order in Order.objects.exclude(pdf_file="").only("pk", "pdf_file").iterator():
        with default_storage.open(order.pdf_file.name, "rb") as file:
            data = file.read()
        Order.objects.filter(pk=order.pk).update(pdf=data, pdf_file="")  # the file stays: nothing is lost


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0006_signed_orders"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="pdf_file",
            field=models.FileField(blank=True, editable=False, upload_to="orders/%Y/"),
        ),
        migrations.RunPython(to_storage, to_column),
        migrations.RemoveField(model_name="order", name="pdf"),
    ]
