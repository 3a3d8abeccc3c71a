"""Printed letters to parents (and adult participants) without an e-mail: a link and its QR code to sign
the consents online."""

import segno

from accounts.services.consents import consent_url
from mentoring.documents.render import render_pdf


def render_consent_letters(links, organization) -> bytes:
    """`links`: (ConsentRequest, raw token) pairs, one letter (a page) each."""
    pages = []
    for link, token in links:
        url = consent_url(token)
        pages.append({"link": link, "url": url, "qr": segno.make(url, error="m").svg_inline(scale=3)})
    return render_pdf("documents/consent_letters.html", {"pages": pages, "organization": organization})
