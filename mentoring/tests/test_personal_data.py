"""152-ФЗ (issue 9, item 8): a person's data export for the coordinator (JSON and a readable PDF) with what every
app holds; anonymisation that keeps signed orders and consents intact; a withdrawn consent to data processing
takes the person out of the bases, their exports and the lists."""

import io
import json
from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.models import AuditEntry, Consent, Person, User
from accounts.services import consents, person_anonymise
from conftest import give_consents, make_bases
from mentoring import services
from mentoring.services.consents import consent_withdraw
from mentoring.services.orders import order_render_pdf


def export(client, world, person, fmt=""):
    url = reverse("accounts:person.data_export", args=[person.pk]) + (f"?format={fmt}" if fmt else "")
    response = world.client(client, "coordinator").get(url)
    assert response.status_code == 200
    return response


@pytest.fixture
def signed(world, programme, agreed_pair):
    coordinator = world.users["coordinator"]
    order = services.order_draft_pairs(programme=programme, pairs=[agreed_pair], by=coordinator)
    services.order_submit(order=order, by=coordinator)
    return services.order_approve(order=order, by=world.users["director"])


def test_the_export_holds_what_every_app_keeps_about_the_person(world, client, signed):
    mentee = world.persons["mentee"]
    data = json.loads(export(client, world, mentee).content)
    titles = [section["title"] for section in data["sections"]]
    assert titles[:2] == ["Карточка участника", "Учётная запись"]
    assert {
        "Согласия",
        "База наставляемых",
        "Наставнические пары (группы)",
        "Приказы, в которых назван(а)",
    } <= set(titles)
    card = data["sections"][0]["rows"][0]
    assert card["Фамилия"] == "Петров" and card["Имя"] == "Иван"
    assert AuditEntry.objects.filter(action="person.data_export", object_id=str(mentee.pk)).exists()
    assert AuditEntry.objects.filter(action="download", actor=world.users["coordinator"]).exists()


def test_the_pdf_is_readable(world, client, signed):
    response = export(client, world, world.persons["mentor"], "pdf")
    assert response["Content-Type"] == "application/pdf" and "no-store" in response["Cache-Control"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Сведения о персональных данных участника" in text and "152-ФЗ" in text
    assert "Иванова" in text and "База наставников" in text and "методика преподавания математики" in text


def test_only_the_coordinator_exports_and_never_another_schools_person(world, client):
    url = reverse("accounts:person.data_export", args=[world.persons["child"].pk])
    assert world.client(client, "director").get(url).status_code == 403
    client.logout()
    assert world.client(client, "other_coordinator").get(url).status_code == 404


def test_anonymisation_erases_the_person_and_keeps_the_signed_order_and_consents(world, client, signed):
    mentee = world.persons["mentee"]
    services.pair_terminate(pair=signed.pairs.get(), reason="увольнение", by=world.users["coordinator"])
    signed = order_render_pdf(signed.pk)  # its PDF, rendered from the frozen data after the signature
    frozen, pdf = dict(signed.frozen), signed.stored_pdf()
    consent_texts = list(mentee.consents.values_list("text", flat=True))
    user = world.users["mentee"]
    response = world.client(client, "coordinator").post(
        reverse("accounts:person.anonymise", args=[mentee.pk])
    )
    assert response.status_code == 302
    mentee.refresh_from_db()
    assert mentee.anonymised_at and mentee.full_name == f"Участник № {mentee.pk}"
    assert (mentee.birth_date, mentee.email, mentee.phone, mentee.user) == (None, "", "", None)
    assert mentee.mentee_profile.main_request == ""
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password() and user.username.startswith("deleted-")
    signed.refresh_from_db()
    assert signed.frozen == frozen and signed.stored_pdf() == pdf  # the legal document is untouched
    assert "Петров" in json.dumps(signed.frozen, ensure_ascii=False)
    assert list(mentee.consents.values_list("text", flat=True)) == consent_texts
    assert AuditEntry.objects.filter(action="person.anonymise", object_id=str(mentee.pk)).exists()
    assert (
        "Петров Иван"
        not in world.client(client, "coordinator").get(reverse("accounts:person.list")).content.decode()
    )


def test_a_person_in_a_working_pair_is_not_anonymised(world, active_pair):
    with pytest.raises(ValidationError, match="действующей паре"):
        person_anonymise(person=world.persons["child"], by=world.users["coordinator"])
    assert Person.objects.get(pk=world.persons["child"].pk).last_name == "Сидоров"


def test_nobody_anonymises_themself(world):
    with pytest.raises(ValidationError, match="другой сотрудник"):
        person_anonymise(person=world.persons["coordinator"], by=world.users["coordinator"])
    assert User.objects.get(username="coordinator").is_active


def test_a_withdrawn_data_consent_takes_the_person_out_of_bases_exports_and_lists(world, client):
    make_bases(world)
    give_consents(world.persons["mentor"], world.persons["mentee"])
    coordinator = world.client(client, "coordinator")
    mentees = reverse("mentoring:mentee_base.list")
    assert "Петров Иван" in coordinator.get(mentees).content.decode()
    consent_withdraw(subject=world.persons["mentee"], kinds=["personal_data"], by=world.users["coordinator"])
    assert "Петров Иван" not in coordinator.get(mentees).content.decode()
    sheet = load_workbook(
        BytesIO(coordinator.get(mentees, {"format": "xlsx", "programme": ""}).content)
    ).active
    assert "Петров Иван Сергеевич" not in [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)]
    pdf = coordinator.get(reverse("mentoring:mentee_base.pdf"), {"programme": ""}).content
    assert "Петров" not in " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    people = reverse("accounts:person.list")
    assert "Петров Иван" not in coordinator.get(people).content.decode()
    assert "Петров Иван" in coordinator.get(people, {"withdrawn": "1"}).content.decode()  # to act on it
    # A new consent brings the person back.
    consents.consent_record_paper(
        subject=world.persons["mentee"],
        signer=world.persons["mentee"],
        kinds=["personal_data"],
        scan=SimpleUploadedFile("s.pdf", b"%PDF-1.4 scan"),
        signed_on=date.today(),
        by=world.users["coordinator"],
    )
    assert "Петров Иван" in coordinator.get(mentees).content.decode()
    assert Consent.objects.filter(subject=world.persons["mentee"], status="withdrawn").exists()
