"""Online consent is tied to the signer (issue 9, item 4): whoever else holds the link — the child, a staff member
who printed the letters — sees no personal data and cannot sign; the signer proves themself with a code sent
to the e-mail the school holds, or from their own account. Each link records who made it and how it travelled."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import AuditEntry, Consent, ConsentRequest, Proof
from accounts.services import consents
from conftest import delivered, make_bases


@pytest.fixture
def link(world):
    parent = world.persons["parent"]
    parent.email = "mama@example.com"
    parent.save()
    [(link, token)] = consents.consent_request(
        subject=world.persons["child"], by=world.users["coordinator"], send_email=False
    )
    return link, token


def url(token):
    return reverse("mentoring:consent.sign", args=[token])


SIGNATURE = {"signed_name": "Сидорова Елена Андреевна", "agree": "on"}


def shows_personal_data(html: str) -> bool:
    return any(text in html for text in ("Сидоров", "Павел", "01.05.2012", "2012", "7Б", "Елена Андреевна"))


def test_the_page_shows_no_personal_data_before_the_proof(world, client, link):
    _, token = link
    html = client.get(url(token)).content.decode()
    assert not shows_personal_data(html)
    assert "m***@example.com" in html and "Получить код" in html


def test_holding_the_link_is_not_enough_to_sign(world, client, link):
    _, token = link
    response = client.post(url(token), SIGNATURE)
    assert not shows_personal_data(response.content.decode())
    assert not Consent.objects.filter(status="given").exists()
    with pytest.raises(ValidationError, match="Подтвердите"):
        consents.consent_sign_online(
            token=token,
            agree=True,
            publication=False,
            ip=None,
            user_agent="",
            **{"signed_name": SIGNATURE["signed_name"]},
        )


def test_a_staff_member_who_printed_the_letter_is_asked_for_the_code_too(world, client, link):
    _, token = link
    html = world.client(client, "coordinator").get(url(token)).content.decode()
    assert not shows_personal_data(html)
    world.client(client, "coordinator").post(url(token), SIGNATURE)
    assert not Consent.objects.filter(status="given").exists()


def test_the_parent_gets_a_code_by_email_and_signs(world, client, link):
    consent_link, token = link
    client.post(url(token), {"step": "send"})
    [letter] = delivered()
    assert letter.to == ["mama@example.com"]
    code = letter.subject.rsplit(":", 1)[1].strip()
    assert len(code) == 6 and code.isdigit() and code in letter.body
    wrong = "000000" if code != "000000" else "111111"
    response = client.post(url(token), {"step": "verify", "code": wrong})
    assert "Код не подходит" in response.content.decode()
    response = client.post(url(token), {"step": "verify", "code": code})
    assert response.status_code == 302
    assert shows_personal_data(client.get(url(token)).content.decode())
    assert "Согласие подписано" in client.post(url(token), SIGNATURE).content.decode()
    consent = Consent.objects.get(subject=world.persons["child"], kind="personal_data")
    assert consent.status == "given" and consent.proof == Proof.EMAIL_CODE and consent.link == consent_link
    assert consent.link.created_by == world.users["coordinator"]
    entry = AuditEntry.objects.get(action="consent.give", object_id=str(consent.pk))
    assert (
        entry.data["proof"] == Proof.EMAIL_CODE
        and entry.data["link_created_by"] == world.users["coordinator"].pk
    )


def test_five_wrong_codes_spend_it(world, client, link):
    consent_link, token = link
    code = consents.consent_code_issue(link=consent_link)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        client.post(url(token), {"step": "verify", "code": wrong})
    response = client.post(url(token), {"step": "verify", "code": code})
    assert "Слишком много неверных попыток" in response.content.decode()
    assert not shows_personal_data(client.get(url(token)).content.decode())


def test_codes_per_hour_are_limited(world, link):
    consent_link, _ = link
    for _ in range(consents.CODES_PER_HOUR):
        consents.consent_code_send(link=consent_link)
    with pytest.raises(ValidationError, match="через час"):
        consents.consent_code_send(link=consent_link)


def test_a_code_proven_in_one_browser_does_not_open_the_page_in_another(
    world, client, link, django_user_model
):
    from django.test import Client

    consent_link, token = link
    code = consents.consent_code_issue(link=consent_link)
    client.post(url(token), {"step": "verify", "code": code})
    other = Client()
    assert not shows_personal_data(other.get(url(token)).content.decode())


def test_the_parent_signs_from_the_account_without_a_code(world, client):
    parent = world.client(client, "parent")
    response = parent.post(reverse("mentoring:consent.sign_mine", args=[world.persons["child"].pk]))
    html = parent.get(response["Location"]).content.decode()
    assert shows_personal_data(html) and "Получить код" not in html
    assert "Согласие подписано" in parent.post(response["Location"], SIGNATURE).content.decode()
    consent = Consent.objects.get(subject=world.persons["child"], kind="participation")
    assert consent.proof == Proof.ACCOUNT and consent.link.channel == ConsentRequest.Channel.ACCOUNT
    assert consent.link.created_by == world.users["parent"]


def test_links_printed_as_letters_are_marked_and_their_consents_show_it(world, client):
    make_bases(world)
    response = world.client(client, "coordinator").post(reverse("mentoring:consent.letters"))
    assert response["Content-Type"] == "application/pdf"
    link = ConsentRequest.objects.get(subject=world.persons["child"])
    assert link.channel == ConsentRequest.Channel.LETTER and link.created_by == world.users["coordinator"]
    # The mother has an account: she signs the letter's link from it (its token, printed in the PDF, is
    # replaced here by one the test knows).
    from accounts.infra.tokens import new_token

    raw, link.token_hash = new_token()
    link.save(update_fields=["token_hash"])
    parent = world.client(client, "parent")
    assert "Согласие подписано" in parent.post(url(raw), SIGNATURE).content.decode()
    tracker = world.client(client, "coordinator").get(reverse("mentoring:consent.tracker")).content.decode()
    assert "по письму" in tracker


def test_a_signer_without_an_email_is_told_to_sign_in_or_on_paper(world, client):
    [(_, token)] = consents.consent_request(
        subject=world.persons["child"], by=world.users["coordinator"], send_email=False
    )
    html = client.get(url(token)).content.decode()
    assert "нет вашего адреса e-mail" in html and "Войдите" in html and "Получить код" not in html


def test_opening_a_link_is_in_the_journal(world, client, link):
    _, token = link
    client.get(url(token))
    client.get(url("forged"))
    assert AuditEntry.objects.filter(action="consent.link_open", data__ip="127.0.0.1").exists()
    assert AuditEntry.objects.filter(action="consent.link_refused").exists()
