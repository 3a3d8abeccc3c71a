"""Consents as documents: the signed text with its signature, a withdrawn one marked as withdrawn with the date,
and for what is not signed yet a paper form that meets 152-ФЗ art. 9 part 4 (fill-in lines for the addresses
and identity documents of the subject and the representative and for the document confirming representation);
a minor with no recorded guardian gets the same form with the representative's lines left blank."""

from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import Consent, ConsentKind, Guardianship
from accounts.services import consents
from mentoring.documents.render import render_pdf

FIELD = "[["  # «[[адрес места жительства]]»: a line to fill in by hand, with its caption under it


def _relation(subject, signer, day) -> str:
    if signer is None or not subject.is_minor(day):
        return ""
    link = Guardianship.objects.filter(guardian=signer, child=subject).first()
    return link.get_relation_display().lower() if link else ""


def paper_text(kind: str, *, subject, signer, day) -> str:
    """The text of a consent to print and sign by hand (signer None: a blank for a representative to fill)."""
    context = {
        "organization": subject.organization,
        "subject": subject,
        "signer": signer,
        "on_behalf": subject.is_minor(day),
        "relation": _relation(subject, signer, day),
        "expires_on": consents.default_expiry(day),
        "paper": True,
    }
    return render_to_string(f"consents/{kind}.txt", context).strip()


def blocks(text: str) -> list[dict]:
    """The text as the PDF lays it out: the title, its subtitle in parentheses, paragraphs and fill-in lines."""
    result = []
    for index, line in enumerate(line.strip() for line in text.splitlines()):
        if not line:
            continue
        if not result:
            result.append({"kind": "title", "text": line})
        elif index and result[-1]["kind"] == "title" and line.startswith("("):
            result.append({"kind": "subtitle", "text": line})
        elif line.startswith(FIELD) and line.endswith("]]"):
            result.append({"kind": "field", "text": line[2:-2]})
        else:
            for part in _inline_fields(line):
                result.append(part)
    return result


def _inline_fields(line: str) -> list[dict]:
    """«Я, [[фамилия, имя, отчество]], …»: an inline blank becomes a line with its caption in brackets."""
    if FIELD not in line:
        return [{"kind": "paragraph", "text": line}]
    before, _, rest = line.partition(FIELD)
    caption, _, after = rest.partition("]]")
    return [{"kind": "paragraph", "text": before, "blank": caption, "after": after}]


def consent_documents(subject, day=None) -> list[dict]:
    """One document per kind: the latest consent of that kind as signed, withdrawn or expired, or a form."""
    day = day or timezone.localdate()
    latest = {}
    for consent in subject.consents.select_related("signer").order_by("-requested_at", "-pk"):
        if consent.status != Consent.Status.REQUESTED:
            latest.setdefault(consent.kind, consent)
    signer = next(iter(consents.signers_of(subject, day)), None)
    documents = []
    for kind, label in ConsentKind.choices:
        consent = latest.get(kind)
        if consent is not None and consent.text:
            documents.append(
                {
                    "label": label,
                    "blocks": blocks(consent.text),
                    "consent": consent,
                    "state": consent.status,
                    "withdrawn_on": timezone.localdate(consent.withdrawn_at)
                    if consent.withdrawn_at
                    else None,
                }
            )
        else:
            text = paper_text(kind, subject=subject, signer=signer, day=day)
            documents.append({"label": label, "blocks": blocks(text), "consent": None, "signer": signer})
    return documents


def render_consents(subject, day=None) -> bytes:
    return render_pdf(
        "documents/consent.html",
        {
            "documents": consent_documents(subject, day),
            "subject": subject,
            "organization": subject.organization,
        },
    )
