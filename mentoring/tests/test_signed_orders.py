"""A signed order never changes (issue 9, items 5 and 6): every path that used to change one is tried and
refused — the admin, QuerySet.delete()/update(), the base manager, the pairs' many-to-many, the acknowledgement
rows, and on PostgreSQL raw SQL that bypasses the ORM. And an order-number format that cannot make a number is
refused when it is typed, not at the next signature."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, InternalError, connection, transaction
from django.urls import reverse

from accounts.forms import OrganizationForm
from mentoring import services
from mentoring.models import ApprovedOrderError, Order, OrderAcknowledgement, OrderPair, Pair


@pytest.fixture
def signed(world, programme, agreed_pair):
    """The pairs order of the agreed «Учитель – учитель» pair, signed by the director."""
    coordinator = world.users["coordinator"]
    order = services.order_draft_pairs(programme=programme, pairs=[agreed_pair], by=coordinator)
    services.order_submit(order=order, by=coordinator)
    return services.order_approve(order=order, by=world.users["director"])


def unchanged(order, pair_ids, ack_count):
    order.refresh_from_db()
    assert order.status == Order.Status.APPROVED
    assert set(order.pairs.values_list("pk", flat=True)) == pair_ids
    assert order.acknowledgements.count() == ack_count


def test_every_orm_path_refuses_to_change_a_signed_order(signed):
    pairs = set(signed.pairs.values_list("pk", flat=True))
    acks = signed.acknowledgements.count()
    assert pairs and acks
    attempts = [
        lambda: Order.objects.filter(pk=signed.pk).delete(),
        lambda: Order._base_manager.filter(pk=signed.pk).update(title="Другое"),
        lambda: Order._base_manager.filter(pk=signed.pk).delete(),
        lambda: signed.pairs.clear(),
        lambda: signed.pairs.remove(*signed.pairs.all()),
        lambda: signed.pairs.set([]),
        lambda: Pair.objects.get(pk=next(iter(pairs))).orders.clear(),
        lambda: OrderPair.objects.filter(order=signed).delete(),
        lambda: OrderPair._base_manager.filter(order=signed).update(pair=None),
        lambda: OrderPair.objects.filter(order=signed).first().delete(),
        lambda: signed.acknowledgements.all().delete(),
        lambda: signed.acknowledgements.first().delete(),
        lambda: OrderAcknowledgement._base_manager.filter(order=signed).update(person=None),
        lambda: OrderAcknowledgement.objects.create(
            order=signed, person=signed.acknowledgements.first().person
        ),
    ]
    for attempt in attempts:
        with pytest.raises((ApprovedOrderError, IntegrityError)), transaction.atomic():
            attempt()
    unchanged(signed, pairs, acks)


def test_a_pair_of_a_signed_order_cannot_be_deleted_even_in_bulk(signed):
    pair = signed.pairs.get()
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        pair.delete()
    with pytest.raises(ProtectedError):
        Pair.objects.filter(pk=pair.pk).delete()
    assert Pair.objects.filter(pk=pair.pk).exists()


def test_the_admin_cannot_delete_a_pair_of_a_signed_order(signed, client, django_user_model):
    pair = signed.pairs.get()
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "x"))
    page = client.post(reverse("admin:mentoring_pair_delete", args=[pair.pk]), {"post": "yes"})
    assert page.status_code == 200  # the confirmation page lists the protected link instead of deleting
    assert "пара в приказе" in page.content.decode().lower()
    bulk = client.post(
        reverse("admin:mentoring_pair_changelist"),
        {"action": "delete_selected", "_selected_action": [pair.pk], "post": "yes"},
    )
    assert bulk.status_code == 200
    assert Pair.objects.filter(pk=pair.pk).exists() and signed.pairs.filter(pk=pair.pk).exists()


def test_acknowledging_is_the_one_change_a_signed_order_takes(signed, world):
    ack = signed.acknowledgements.get(person=world.persons["mentor"])
    services.order_acknowledge(order=signed, person=world.persons["mentor"], by=world.users["mentor"])
    ack.refresh_from_db()
    assert ack.acknowledged_on is not None
    ack.acknowledged_on = None  # and the date, once set, stays
    with pytest.raises(ApprovedOrderError):
        ack.save(update_fields=["acknowledged_on"])


def test_a_draft_keeps_its_pairs_editable(world, programme, agreed_pair):
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    order.pairs.clear()
    assert not order.pairs.exists()
    order.pairs.add(agreed_pair)
    agreed_pair_id = agreed_pair.pk
    order.delete()
    assert Pair.objects.filter(pk=agreed_pair_id).exists()


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="the trigger exists on PostgreSQL only")
def test_postgresql_refuses_raw_sql_on_a_signed_order(signed, world):
    statements = [
        ("UPDATE mentoring_order SET title = 'Подмена' WHERE id = %s", [signed.pk]),
        ("DELETE FROM mentoring_order WHERE id = %s", [signed.pk]),
        ("DELETE FROM mentoring_order_pairs WHERE order_id = %s", [signed.pk]),
        ("DELETE FROM mentoring_orderacknowledgement WHERE order_id = %s", [signed.pk]),
        (
            "INSERT INTO mentoring_orderacknowledgement (order_id, person_id) VALUES (%s, %s)",
            [signed.pk, world.persons["parent"].pk],
        ),
    ]
    for sql, params in statements:
        with (
            pytest.raises((IntegrityError, InternalError)),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, params)
    # Dating an acknowledgement stays possible, once.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE mentoring_orderacknowledgement SET acknowledged_on = CURRENT_DATE WHERE order_id = %s",
            [signed.pk],
        )
    with pytest.raises((IntegrityError, InternalError)), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE mentoring_orderacknowledgement SET acknowledged_on = NULL WHERE order_id = %s",
            [signed.pk],
        )
    signed.refresh_from_db()
    assert signed.title != "Подмена"


# Item 6: the order-number format ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt", ["{n}{", "{0}{n}", "{n:>46}", "{n}" + "-" * 40, "№{n}}", "{n}{n!z}", "ОД", "1-ОД"]
)
def test_a_format_that_cannot_make_a_number_is_refused_on_the_form(world, fmt):
    data = {f: getattr(world.school, f) for f in OrganizationForm.Meta.fields}
    form = OrganizationForm(
        {**data, "kind": world.school.kind, "order_number_format": fmt}, instance=world.school
    )
    assert not form.is_valid()
    assert "order_number_format" in form.errors


@pytest.mark.parametrize(("fmt", "number"), [("{n}", "1"), ("{n}-ОД", "1-ОД"), ("ОД-{n}/к", "ОД-1/к")])
def test_good_formats_pass(world, fmt, number):
    world.school.order_number_format = fmt
    world.school.full_clean()
    assert world.school.format_order_number(1) == number


def test_a_bad_format_saved_around_the_form_gives_a_russian_message_at_signing(world, programme):
    from accounts.models import Organization

    Organization.objects.filter(pk=world.school.pk).update(order_number_format="{n}{")
    order = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.FINAL_EVENT, by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    with pytest.raises(ValidationError, match="Формат номера приказа"):
        services.order_approve(order=order, by=world.users["director"])
    order.refresh_from_db()
    assert order.status == Order.Status.SUBMITTED and not order.number


def test_signing_with_a_bad_format_on_the_page_says_so_in_russian(world, client, programme):
    from accounts.models import Organization

    Organization.objects.filter(pk=world.school.pk).update(order_number_format="{0}{n}")
    order = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.FINAL_EVENT, by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    response = world.client(client, "director").post(
        reverse("mentoring:order.approve", args=[order.pk]), follow=True
    )
    assert response.status_code == 200
    assert "Формат номера приказа" in response.content.decode()
