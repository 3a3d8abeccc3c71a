"""Every letter goes through the outbox (django-post-office): `queue_mail` stores it inside the use case's
transaction, and it is delivered after the commit in the background (accounts.infra.background), retried
while the mail server is down; `manage.py send_queued_mail` (or Celery beat) delivers what is left. A
request never fails because the mail server does. Django's own letters (password reset) take the same path
because EMAIL_BACKEND is the outbox."""

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from post_office import mail
from post_office.models import Email

from .background import run_after_commit

DELIVER_TASK = "accounts.tasks.deliver_mail"


def queue_mail(template: str, recipients, context: dict) -> Email | None:
    """emails/<template>_subject.txt, <template>.txt and (if present) <template>.html, rendered now with
    `context`, queued for every non-empty address. None when there is no address at all."""
    recipients = sorted(
        {address for address in ([recipients] if isinstance(recipients, str) else recipients) if address}
    )
    if not recipients:
        return None
    subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    try:
        html = render_to_string(f"emails/{template}.html", context)
    except TemplateDoesNotExist:
        html = ""
    return mail.send(
        recipients=recipients,
        sender=settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        message=render_to_string(f"emails/{template}.txt", context),
        html_message=html,
    )


def deliver_queued() -> tuple[int, int, int]:
    """Send what is due now: (sent, failed for good, requeued for a retry)."""
    from post_office.mail import send_queued

    return send_queued()


def on_email_queued(sender, emails, **kwargs) -> None:
    """post_office's signal for every queued letter (ours and Django's): deliver after the commit."""
    run_after_commit(DELIVER_TASK)


def delivery_status(email: Email | None) -> str:
    """What a person is told about a notification: «отправлено», «в очереди», «не доставлено…»."""
    if email is None:
        return "не отправлялось: нет адреса"
    from post_office.models import STATUS

    if email.status == STATUS.sent:
        return "отправлено"
    if email.status == STATUS.failed:
        return "не доставлено: почтовый сервер недоступен"
    if email.status == STATUS.requeued:
        return "почтовый сервер недоступен, повторная попытка запланирована"
    return "в очереди на отправку"
