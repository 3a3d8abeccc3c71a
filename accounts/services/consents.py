"""Consents (152-ФЗ): request, sign online or on paper, withdraw, expire. Every change leaves an AuditEntry.

Who signs: the subject themself if 18 or older on the day of signing, otherwise a legal representative
linked by Guardianship. The text signed is rendered once and frozen on the consent."""

import secrets
import uuid
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.infra.mail import queue_mail
from accounts.infra.tokens import absolute_url
from accounts.models import Consent, ConsentKind, ConsentRequest, Guardianship, Person, Proof

from .audit import audit

TEXT_VERSION = "2026-2"  # 2026-2: art. 9 part 4 and art. 10.1 forms, the cases of the child (issue 13)
REQUIRED_KINDS = (ConsentKind.PARTICIPATION, ConsentKind.PERSONAL_DATA)
LINK_TTL_DAYS = 30
SCAN_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
SCAN_MAX_BYTES = 5 * 1024 * 1024
# The signer's proof: a six-digit code e-mailed to them, valid 15 minutes, 5 tries, 3 codes an hour per link;
# once confirmed it lets that browser sign within 30 minutes.
CODE_TTL = timedelta(minutes=15)
CODE_TRIES = 5
CODES_PER_HOUR = 3
PROOF_TTL = timedelta(minutes=30)


def default_expiry(day: date) -> date:
    """Until 31 August after the academic year of signing ends: the period of one programme cycle."""
    return date(day.year + 1 if day.month >= 9 else day.year, 8, 31)


def has_valid_consent(person: Person, kind: str = ConsentKind.PARTICIPATION) -> bool:
    return person.consents.valid().filter(kind=kind).exists()


def signer_relation(subject: Person, signer: Person, day: date) -> str:
    """'' for an adult signing for themself, the guardian's relation for a legal representative;
    ValidationError if this person may not sign for the subject on that day."""
    if not subject.is_minor(day):
        if signer.pk != subject.pk:
            raise ValidationError(f"{subject.full_name} совершеннолетний(яя) и подписывает согласие сам(а).")
        return ""
    link = Guardianship.objects.filter(guardian=signer, child=subject).first()
    if link is None:
        raise ValidationError(
            f"За несовершеннолетнего {subject.full_name} согласие подписывает только законный представитель."
        )
    return link.get_relation_display().lower()


def consent_text(kind: str, *, subject: Person, signer: Person, day: date, expires_on: date) -> str:
    relation = signer_relation(subject, signer, day)
    context = {
        "organization": subject.organization,
        "subject": subject,
        "signer": signer,
        "on_behalf": bool(relation),
        "relation": relation,
        "expires_on": expires_on,
    }
    return render_to_string(f"consents/{kind}.txt", context).strip()


def signers_of(subject: Person, day: date | None = None) -> list[Person]:
    if not subject.is_minor(day or timezone.localdate()):
        return [subject]
    return [g.guardian for g in subject.guardianships.select_related("guardian")]


def consent_url(token: str) -> str:
    return absolute_url("mentoring:consent.sign", token)


@transaction.atomic
def consent_request(
    *, subject: Person, by, send_email: bool = True, channel: str = ""
) -> list[tuple[ConsentRequest, str]]:
    """Ask for the required consents a subject lacks: «requested» rows and one link per possible signer."""
    day = timezone.localdate()
    signers = signers_of(subject, day)
    if not signers:
        raise ValidationError(
            f"У {subject.full_name} не указан законный представитель: добавьте его в карточке."
        )
    for kind in REQUIRED_KINDS:
        if not subject.consents.filter(
            kind=kind, status__in=[Consent.Status.REQUESTED, Consent.Status.GIVEN]
        ).exists():
            Consent.objects.create(
                organization=subject.organization, subject=subject, kind=kind, recorded_by=by
            )
    links = []
    for signer in signers:
        sent = send_email and bool(signer.email)
        link, token = _new_link(
            subject,
            signer,
            by,
            sent=sent,
            channel=channel or (ConsentRequest.Channel.EMAIL if sent else ConsentRequest.Channel.LETTER),
        )
        links.append((link, token))
        if send_email and signer.email:
            _send_link(link, token)
    audit(
        organization=subject.organization, actor=by, action="consent.request", obj=subject, links=len(links)
    )
    return links


