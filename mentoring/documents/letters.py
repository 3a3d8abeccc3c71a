"""Letters that invite to sign consents, printed for the signers who have no e-mail: addressed by name with
«Уважаемая …!» / «Уважаемый …!» from the recorded sex, «Вы» with a capital, advice for a parent or for an adult
participant, a fresh single-purpose link with its QR code, the date, the contact and the director's signature.
A signer who has withdrawn a consent for this person is not invited again by letter."""

import segno
from django.utils import timezone

from accounts.models import Consent, Role
from accounts.services.consents import consent_url, signers_of
from mentoring.documents.orders import signatory
from mentoring.documents.render import render_pdf
from mentoring.documents.russian import decline_full_name, person_description


def withdrawn_by(subject) -> set[int]:
    """The signers who withdrew a consent for this person: they said no, a letter would press them."""
    return set(
        subject.consents.filter(status=Consent.Status.WITHDRAWN, signer__isnull=False).values_list(
            "signer_id", flat=True
        )
    )


def contact_of(organization):
    """The coordinator whose name and contacts the letter gives for questions."""
    return (
        organization.persons.filter(
            user__memberships__organization=organization, user__memberships__role=Role.COORDINATOR
        )
        .order_by("last_name")
        .first()
    )


def letter_signers(subject) -> list:
    """Who of the subject's signers gets a printed letter: those without an e-mail who have not withdrawn."""
    refused = withdrawn_by(subject)
    return [signer for signer in signers_of(subject) if not signer.email and signer.pk not in refused]


def letter_page(link, url: str, qr_svg: str) -> dict:
    signer, subject = link.signer, link.subject
    for_child = signer.pk != subject.pk
    return {
        "greeting": ("Уважаемая" if signer.sex == "F" else "Уважаемый")
        + f" {signer.first_name} {signer.middle_name}".rstrip()
        + "!",
        "addressee": decline_full_name(
            signer.last_name, signer.first_name, signer.middle_name, signer.sex, "dative"
        ),
        "for_child": for_child,
        "child": decline_full_name(
            subject.last_name, subject.first_name, subject.middle_name, subject.sex, "accusative"
        ),
        "child_description": person_description(subject, "accusative"),
        "child_is_girl": subject.sex == "F",
        "expires": timezone.localdate(link.expires_at),
        "url": url,
        "qr": qr_svg,
    }


def render_consent_letters(links, organization) -> bytes:
    """`links`: (ConsentRequest, raw token) pairs, one letter (a page) each."""
    pages = []
    for link, token in links:
        url = consent_url(token)
        pages.append(letter_page(link, url, segno.make(url, error="m").svg_inline(scale=3)))
    return render_pdf(
        "documents/consent_letters.html",
        {
            "pages": pages,
            "organization": organization,
            "today": timezone.localdate(),
            "signatory": signatory(organization),
            "contact": contact_of(organization),
        },
    )
