"""«Скачать PDF» in the Django admin: orders, plans and reviews, one PDF or a zip, a link on the change page,
each download in the audit journal, only for operators who may view the model."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import AuditEntry
from mentoring import services
from mentoring.models import IndividualPlan, Order, Review
from mentoring.tests.factories import add_item, make_plan, submit_review


def pdf_text(data: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # a table cell's text wraps where the column ends


@pytest.fixture
def operator(django_user_model):
    return django_user_model.objects.create_superuser("operator", "operator@example.com", "x")


@pytest.fixture
def admin_client(client, operator):
    client.force_login(operator)
    return client


def download(client, model, objects):
    url = reverse(f"admin:mentoring_{model._meta.model_name}_changelist")
    return client.post(url, {"action": "download_pdf", "_selected_action": [obj.pk for obj in objects]})


def downloads_of(obj):
    return AuditEntry.objects.filter(
        action="document.download", object_type=obj._meta.label, object_id=str(obj.pk)
    )


def test_admin_downloads_a_signed_order(world, programme, agreed_pair, admin_client, operator):
    by = world.users["coordinator"]
    order = services.order_draft_pairs(programme=programme, pairs=[agreed_pair], by=by)
    services.order_submit(order=order, by=by)
    order = services.order_approve(order=order, by=world.users["director"])
    response = download(admin_client, Order, [order])
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "ПРИКАЗ" in text.upper() and "Петрова Ивана Сергеевича" in text
    order.refresh_from_db()
    assert response.content == order.stored_pdf()  # the stored PDF of the signed order, as the school gets it
    [entry] = downloads_of(order)
    assert entry.actor == operator and entry.organization == world.school and entry.data["via"] == "admin"


def test_admin_downloads_a_plan_from_its_change_page(world, active_pair, admin_client, operator):
    plan = make_plan(active_pair, by=world.users["mentor"])
    add_item(plan, by=world.users["mentor"], activity="Посещение уроков наставника")
    page = admin_client.get(reverse("admin:mentoring_individualplan_change", args=[plan.pk]))
    link = reverse("admin:mentoring_individualplan_pdf", args=[plan.pk])
    assert f'href="{link}"' in page.content.decode()
    response = admin_client.get(link)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Индивидуальный план".upper() in text.upper() and "Посещение уроков наставника" in text
    assert downloads_of(plan).get().actor == operator


def test_admin_downloads_a_review(world, active_pair, admin_client):
    review = submit_review(active_pair, mentee=world.persons["child"], by=world.users["mentor"])
    response = download(admin_client, Review, [review])
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Отзыв".upper() in text.upper() and "Дроби и проценты" in text
    assert downloads_of(review).count() == 1


def test_several_plans_come_as_one_zip(world, active_pair, agreed_pair, admin_client):
    plans = [
        make_plan(active_pair, by=world.users["mentor"]),
        make_plan(agreed_pair, by=world.users["mentor"]),
    ]
    response = download(admin_client, IndividualPlan, plans)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert sorted(name[:4] for name in names) == ["001 ", "002 "]
    assert sorted(name[4:] for name in names) == [
        "Индивидуальный план — Петров Иван Сергеевич.pdf",
        "Индивидуальный план — Сидоров Павел Игоревич.pdf",
    ]
    for name in names:
        assert "ИНДИВИДУАЛЬНЫЙ ПЛАН" in pdf_text(archive.read(name)).upper()
    assert all(downloads_of(plan).count() == 1 for plan in plans)


def test_only_operators_who_may_view_download(world, active_pair, client, django_user_model):
    plan = make_plan(active_pair, by=world.users["mentor"])
    link = reverse("admin:mentoring_individualplan_pdf", args=[plan.pk])
    # a school's coordinator is no platform operator: the admin sends them to its login
    client.force_login(world.users["coordinator"])
    response = client.get(link)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    # an operator without the permission to view plans
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.get(link).status_code == 403
    assert download(client, IndividualPlan, [plan]).status_code == 403
    assert not downloads_of(plan).exists()
    clerk.user_permissions.add(Permission.objects.get(codename="view_individualplan"))
    assert client.get(link).status_code == 200
    assert client.get(reverse("admin:mentoring_individualplan_pdf", args=[plan.pk + 1000])).status_code == 404
    assert downloads_of(plan).count() == 1