@transaction.atomic
def consent_request_many(
    *, subjects, by, send_email: bool = True, channel: str = ""
) -> tuple[list[tuple[ConsentRequest, str]], list[str]]:
    """Ask many people at once (the tracker's one action): the links made, and one Russian sentence for each
    person who could not be asked (no legal representative); the others are asked all the same."""
    links, problems = [], []
    for subject in subjects:
        try:
            with transaction.atomic():
                links += consent_request(subject=subject, by=by, send_email=send_email, channel=channel)
        except ValidationError as error:
            problems.append(error.messages[0])
    return links, problems


def _new_link(subject: Person, signer: Person, by, *, sent: bool, channel: str) -> tuple[ConsentRequest, str]:
    link = ConsentRequest(
        organization=subject.organization,
        subject=subject,
        signer=signer,
        created_by=by,
        channel=channel,
        last_sent_at=timezone.now() if sent else None,
    )
    token = link.issue(timedelta(days=LINK_TTL_DAYS))
    link.save()
    return link, token


@transaction.atomic
def consent_link_for_signer(*, subject: Person, signer: Person, by) -> str:
    """A parent (or an adult) signed in to their account signs there: a fresh single-purpose link for them."""
    signer_relation(subject, signer, timezone.localdate())
    _, token = _new_link(subject, signer, by, sent=False, channel=ConsentRequest.Channel.ACCOUNT)
    audit(organization=subject.organization, actor=by, action="consent.link_for_signer", obj=subject)
    return token


def _send_link(link: ConsentRequest, token: str) -> None:
    context = {"link": link, "url": consent_url(token), "organization": link.organization}
    queue_mail("consent_request", link.signer.email, context)


@transaction.atomic
def consent_remind(*, link: ConsentRequest, by) -> str:
    """A new token for a pending request (the old one stops working), e-mailed again."""
    if link.used_at or not link.signer.email:
        raise ValidationError(
            "Напомнить можно только по неиспользованной ссылке, если у представителя есть e-mail."
        )
    token = link.issue(timedelta(days=LINK_TTL_DAYS))
    link.reminders_sent += 1
    link.last_sent_at = timezone.now()
    link.save()
    _send_link(link, token)
    audit(organization=link.organization, actor=by, action="consent.remind", obj=link.subject)
    return token


def consent_link_check(token: str, *, lock: bool = False) -> ConsentRequest:
    """The link behind a token, or LinkError saying in Russian why it cannot be used."""
    queryset = ConsentRequest.objects.select_related("organization", "subject", "signer")
    return ConsentRequest.check_token(token, queryset=queryset, lock=lock)


def signs_from_account(link: ConsentRequest, user) -> bool:
    """The signer is signed in to their own account: a proof the school does not hold (their password)."""
    return user is not None and user.is_authenticated and link.signer.user_id == user.pk


