import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.infra.tokens import LinkError
from accounts.models import AuditEntry, Consent, ConsentRequest
from accounts.services import consents
from conftest import give_consents, make_bases, make_person
from mentoring import services
from mentoring.models import MentoringForm, Order, Pair


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def child_link(world, django_capture_on_commit_callbacks):
    """A consent request for the world's child: a link to the mother, who has an e-mail."""
    parent = world.persons["parent"]
    parent.email = "mama@example.com"
    parent.save()
    with django_capture_on_commit_callbacks(execute=True):
        [(link, token)] = consents.consent_request(
            subject=world.persons["child"], by=world.users["coordinator"]
        )
    return link, token


def prove(client, token):
    """The signer types the one-time code (taken here from the service, as the e-mail would carry it)."""
    link = ConsentRequest.objects.by_token(token).first()
    if link is not None:
        code = consents.consent_code_issue(link=link)
        client.post(reverse("mentoring:consent.sign", args=[token]), {"step": "verify", "code": code})


def sign(client, token, name="Сидорова Елена Андреевна", agree=True, publication=False):
    prove(client, token)
    data = {"signed_name": name}
    if agree:
        data["agree"] = "on"
    if publication:
        data["publication"] = "on"
    return client.post(
        reverse("mentoring:consent.sign", args=[token]), data, HTTP_USER_AGENT="TestBrowser/1.0"
    )


def test_request_goes_to_the_guardian_by_email(world, child_link):
    link, token = child_link
    assert link.signer == world.persons["parent"]
    assert mail.outbox[0].to == ["mama@example.com"]
    assert token in mail.outbox[0].body and "Сидоров Павел Игоревич" in mail.outbox[0].body
    assert set(world.persons["child"].consents.values_list("kind", "status")) == {
        ("participation", "requested"),
        ("personal_data", "requested"),
    }


def test_a_minor_without_a_guardian_cannot_be_asked(world):
    with pytest.raises(ValidationError, match="не указан законный представитель"):
        consents.consent_request(subject=world.persons["stranger_child"], by=world.users["coordinator"])


def test_parent_signs_online_and_the_text_is_frozen(world, client, child_link):
    link, token = child_link
    prove(client, token)
    page = client.get(reverse("mentoring:consent.sign", args=[token])).content.decode()
    assert "152-ФЗ" in page and "Сидоров Павел Игоревич" in page and "отозвать" in page
    response = sign(client, token, name="  сидорова елена андреевна ", publication=True)
    assert response.status_code == 200 and "Согласие подписано" in response.content.decode()
    given = {c.kind: c for c in world.persons["child"].consents.filter(status="given")}
    assert set(given) == {"participation", "personal_data", "publication"}
    consent = given["personal_data"]
    assert consent.signer == world.persons["parent"] and consent.method == "online"
    assert consent.user_agent == "TestBrowser/1.0" and consent.ip_address == "127.0.0.1"
    assert "МБОУ «СОШ № 1»" in consent.text or world.school.full_name in consent.text
    assert consent.text_version == consents.TEXT_VERSION and consent.expires_on >= timezone.localdate()
    assert AuditEntry.objects.filter(action="consent.give").count() == 3
    # the browser that signed downloads the signed PDF
    pdf = client.get(reverse("mentoring:consent.pdf", args=[world.persons["child"].pk]))
    text = pdf_text(pdf.content)
    assert (
        "СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ" in text
        and "Подписано онлайн: Сидорова Елена Андреевна" in text
    )


@pytest.mark.parametrize(
    ("name", "agree", "message"),
    [
        ("Иванова Мария Петровна", True, "Введите фамилию, имя и отчество так, как они указаны"),
        ("Сидорова Елена Андреевна", False, "Отметьте, что вы прочитали текст"),
    ],
)
def test_wrong_name_or_no_tick_is_explained_and_nothing_is_signed(
    world, client, child_link, name, agree, message
):
    _, token = child_link
    response = sign(client, token, name=name, agree=agree)
    assert message in response.content.decode()
    assert not Consent.objects.filter(status="given").exists()
    assert ConsentRequest.objects.get().used_at is None


def test_link_is_single_use_and_altered_or_expired_links_change_nothing(world, client, child_link):
    link, token = child_link
    assert sign(client, token[:-2] + "xy").status_code == 410
    ConsentRequest.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert "истёк" in sign(client, token).content.decode()
    assert not Consent.objects.filter(status="given").exists()
    ConsentRequest.objects.filter(pk=link.pk).update(expires_at=timezone.now() + timedelta(days=1))
    sign(client, token)
    response = sign(client, token)
    assert response.status_code == 410 and "уже подписано" in response.content.decode()


