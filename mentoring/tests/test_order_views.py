import pytest
from django.urls import reverse

from accounts.testing.grid import ALL
from mentoring import services
from mentoring.models import Order, Pair


def test_coordinator_drafts_edits_submits_and_director_signs(world, client, programme, agreed_pair):
    coordinator = world.client(client, "coordinator")
    response = coordinator.post(
        reverse("mentoring:order.create") + "?kind=pairs",
        {"programme": programme.pk, "pairs": [agreed_pair.pk]},
    )
    order = Order.objects.get()
    assert response["Location"] == reverse("mentoring:order.detail", args=[order.pk])
    response = coordinator.post(
        reverse("mentoring:order.update", args=[order.pk]),
        {"title": order.title, "preamble": "", "items": "Первый пункт\n\nВторой пункт"},
    )
    order.refresh_from_db()
    assert order.items == ["Первый пункт", "Второй пункт"]
    coordinator.post(reverse("mentoring:order.submit", args=[order.pk]))
    client.logout()
    director = world.client(client, "director")
    page = director.get(reverse("mentoring:order.detail", args=[order.pk])).content.decode()
    assert "Подписать" in page
    director.post(reverse("mentoring:order.approve", args=[order.pk]))
    order.refresh_from_db()
    assert order.status == Order.Status.APPROVED and order.number == "1"
    pdf = director.get(reverse("mentoring:order.pdf", args=[order.pk]))
    order.refresh_from_db()  # the PDF is rendered after the signature commits (here: on the first download)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == order.stored_pdf()


def test_director_sees_why_an_order_cannot_be_signed(world, client, programme, agreed_pair):
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    Pair.objects.filter(pk=agreed_pair.pk).update(status=Pair.Status.DRAFT)
    director = world.client(client, "director")
    page = director.get(reverse("mentoring:order.detail", args=[order.pk])).content.decode()
    assert "Приказ нельзя подписать" in page and "не согласована" in page
    response = director.post(reverse("mentoring:order.approve", args=[order.pk]), follow=True)
    assert "не согласована" in response.content.decode()
    order.refresh_from_db()
    assert order.status == Order.Status.SUBMITTED


def test_return_needs_a_comment(world, client, programme):
    order = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.CURATORS, by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    director = world.client(client, "director")
    director.post(reverse("mentoring:order.return", args=[order.pk]), {"comment": ""})
    order.refresh_from_db()
    assert order.status == Order.Status.SUBMITTED
    director.post(reverse("mentoring:order.return", args=[order.pk]), {"comment": "Добавьте сроки"})
    order.refresh_from_db()
    assert order.status == Order.Status.RETURNED and order.director_comment == "Добавьте сроки"


def test_named_mentor_acknowledges_online(world, client, programme, agreed_pair):
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    services.order_approve(order=order, by=world.users["director"])
    mentor = world.client(client, "mentor")
    assert order.title in mentor.get(reverse("mentoring:order.list")).content.decode()
    mentor.post(reverse("mentoring:order.acknowledge", args=[order.pk]))
    assert order.acknowledgements.get(person=world.persons["mentor"]).acknowledged_on is not None


@pytest.fixture
def orders(world, programme, agreed_pair):
    """A signed pairs order naming the mentor and a draft; and a signed order of the other school."""
    signed = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    services.order_submit(order=signed, by=world.users["coordinator"])
    signed = services.order_approve(order=signed, by=world.users["director"])
    draft = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.FINAL_EVENT, by=world.users["coordinator"]
    )
    foreign = services.order_draft_free(
        organization=world.other, title="О чужом", by=world.users["other_coordinator"]
    )
    return {"signed": signed, "draft": draft, "foreign": foreign}


@pytest.mark.parametrize("role", ALL)
def test_only_the_director_signs(world, client, orders, role):
    draft = orders["draft"]
    services.order_submit(order=draft, by=world.users["coordinator"])
    response = world.client(client, role).post(reverse("mentoring:order.approve", args=[draft.pk]))
    expected = {None: 302, "director": 302, "coordinator": 403, "curator": 403}.get(role, 404)
    assert response.status_code == expected
    draft.refresh_from_db()
    assert (draft.status == Order.Status.APPROVED) == (role == "director")


def test_a_cancelled_order_is_marked_in_the_register(world, client, programme):
    by, director = world.users["coordinator"], world.users["director"]
    first = services.order_draft_from_programme(programme=programme, kind=Order.Kind.FINAL_EVENT, by=by)
    services.order_submit(order=first, by=by)
    first = services.order_approve(order=first, by=director)
    page = world.client(client, "coordinator").get(reverse("mentoring:order.list")).content.decode()
    assert "отменён</span>" not in page
    cancel = services.order_draft_free(
        organization=world.school,
        title="Об отмене приказа",
        by=by,
        amends=first,
        amendment=Order.Amendment.CANCELS,
    )
    services.order_submit(order=cancel, by=by)
    services.order_approve(order=cancel, by=director)
    page = client.get(reverse("mentoring:order.list")).content.decode()
    assert page.count("отменён</span>") == 1
    first.refresh_from_db()
    assert first.status == Order.Status.APPROVED  # the signed order itself is untouched
