"""Consent use cases that reach into pairs: mentoring orchestrates, accounts keeps the consents."""

from django.db import transaction
from django.utils import timezone

from accounts.infra.mail import queue_mail
from accounts.models import ConsentKind, Person
from accounts.services import audit, consents
from mentoring.models import Pair, PairMentee
from mentoring.selectors import curator_emails

BLOCKING_KINDS = (ConsentKind.PARTICIPATION, ConsentKind.PERSONAL_DATA)


def missing_consents(person: Person) -> list[str]:
    valid = set(person.consents.valid().values_list("kind", flat=True))
    return [_lower_first(ConsentKind(kind).label) for kind in BLOCKING_KINDS if kind not in valid]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]  # «обработка персональных данных (152-ФЗ)» keeps its ФЗ


def consent_blockers(pairs) -> list[str]:
    """One sentence per participant of these pairs without a valid consent, saying what is missing."""
    problems, seen = [], set()
    for pair in pairs:
        people = [pair.mentor] + [
            p.mentee for p in pair.memberships.filter(is_open=True).select_related("mentee")
        ]
        for person in people:
            if person.pk in seen:
                continue
            seen.add(person.pk)
            missing = missing_consents(person)
            if missing:
                who = "подписывает законный представитель" if person.is_minor() else "подписывает сам(а)"
                problems.append(
                    f"{person.full_name}: нет действующего согласия — {', '.join(missing)} ({who})."
                )
    return problems


@transaction.atomic
def consent_withdraw(*, subject: Person, kinds, by) -> list[Pair]:
    """Withdraw consents; without participation or data consent the person's open places stop: a pair of
    one is suspended, a group goes on without them. The curators are told at once."""
    withdrawn = consents.consent_withdraw(subject=subject, kinds=kinds, by=by)
    if not {c.kind for c in withdrawn} & set(BLOCKING_KINDS):
        return []
    today = timezone.localdate()
    affected = []
    for place in (
        PairMentee.objects.select_for_update().filter(mentee=subject, is_open=True).select_related("pair")
    ):
        pair = place.pair
        others = pair.memberships.filter(is_open=True).exclude(pk=place.pk).exists()
        if others:
            place.is_open, place.left_on = False, today
            place.save(update_fields=["is_open", "left_on"])
        elif pair.status != Pair.Status.SUSPENDED:
            pair.suspended_from, pair.suspended_on = pair.status, today
            pair.status = Pair.Status.SUSPENDED
            pair.save(update_fields=["status", "suspended_from", "suspended_on"])
        audit(
            organization=pair.organization,
            actor=by,
            action="pair.suspend_for_consent",
            obj=pair,
            mentee=subject.pk,
        )
        affected.append(pair)
    for pair in affected:
        queue_mail("consent_withdrawn", curator_emails(pair), {"pair": pair, "subject": subject})
    return affected