def test_reminder_replaces_the_token(world, child_link, django_capture_on_commit_callbacks):
    link, old = child_link
    with django_capture_on_commit_callbacks(execute=True):
        new = consents.consent_remind(link=link, by=world.users["coordinator"])
    assert new != old and len(mail.outbox) == 2
    with pytest.raises(LinkError) as error:
        consents.consent_link_check(old)
    assert error.value.title == "Ссылка недействительна"
    assert consents.consent_link_check(new).reminders_sent == 1


def test_signer_rules(world):
    child, parent, mentor = world.persons["child"], world.persons["parent"], world.persons["mentor"]
    today = timezone.localdate()
    assert consents.signer_relation(child, parent, today) == "мать"
    with pytest.raises(ValidationError, match="только законный представитель"):
        consents.signer_relation(child, mentor, today)
    with pytest.raises(ValidationError, match="подписывает согласие сам"):
        consents.signer_relation(mentor, parent, today)
    # the day of signing decides: on the 18th birthday the child signs for themself
    adult_day = date(child.birth_date.year + 18, child.birth_date.month, child.birth_date.day)
    assert consents.signer_relation(child, child, adult_day) == ""


def test_paper_consent_validates_the_scan(world, client):
    client = world.client(client, "coordinator")
    url = reverse("mentoring:consent.paper", args=[world.persons["child"].pk])
    base = {
        "signer": world.persons["parent"].pk,
        "kinds": ["participation", "personal_data"],
        "signed_on": timezone.localdate().isoformat(),
    }
    bad = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    assert "Нужен файл PDF, JPG или PNG" in client.post(url, {**base, "scan": bad}).content.decode()
    future = {**base, "signed_on": (timezone.localdate() + timedelta(days=2)).isoformat()}
    scan = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 fake but typed", content_type="application/pdf")
    assert "не может быть в будущем" in client.post(url, {**future, "scan": scan}).content.decode()
    assert not Consent.objects.exists()
    scan = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 fake but typed", content_type="application/pdf")
    client.post(url, {**base, "scan": scan})
    consent = Consent.objects.get(kind="participation")
    assert consent.status == "given" and consent.method == "paper" and consent.scan.name.endswith(".pdf")


@pytest.fixture
def child_pair(world, active_pair):
    give_consents(world.persons["mentor"], world.persons["child"])
    return active_pair


def test_withdrawal_suspends_the_pair_tells_the_curator_and_hides_the_child(
    world, client, child_pair, django_capture_on_commit_callbacks
):
    world.users["curator"].email = "curator@example.com"
    world.users["curator"].save()
    parent = world.client(client, "parent")
    with django_capture_on_commit_callbacks(execute=True):
        parent.post(reverse("mentoring:consent.withdraw", args=[world.persons["child"].pk]))
    child_pair.refresh_from_db()
    assert child_pair.status == Pair.Status.SUSPENDED
    assert not consents.has_valid_consent(world.persons["child"])
    assert any("curator@example.com" in m.to for m in mail.outbox)
    client.logout()
    assert (
        world.client(client, "mentor").get(reverse("mentoring:pair.detail", args=[child_pair.pk])).status_code
        == 404
    )
    client.logout()
    assert (
        world.client(client, "curator")
        .get(reverse("mentoring:pair.detail", args=[child_pair.pk]))
        .status_code
        == 200
    )


def test_withdrawal_in_a_group_closes_only_the_childs_place(world, child_pair):
    Pair.objects.filter(pk=child_pair.pk).update(status=Pair.Status.DRAFT)
    services.pair_add_mentee(
        pair=child_pair, mentee=world.persons["stranger_child"], by=world.users["coordinator"]
    )
    services.consent_withdraw(
        subject=world.persons["child"], kinds=["participation"], by=world.users["parent"]
    )
    child_pair.refresh_from_db()
    assert child_pair.status == Pair.Status.DRAFT
    assert list(child_pair.memberships.filter(is_open=True).values_list("mentee", flat=True)) == [
        world.persons["stranger_child"].pk
    ]


