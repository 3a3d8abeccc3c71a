import io
import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections  # noqa: F401 (connection: the skipif condition)
from django.utils import timezone
from pypdf import PdfReader

from conftest import give_consents, make_person
from mentoring import services
from mentoring.documents import orders as texts
from mentoring.documents.render import render_pdf, sha256
from mentoring.models import ApprovedOrderError, Order, Pair


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(data))).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def signed_pdf(order) -> bytes:
    """The stored PDF of a signed order (rendered from its frozen data when first asked for, as after a commit)."""
    return services.order_pdf(Order.objects.get(pk=order.pk))


def test_pairs_order_names_people_in_the_right_cases_with_number_and_date(world, programme, agreed_pair):
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    order = services.order_approve(order=order, by=world.users["director"])
    text = flat(pdf_text(signed_pdf(order)))
    today = timezone.localdate()
    assert "ПРИКАЗ" in text
    assert "Иванову Марию Петровну" in text and "наставником Петрова Ивана Сергеевича" in text
    assert f"№ {order.number}" in text and order.number == "1"
    assert f"{today:%d.%m.%Y}" in text  # one date style in an order: 05.06.2025 (ГОСТ Р 7.0.97)
    assert "Приложение № 1" in text and f"к приказу от {today:%d.%m.%Y} № 1" in text
    assert "В. П. Терешкова" in text or "В.П. Терешкова" in text
    assert "Лист ознакомления" in text  # after the appendix, not between the order and its appendix
    order.refresh_from_db()
    assert order.pdf_sha256 == sha256(order.stored_pdf())
    agreed_pair.refresh_from_db()
    assert agreed_pair.status == Pair.Status.ACTIVE  # it started on 1 October 2025, before today


def test_numbering_follows_the_organisation_format(world, programme):
    world.school.order_number_format = "{n}-ОД"
    world.school.save()
    numbers = []
    for _ in range(2):
        order = services.order_draft_from_programme(
            programme=programme, kind=Order.Kind.FINAL_EVENT, by=world.users["coordinator"]
        )
        services.order_submit(order=order, by=world.users["coordinator"])
        numbers.append(services.order_approve(order=order, by=world.users["director"]).number)
    assert numbers == ["1-ОД", "2-ОД"]


def test_approved_order_never_changes(world, programme):
    order = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.FINAL_EVENT, by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    order = services.order_approve(order=order, by=world.users["director"])
    frozen = dict(order.frozen)
    with pytest.raises(ValidationError, match="не редактируется"):
        services.order_update(
            order=order, title="Другое", preamble="", items=["x"], by=world.users["coordinator"]
        )
    order.title = "Другое"
    with pytest.raises(ApprovedOrderError):
        order.save()
    with pytest.raises(ApprovedOrderError):
        Order.objects.filter(pk=order.pk).update(title="Другое")
    with pytest.raises(ApprovedOrderError):
        order.delete()
    with pytest.raises(ApprovedOrderError):  # only the rendering columns may be written after the signature
        Order.objects.filter(pk=order.pk).update_rendering(title="Другое")
    order.refresh_from_db()
    assert order.frozen == frozen and order.title != "Другое"
    # A renamed organisation does not change the signed PDF: it is rendered from the frozen data, once.
    world.school.full_name = "Новое имя"
    world.school.save()
    pdf = services.order_pdf(order)
    assert "Новое имя" not in pdf_text(pdf)
    order.refresh_from_db()
    assert order.stored_pdf() == pdf and order.pdf_sha256 == sha256(pdf)
    assert Order.objects.filter(pk=order.pk, pdf_sha256="").update_rendering(pdf_error="other") == 0
    assert services.order_pdf(Order.objects.get(pk=order.pk)) == pdf


def test_approval_is_refused_while_a_pair_is_not_agreed(world, programme, agreed_pair):
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    services.pair_remove_mentee(
        pair=agreed_pair, mentee=world.persons["mentee"], by=world.users["coordinator"]
    )
    with pytest.raises(ValidationError) as error:
        services.order_approve(order=order, by=world.users["director"])
    assert any("не согласована" in m for m in error.value.messages)
    order.refresh_from_db()
    assert order.status == Order.Status.SUBMITTED and not order.number


def test_director_returns_with_a_comment_and_coordinator_resubmits(world, programme):
    order = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.CURATORS, by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    with pytest.raises(ValidationError):
        services.order_return(order=order, comment=" ", by=world.users["director"])
    services.order_return(order=order, comment="Уточните сроки", by=world.users["director"])
    order.refresh_from_db()
    assert order.status == Order.Status.RETURNED and order.director_comment == "Уточните сроки"
    services.order_update(
        order=order, title=order.title, preamble="", items=["Пункт 1", " "], by=world.users["coordinator"]
    )
    assert order.items == ["Пункт 1"]
    services.order_submit(order=order, by=world.users["coordinator"])