def mask_email(address: str) -> str:
    """«m***@example.com»: enough for the signer to recognise their address, not to learn someone else's."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else ""


def _code_hash(link: ConsentRequest, code: str) -> str:
    return salted_hmac("consent-code", f"{link.pk}:{code}").hexdigest()


@transaction.atomic
def consent_code_issue(*, link: ConsentRequest) -> str:
    """A new one-time code for the link (the previous one stops working); returns it in clear, once."""
    link = ConsentRequest.objects.select_for_update().get(pk=link.pk)
    now = timezone.now()
    if link.code_expires_at and link.code_expires_at - CODE_TTL > now - timedelta(hours=1):
        if link.codes_sent >= CODES_PER_HOUR:
            raise ValidationError("Код уже отправлялся несколько раз. Попробуйте снова через час.")
    else:
        link.codes_sent = 0
    code = f"{secrets.randbelow(10**6):06d}"
    link.code_hash, link.code_expires_at = _code_hash(link, code), now + CODE_TTL
    link.code_attempts, link.codes_sent = 0, link.codes_sent + 1
    link.save(update_fields=["code_hash", "code_expires_at", "code_attempts", "codes_sent"])
    return code


@transaction.atomic
def consent_code_send(*, link: ConsentRequest) -> None:
    """E-mail a one-time code to the signer's address the school holds."""
    if not link.signer.email:
        raise ValidationError(
            "У школы нет вашего адреса e-mail: войдите в личный кабинет или подпишите согласие на бумаге."
        )
    code = consent_code_issue(link=link)
    queue_mail(
        "consent_code", link.signer.email, {"link": link, "code": code, "organization": link.organization}
    )
    audit(organization=link.organization, actor=None, action="consent.code_sent", obj=link)


def consent_code_verify(*, link: ConsentRequest, code: str) -> None:
    """Check the code typed; five wrong tries spend it. ValidationError in Russian when it does not match (the
    wrong try is counted first, in its own transaction, so raising does not undo the count)."""
    problem = _check_code(link, code)
    if problem:
        raise ValidationError({"code": problem})


@transaction.atomic
def _check_code(link: ConsentRequest, code: str) -> str:
    link = ConsentRequest.objects.select_for_update().get(pk=link.pk)
    if not link.code_hash or link.code_expires_at is None or link.code_expires_at <= timezone.now():
        return "Код устарел или ещё не запрошен: получите новый код."
    if link.code_attempts >= CODE_TRIES:
        return "Слишком много неверных попыток: получите новый код."
    if not constant_time_compare(link.code_hash, _code_hash(link, "".join(code.split()))):
        link.code_attempts += 1
        link.save(update_fields=["code_attempts"])
        left = CODE_TRIES - link.code_attempts
        return (
            f"Код не подходит. Осталось попыток: {left}." if left else "Код не подходит: получите новый код."
        )
    link.code_hash, link.code_verified_at = "", timezone.now()
    link.save(update_fields=["code_hash", "code_verified_at"])
    audit(organization=link.organization, actor=None, action="consent.code_verified", obj=link)
    return ""


def _proof(link: ConsentRequest, by) -> str:
    if signs_from_account(link, by):
        return Proof.ACCOUNT
    if link.code_verified_at and link.code_verified_at > timezone.now() - PROOF_TTL:
        return Proof.EMAIL_CODE
    raise ValidationError(
        "Подтвердите, что согласие подписываете именно вы: введите код из письма или войдите в личный кабинет."
    )