def test_another_family_cannot_withdraw_or_read(world, client, child_pair):
    other_mother = make_person(world.school, "Кузнецова", "Ольга", "Ивановна", kind="external")
    from accounts.models import Guardianship, Membership, Role, User

    Guardianship.objects.create(
        guardian=other_mother, child=world.persons["stranger_child"], relation="mother"
    )
    user = User.objects.create_user("other_parent", password="x")
    other_mother.user = user
    other_mother.save()
    Membership.objects.create(user=user, organization=world.school, role=Role.PARENT)
    client.force_login(user)
    child = world.persons["child"]
    assert client.post(reverse("mentoring:consent.withdraw", args=[child.pk])).status_code == 403
    assert client.get(reverse("mentoring:consent.pdf", args=[child.pk])).status_code == 404
    assert client.get(reverse("mentoring:pair.detail", args=[child_pair.pk])).status_code == 404
    assert "Сидоров" not in client.get(reverse("mentoring:consent.mine")).content.decode()
    assert consents.has_valid_consent(child)


def test_pairs_order_is_refused_while_a_minor_lacks_consent(world, programme):
    make_bases(world)
    give_consents(world.persons["mentor"])
    by = world.users["coordinator"]
    pair = services.pair_create(
        programme=programme,
        form=MentoringForm.objects.get(code="teacher_pupil"),
        mentor=world.persons["mentor"],
        start_date=date(2025, 10, 1),
        end_date=date(2026, 5, 29),
        by=by,
        mentees=[world.persons["child"]],
    )
    for person in (world.persons["mentor"], world.persons["child"]):
        services.pair_record_agreement(pair=pair, person=person, by=by)
    order = services.order_draft_pairs(programme=programme, pairs=[Pair.objects.get(pk=pair.pk)], by=by)
    services.order_submit(order=order, by=by)
    with pytest.raises(ValidationError) as error:
        services.order_approve(order=order, by=world.users["director"])
    text = " ".join(error.value.messages)
    assert "согласи" in text and "Сидоров Павел Игоревич" in text and "законный представитель" in text
    assert "Иванова Мария" not in text  # the mentor has consented
    give_consents(world.persons["child"])
    assert services.order_approve(order=order, by=world.users["director"]).status == Order.Status.APPROVED


def test_tracker_requests_everyone_missing_in_one_action(world, client, child_pair):
    Consent.objects.filter(subject=world.persons["child"]).delete()
    client = world.client(client, "coordinator")
    page = client.get(reverse("mentoring:consent.tracker"), {"group": "7Б"}).content.decode()
    assert "Сидоров Павел Игоревич" in page and "Иванова Мария" not in page  # filtered by class
    client.post(reverse("mentoring:consent.request_all"), {})
    subjects = set(ConsentRequest.objects.values_list("subject__last_name", flat=True))
    assert "Сидоров" in subjects and "Иванова" not in subjects  # the mentor already has valid consents
    response = client.post(reverse("mentoring:consent.letters"), {})
    # the mother has no e-mail in this world: a letter with a fresh link and a QR code
    assert response["Content-Type"] == "application/pdf"
    assert "/m/consents/sign/" in pdf_text(response.content)


def test_token_pages_are_rate_limited(world, client):
    for _ in range(30):
        client.get(reverse("mentoring:consent.sign", args=["nope"]))
    response = client.get(reverse("mentoring:consent.sign", args=["nope"]))
    assert response.status_code == 429 and "Слишком много попыток" in response.content.decode()


def test_consents_expire(world):
    give_consents(world.persons["mentor"])
    Consent.objects.update(expires_on=timezone.localdate() - timedelta(days=1))
    assert consents.consents_expire() == 2
    assert not consents.has_valid_consent(world.persons["mentor"])


def test_a_signed_in_parent_signs_from_the_account_but_not_for_another_family(world, client):
    parent = world.client(client, "parent")
    page = parent.get(reverse("mentoring:consent.mine")).content.decode()
    assert "Прочитать и подписать" in page
    response = parent.post(reverse("mentoring:consent.sign_mine", args=[world.persons["child"].pk]))
    assert response.status_code == 302 and "/m/consents/sign/" in response["Location"]
    assert "152-ФЗ" in parent.get(response["Location"]).content.decode()
    stranger = world.persons["stranger_child"]
    assert parent.post(reverse("mentoring:consent.sign_mine", args=[stranger.pk])).status_code == 404
    assert not ConsentRequest.objects.filter(subject=stranger).exists()


def test_behind_the_proxy_each_visitor_has_their_own_limit(world, client, settings):
    settings.BEHIND_PROXY = True
    url = reverse("mentoring:consent.sign", args=["nope"])
    for _ in range(30):
        client.get(url, HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.5")
    assert client.get(url, HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.5").status_code == 429
    # another visitor through the same proxy; a forged first entry does not help the first one
    assert client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 410
    assert client.get(url, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5").status_code == 429