def test_replacement_order_replaces_the_mentor_on_approval(world, programme, active_pair):
    from mentoring.models import MentorProfile, ReplacementGround

    new = make_person(world.school, "Смирнова", "Ольга", "Ивановна")
    MentorProfile.objects.create(organization=world.school, person=new, entered_on=date(2025, 9, 1))
    give_consents(new)
    order = services.order_draft_replacement(
        pair=active_pair, new_mentor=new, ground=ReplacementGround.DISMISSAL, by=world.users["coordinator"]
    )
    active_pair.refresh_from_db()
    assert active_pair.mentor == world.persons["mentor"]  # nothing changes before the director signs
    services.order_submit(order=order, by=world.users["coordinator"])
    order = services.order_approve(order=order, by=world.users["director"])
    active_pair.refresh_from_db()
    assert active_pair.mentor == new
    text = flat(pdf_text(signed_pdf(order)))
    assert "Освободить Иванову Марию Петровну" in text and "Назначить Смирнову Ольгу Ивановну" in text
    assert "наставником Сидорова Павла Игоревича" in text


def test_reward_order_in_the_dative(world, programme):
    order = services.order_draft_reward(
        programme=programme,
        awards=[(world.persons["mentor"], "mentor_of_year")],
        by=world.users["coordinator"],
    )
    draft = services.order_pdf(order)
    text = flat(pdf_text(draft))
    assert "Присвоить звание «Наставник года» Ивановой Марии Петровне, учителю." in text
    # The «ПРОЕКТ» mark is drawn, not written: it is on the page but not in the extracted text.
    assert "ПРОЕКТ" not in text and "ПРОЕКТ" not in draft.decode("latin-1")
    plain = render_pdf("documents/order.html", {"o": texts.snapshot(order)})

    def drawing(data):  # the page's drawing operators; the mark adds the outlines of six letters
        return len(PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data())

    assert drawing(draft) > drawing(plain) + 2000 and flat(pdf_text(plain)) == text


def test_acknowledgement(world, programme, agreed_pair):
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    with pytest.raises(ValidationError):
        services.order_acknowledge(order=order, person=world.persons["mentor"], by=world.users["mentor"])
    services.order_submit(order=order, by=world.users["coordinator"])
    order = services.order_approve(order=order, by=world.users["director"])
    ack = services.order_acknowledge(order=order, person=world.persons["mentor"], by=world.users["mentor"])
    assert ack.acknowledged_on == timezone.localdate()
    with pytest.raises(ValidationError, match="нет в списке"):
        services.order_acknowledge(order=order, person=world.persons["parent"], by=world.users["parent"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks need PostgreSQL")
def test_two_approvals_at_the_same_moment_get_different_numbers(world, programme):
    orders = []
    for _ in range(2):
        order = services.order_draft_from_programme(
            programme=programme, kind=Order.Kind.FINAL_EVENT, by=world.users["coordinator"]
        )
        services.order_submit(order=order, by=world.users["coordinator"])
        orders.append(order)
    barrier = threading.Barrier(2)
    errors = []

    def approve(order):
        try:
            barrier.wait()
            services.order_approve(order=order, by=world.users["director"])
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(o,)) for o in orders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    numbers = sorted(Order.objects.values_list("number", flat=True))
    assert numbers == ["1", "2"]


def test_a_long_pairs_order_names_the_assignments_once_in_the_appendix(
    world, programme, agreed_pair, monkeypatch
):
    from mentoring.services import orders

    monkeypatch.setattr(orders, "NAMED_ASSIGNMENTS_MAX", 0)  # as if the order had more pairs than the limit
    order = services.order_draft_pairs(
        programme=programme, pairs=[agreed_pair], by=world.users["coordinator"]
    )
    assert order.items[1] == "Назначить наставников наставляемым в соответствии с приложением № 1."
    assert "Иванова Мария Петровна" in order.appendices[0]["rows"][0][1]


def test_a_signed_order_is_read_only_in_the_admin(world, client, programme, django_user_model):
    order = services.order_draft_from_programme(
        programme=programme, kind=Order.Kind.FINAL_EVENT, by=world.users["coordinator"]
    )
    services.order_submit(order=order, by=world.users["coordinator"])
    order = services.order_approve(order=order, by=world.users["director"])
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "x"))
    page = client.get(f"/admin/mentoring/order/{order.pk}/change/")
    assert page.status_code == 200 and 'name="title"' not in page.content.decode()  # shown, not editable
    assert client.post(f"/admin/mentoring/order/{order.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Order.objects.filter(pk=order.pk, status=Order.Status.APPROVED).exists()
