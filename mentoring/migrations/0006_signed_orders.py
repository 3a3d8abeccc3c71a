"""The pairs of an order get an explicit through model on the table Django already made for them, so a pair of
a signed order cannot be deleted (protect_signed_orders) nor unlinked by a bulk path; the base managers of
orders and their rows refuse signed orders too."""

import django.db.models.deletion
from django.db import migrations, models

import mentoring.models.orders


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0006_import_uploads"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="order",
            options={
                "base_manager_name": "objects",
                "ordering": ["-approved_on", "-seq", "-created_at"],
                "verbose_name": "приказ",
                "verbose_name_plural": "приказы",
            },
        ),
        migrations.AlterModelOptions(
            name="orderacknowledgement",
            options={
                "base_manager_name": "objects",
                "verbose_name": "ознакомление с приказом",
                "verbose_name_plural": "ознакомление с приказами",
            },
        ),
        # The table mentoring_order_pairs (id, order_id, pair_id, unique pair of them) exists: state only.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OrderPair",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "order",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, to="mentoring.order"
                            ),
                        ),
                        (
                            "pair",
                            models.ForeignKey(
                                on_delete=mentoring.models.orders.protect_signed_orders, to="mentoring.pair"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "пара в приказе",
                        "verbose_name_plural": "пары в приказах",
                        "db_table": "mentoring_order_pairs",
                        "base_manager_name": "objects",
                        "unique_together": {("order", "pair")},
                    },
                ),
                migrations.AlterField(
                    model_name="order",
                    name="pairs",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="orders",
                        through="mentoring.OrderPair",
                        to="mentoring.pair",
                        verbose_name="пары",
                    ),
                ),
            ],
        ),
    ]
