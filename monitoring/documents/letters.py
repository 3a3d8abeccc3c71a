"""Printed invitations for respondents without an e-mail (a minor's go to the family): the link and its QR code."""

import segno

from mentoring.documents.render import render_pdf
from monitoring.services import answer_url


def render_survey_letters(campaign, invitations) -> bytes:
    """One letter (a page) per invitation."""
    pages = []
    for invitation in invitations:
        url = answer_url(invitation)
        pages.append(
            {"invitation": invitation, "url": url, "qr": segno.make(url, error="m").svg_inline(scale=3)}
        )
    context = {"pages": pages, "campaign": campaign, "organization": campaign.organization}
    return render_pdf("documents/survey_letters.html", context)