def _normalise(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def _give(
    *,
    subject,
    signer,
    kinds,
    method,
    by,
    day,
    ip=None,
    user_agent="",
    signed_name="",
    scan=None,
    link=None,
    proof="",
) -> list[Consent]:
    signer_relation(subject, signer, day)
    expires_on = default_expiry(day)
    given = []
    for kind in kinds:
        consent = subject.consents.filter(
            kind=kind, status__in=[Consent.Status.REQUESTED, Consent.Status.GIVEN]
        ).first()
        if consent is None:
            consent = Consent(organization=subject.organization, subject=subject, kind=kind)
        consent.signer, consent.status, consent.method = signer, Consent.Status.GIVEN, method
        consent.given_at, consent.expires_on = timezone.now(), expires_on
        consent.text_version = TEXT_VERSION
        consent.text = consent_text(kind, subject=subject, signer=signer, day=day, expires_on=expires_on)
        consent.signed_name, consent.ip_address, consent.user_agent = signed_name, ip, user_agent[:500]
        consent.recorded_by = by
        consent.link, consent.proof = link, proof
        if scan is not None:
            consent.scan = scan
        consent.save()
        audit(
            organization=subject.organization,
            actor=by,
            action="consent.give",
            obj=consent,
            kind=kind,
            method=method,
            signer=signer.pk,
            proof=proof,
            channel=link.channel if link else "",
            link_created_by=link.created_by_id if link else None,
        )
        given.append(consent)
    return given


@transaction.atomic
def consent_sign_online(
    *, token: str, signed_name: str, agree: bool, publication: bool, ip: str | None, user_agent: str, by=None
) -> list[Consent]:
    link = consent_link_check(token, lock=True)
    proof = _proof(link, by)
    errors = {}
    if _normalise(signed_name) != _normalise(link.signer.full_name):
        errors["signed_name"] = (
            f"Введите фамилию, имя и отчество так, как они указаны: {link.signer.full_name}."
        )
    if not agree:
        errors["agree"] = "Отметьте, что вы прочитали текст и согласны."
    if errors:
        raise ValidationError(errors)
    kinds = list(REQUIRED_KINDS) + ([ConsentKind.PUBLICATION] if publication else [])
    given = _give(
        subject=link.subject,
        signer=link.signer,
        kinds=kinds,
        method=Consent.Method.ONLINE,
        by=by,
        day=timezone.localdate(),
        ip=ip,
        user_agent=user_agent,
        signed_name=signed_name.strip(),
        link=link,
        proof=proof,
    )
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    return given


SCAN_SIGNATURES = {b"%PDF-": ".pdf", b"\xff\xd8\xff": ".jpg", b"\x89PNG\r\n\x1a\n": ".png"}


def check_scan(scan) -> str:
    """The extension of the scan's real type (from its first bytes, not its name), or ValidationError."""
    if scan is None:
        raise ValidationError({"scan": "Приложите скан подписанного согласия."})
    if scan.size > SCAN_MAX_BYTES:
        raise ValidationError({"scan": "Файл больше 5 МБ: отсканируйте с меньшим разрешением."})
    head = scan.read(8)
    scan.seek(0)
    for signature, extension in SCAN_SIGNATURES.items():
        if head.startswith(signature):
            return extension
    raise ValidationError({"scan": "Нужен файл PDF, JPG или PNG."})


@transaction.atomic
def consent_record_paper(
    *, subject: Person, signer: Person, kinds, scan, signed_on: date, by
) -> list[Consent]:
    # Stored under a name the server chooses, with the extension of the detected type: the uploader's name
    # («../../x.html», «согласие.pdf.exe») never reaches the disk or a later download.
    scan.name = f"{uuid.uuid4().hex}{check_scan(scan)}"
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": "Дата подписания не может быть в будущем."})
    if not kinds:
        raise ValidationError({"kinds": "Отметьте, на что дано согласие."})
    return _give(
        subject=subject,
        signer=signer,
        kinds=kinds,
        method=Consent.Method.PAPER,
        by=by,
        day=signed_on,
        scan=scan,
    )


@transaction.atomic
def consent_withdraw(*, subject: Person, kinds, by) -> list[Consent]:
    """Withdraw the given consents of these kinds; the caller (mentoring) suspends what depends on them."""
    consents = list(subject.consents.select_for_update().filter(kind__in=kinds, status=Consent.Status.GIVEN))
    if not consents:
        raise ValidationError("Действующих согласий этого вида нет.")
    for consent in consents:
        consent.status, consent.withdrawn_at = Consent.Status.WITHDRAWN, timezone.now()
        consent.save(update_fields=["status", "withdrawn_at"])
        audit(
            organization=subject.organization,
            actor=by,
            action="consent.withdraw",
            obj=consent,
            kind=consent.kind,
        )
    return consents


@transaction.atomic
def consents_expire(*, today: date | None = None) -> int:
    today = today or timezone.localdate()
    expired = list(
        Consent.objects.select_for_update().filter(status=Consent.Status.GIVEN, expires_on__lt=today)
    )
    for consent in expired:
        consent.status = Consent.Status.EXPIRED
        consent.save(update_fields=["status"])
        audit(organization=consent.organization, actor=None, action="consent.expire", obj=consent)
    return len(expired)
