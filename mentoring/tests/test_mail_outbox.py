"""With the mail server down, every use case that mails still answers normally; its letter waits in the
outbox (django-post-office) and goes out later through `manage.py send_queued_mail`.

A real SMTP backend points at a port where nothing listens, so each delivery attempt is refused by the
machine itself; then the server «comes back» (the delivery backend is switched) and the command runs."""

import socket
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from post_office.models import STATUS, Email

from conftest import give_consents
from mentoring.models import SafeguardingReport
from mentoring.services.reminders import send_review_reminders


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the probe closes: nothing listens there


@pytest.fixture
def smtp_down(settings):
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _closed_port(), 2
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
        "RETRY_INTERVAL": timedelta(0),
    }
    return settings


def _server_back(settings) -> None:
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    }


# transaction=True: the commit really happens, and with it the background delivery attempt.
@pytest.mark.django_db(transaction=True)
def test_every_use_case_that_mails_answers_while_the_server_is_down(
    world, programme, active_pair, client, smtp_down
):
    world.persons["parent"].email = "mama@example.com"
    world.persons["parent"].save()
    coordinator = world.client(client, "coordinator")

    # an invitation: the one-time link is still shown on the page
    response = coordinator.post(
        reverse("accounts:invitation.create", args=[world.persons["stranger_child"].pk]),
        {"role": "mentee", "email": "new@example.com"},
    )
    assert response.status_code == 200 and "/accounts/invite/" in response.content.decode()
    # a safeguarding report: saved once (a 500 would make the mentor send it again)
    response = world.client(client, "mentor").post(
        reverse("mentoring:safeguarding.create", args=[active_pair.pk]),
        {
            "mentee": world.persons["child"].pk,
            "kind": "threat_to_life_or_health",
            "description": "Угрозы в чате класса",
        },
    )
    assert response.status_code == 302 and SafeguardingReport.objects.count() == 1

    # a withdrawal by the parent: the pair is suspended and the curators are told
    give_consents(world.persons["child"])
    response = world.client(client, "parent").post(
        reverse("mentoring:consent.withdraw", args=[world.persons["child"].pk]), {}
    )
    assert response.status_code == 302
    # «request all consents» asks everyone (the child again, through the mother), none is skipped half-way
    response = world.client(client, "coordinator").post(reverse("mentoring:consent.request_all"), {})
    assert response.status_code == 302 and world.persons["child"].consent_requests.exists()
    client.logout()
    # a password reset
    assert client.post(reverse("accounts:password.reset"), {"email": "mentor@example.com"}).status_code == 302
    assert not mail.outbox
    waiting = Email.objects.exclude(status=STATUS.sent)
    assert waiting.count() == Email.objects.count() >= 4
    assert set(waiting.values_list("status", flat=True)) == {STATUS.requeued}

    _server_back(smtp_down)
    call_command("send_queued_mail", processes=1)
    assert not Email.objects.exclude(status=STATUS.sent).exists()
    subjects = " ".join(letter.subject for letter in mail.outbox)
    assert "Приглашение" in subjects and "Восстановление пароля" in subjects


@pytest.mark.django_db(transaction=True)
def test_a_safeguarding_report_shows_whether_its_letter_went_out(
    world, programme, active_pair, client, smtp_down
):
    mentor = world.client(client, "mentor")
    response = mentor.post(
        reverse("mentoring:safeguarding.create", args=[active_pair.pk]),
        {
            "mentee": world.persons["child"].pk,
            "kind": "threat_to_life_or_health",
            "description": "Говорил о бессмысленности жизни",
        },
    )
    assert response.status_code == 302  # saved once: no 500, no resubmission
    report = SafeguardingReport.objects.get()
    client.logout()
    coordinator = world.client(client, "coordinator")
    url = reverse("mentoring:safeguarding.detail", args=[report.pk])
    assert "повторная попытка запланирована" in coordinator.get(url).content.decode()
    _server_back(smtp_down)
    call_command("send_queued_mail", processes=1)
    assert "отправлено" in coordinator.get(url).content.decode()
    assert sorted(mail.outbox[0].to) == ["coordinator@example.com", "curator@example.com"]


@pytest.mark.django_db(transaction=True)
def test_review_reminders_are_queued_and_logged_while_the_server_is_down(
    world, programme, active_pair, smtp_down
):
    assert send_review_reminders(date(2026, 5, 20)) == {"review_due_soon": 1, "review_overdue": 0}
    assert Email.objects.get().status == STATUS.requeued
    _server_back(smtp_down)
    call_command("send_queued_mail", processes=1)
    assert mail.outbox[0].to == ["mentor@example.com"]
